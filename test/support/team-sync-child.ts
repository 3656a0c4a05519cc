/**
 * A laptop as a process of its own, for the crash test: opens the database named on the command line,
 * runs one team sync and prints its result. The test SIGKILLs it part-way through.
 */
import { openApp } from '../../core/app';
import { call } from '../../core/dispatch';
import { MIGRATIONS } from './test-app';

const app = openApp({ dbPath: process.argv[2]!, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' } });
const result = await call(app.dispatch, 'team:sync-now', {});
process.stdout.write(`${JSON.stringify(result)}\n`);
app.close();
