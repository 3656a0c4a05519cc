import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './test-app';

/** A scratch folder for files a test writes (never committed fixtures). */
export function tempFiles() {
  const dir = tempDir();
  return {
    write(name: string, bytes: Uint8Array): string {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
  };
}
