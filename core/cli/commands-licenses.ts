import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../paths';
import type { Command } from './commands';
import { say, sayAs } from './words';

/** Where the build writes the command line's third-party notices (scripts/cli-build.mjs, cliNoticesOutfile). */
export const cliNoticesPath = () => join(appRoot(), 'dist', 'cli', 'THIRD-PARTY-NOTICES.txt');

/**
 * The licenses of the third-party code the command line carries, as its bundles were built: each package's name,
 * version, license and license text (and NOTICE), which their licenses ask to travel with the code.
 */
export const LICENSE_COMMANDS: Command[] = [
  {
    words: ['licenses'],
    flags: {},
    offline: () => true,
    run: async () => {
      const file = cliNoticesPath();
      // Built with the bundles: missing only where the CLI was built by other means than the project's scripts.
      if (!existsSync(file)) {
        const said = say('cli:build.notices', { file });
        throw sayAs(new Error(said('en')), said);
      }
      return { file, text: readFileSync(file, 'utf8') };
    },
    human: (o: { text: string }) => o.text.trimEnd(),
  },
];
