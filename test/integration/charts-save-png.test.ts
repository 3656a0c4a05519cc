import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/** A 1×1 white PNG, as a chart's getDataURL would hand it over (after the comma). */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

let app: TestApp | undefined;
afterEach(() => app?.cleanup());

describe('charts:save-png', () => {
  it('writes the PNG byte for byte into the exports folder beside the database (the browser and the CLI)', async () => {
    app = openTestApp('2026-11-23', { files: { mode: 'confined' } });
    const out = await app.call('charts:save-png', { image: PNG, name: 'evaluation-sizes-2026-11-23.png' });
    expect(out.path).toBe(join(app.dir, 'exports', 'evaluation-sizes-2026-11-23.png'));
    expect(readFileSync(out.path).equals(Buffer.from(PNG, 'base64'))).toBe(true);
    expect(out.bytes).toBe(Buffer.from(PNG, 'base64').length);
  });

  it('refuses anything that is not a PNG, and names that lead elsewhere, writing nothing', async () => {
    app = openTestApp('2026-11-23', { files: { mode: 'confined' } });
    const script = Buffer.from('#!/bin/sh\necho hi\n').toString('base64');
    await expect(app.call('charts:save-png', { image: script, name: 'chart.png' })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: ['image'], key: 'invalid_value' }] });
    for (const name of ['../escape.png', 'chart.sh', '.png', 'a/b.png']) {
      await expect(app.call('charts:save-png', { image: PNG, name })).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect(existsSync(join(app.dir, 'exports')) ? readdirSync(join(app.dir, 'exports')) : []).toEqual([]);
    expect(existsSync(join(app.dir, '..', 'escape.png'))).toBe(false);
  });

  it('takes a save-dialog handle only where the app issues them', async () => {
    app = openTestApp('2026-11-23', { files: { mode: 'confined' } });
    await expect(app.call('charts:save-png', { image: PNG, name: 'chart.png', handle: 'a'.repeat(32) })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: ['handle'], key: 'handle_unknown' }] });
  });
});
