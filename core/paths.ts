import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

declare const __dirname: string | undefined;

/**
 * The app root — the repository in development, the asar archive when packaged — found by walking up
 * from the running file to the folder that ships `db/migrations`. Works from source (ESM, tests) and
 * from the bundles in dist/ (CommonJS) alike.
 */
export function appRoot(): string {
  let dir = typeof __dirname === 'string' ? __dirname : import.meta.dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'db', 'migrations', 'meta', '_journal.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('TierBook could not find its database migrations (db/migrations). The installation is incomplete.');
}

export const migrationsFolder = () => join(appRoot(), 'db', 'migrations');
export const rendererFolder = () => join(appRoot(), 'dist', 'renderer');
/** The version in the app's own package.json (shipped inside the asar too). */
export const APP_VERSION: string = (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
