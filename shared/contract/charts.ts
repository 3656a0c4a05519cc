import { z } from 'zod';
import { requiredText } from './common';

/** A chart drawn at twice the screen's pixels stays far below this; larger is refused, not cut. */
export const MAX_PNG_BASE64 = 16 * 1024 * 1024;

/** An opaque token from the app's own save dialog (core/files/handles.ts); only Electron issues them. */
const handleSchema = z.string().regex(/^[\w-]{16,64}$/, 'handle_unknown');

export const chartsContract = {
  /**
   * Saves a chart the screen drew (ECharts' PNG) where the user chose: in the app, the save dialog's
   * handle; elsewhere, `name` in the exports folder beside the database. Only PNG bytes are written.
   */
  'charts:save-png': {
    input: z.object({
      /** The PNG as base64 (a data: URL's part after the comma). */
      image: z.string().min(1, 'required').max(MAX_PNG_BASE64, 'too_long'),
      /** The file name used without a handle: letters, digits, dot, dash and underscore, ending in .png. */
      name: requiredText(120).refine((n) => /^[\p{L}\p{N}_.-]+\.png$/u.test(n) && !n.startsWith('.'), 'invalid_value'),
      handle: handleSchema.optional(),
    }),
    output: z.object({ path: z.string().max(4096), bytes: z.number().int().min(0) }),
  },
} as const;
