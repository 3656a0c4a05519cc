import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { RUN_FOLDER_PREFIX } from '../support/temp-root';

describe('temporary folders of a test run', () => {
  it('are made inside the run folder that the global setup removes at the end', () => {
    expect(basename(tmpdir()).startsWith(RUN_FOLDER_PREFIX)).toBe(true);
    const made = tempDir();
    expect(dirname(made)).toBe(tmpdir());
    expect(existsSync(made)).toBe(true);
  });
});
