import { writeFileSync } from 'node:fs';
import { invalidInput } from '../../shared/contract';
import type { HandlerContext } from '../context';
import { assertFileTarget } from '../files/write-target';
import { writeWhole } from '../files/write-whole';
import type { HandlerMap } from './types';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Chart pictures the screens export. The bytes must be a PNG: the call cannot be used to drop any other file. */
export function chartHandlers(ctx: HandlerContext): HandlerMap<'charts'> {
  return {
    'charts:save-png': async ({ image, name, handle }) => {
      const bytes = Buffer.from(image, 'base64');
      if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) throw invalidInput([{ path: ['image'], key: 'invalid_value' }]);
      const path = handle !== undefined ? ctx.files.toWrite({ handle }, 'export', ['handle']) : ctx.files.toWrite({ name }, 'export', ['name']);
      assertFileTarget(ctx.db.$client, path, { field: [handle !== undefined ? 'handle' : 'name'] });
      await writeWhole(ctx.db.$client, path, (temp) => writeFileSync(temp, bytes));
      return { path, bytes: bytes.length };
    },
  };
}
