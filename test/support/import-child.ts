/**
 * A child process for the crash-safety test: opens a database, imports one file as the import:commit
 * handler does (its own connection, one transaction), reporting progress on stdout so the parent can
 * SIGKILL it at a chosen moment. Only the importer is loaded, to keep each trial's start-up short.
 */
import { openDatabase } from '../../db/open';
import { openImportConnection, runImport } from '../../core/importing';
import { MIGRATIONS } from './test-app';

const [dbPath, csvPath] = process.argv.slice(2) as [string, string];
const db = openDatabase(dbPath, MIGRATIONS);
const conn = openImportConnection(dbPath, db.$client);
process.stdout.write('ready\n');
const started = Date.now();
const result = await runImport(
  conn.client,
  {
    kind: 'customers', source: { path: csvPath }, onError: 'abort', duplicates: 'create', linkBy: 'auto', unknownCustomers: 'reject', dryRun: false, batchSize: 500,
    onProgress: (p) => process.stdout.write(`progress ${p.rows}\n`),
  },
  new Date().toISOString(),
);
process.stdout.write(`done ${result.added} ${Date.now() - started}\n`);
conn.close();
db.$client.close();
