import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { AppError } from '../../shared/contract';

/**
 * A TierBook file at schema version N holds exactly what the first N shipped migrations create, and
 * its migration journal lists exactly those N migrations. Both are checked against the migrations this
 * build ships — the reference schema is built by running their SQL in memory — so a file that only
 * imitates TierBook (its table names with other columns, a journal that would make the migrator skip
 * or repeat steps) is refused before anything is replaced, and a future migration needs no change here.
 */

const JOURNAL = '__drizzle_migrations';

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
  dflt_value: string | null;
  hidden: number;
}
interface SchemaObject {
  type: string;
  name: string;
  sql: string;
  columns: Column[];
}
type Schema = Map<string, SchemaObject>;

const refuse = (key: string, message: string, path: string) => new AppError('invalid_input', message, [{ path: ['path'], key }]);

/** SQLite keeps CREATE statements as written; whitespace and identifier quoting are not part of the schema. */
const normalize = (sql: string | null) => (sql ?? '').replace(/[`"[\]]/g, '').replace(/\s+/g, ' ').trim();

/** Tables, indexes, triggers and views (SQLite's own sqlite_* objects, like ANALYZE's statistics, aside). */
function readSchema(db: Database.Database): Schema {
  const rows = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name`).all() as Array<{ type: string; name: string; sql: string | null }>;
  return new Map(
    rows.map((row) => {
      const columns = row.type === 'table'
        ? (db.pragma(`table_xinfo("${row.name.replace(/"/g, '""')}")`) as Column[]).map(({ name, type, notnull, pk, dflt_value, hidden }) => ({ name, type: type.toLowerCase(), notnull, pk, dflt_value, hidden }))
        : [];
      return [`${row.type} ${row.name}`, { type: row.type, name: row.name, sql: normalize(row.sql), columns }];
    }),
  );
}

/** The schema the first `version` shipped migrations produce, plus the journal table as drizzle creates it. */
function referenceSchema(migrationsFolder: string, version: number): Schema {
  const reference = new Database(':memory:');
  const complete = new Database(':memory:');
  try {
    for (const migration of readMigrationFiles({ migrationsFolder }).slice(0, version)) {
      for (const statement of migration.sql) if (statement.trim() !== '') reference.exec(statement);
    }
    const schema = readSchema(reference);
    migrate(drizzle(complete), { migrationsFolder });
    const journal = readSchema(complete).get(`table ${JOURNAL}`);
    if (journal) schema.set(`table ${JOURNAL}`, journal);
    return schema;
  } finally {
    reference.close();
    complete.close();
  }
}

function describeColumns(columns: Column[]): string {
  return columns.map((c) => `${c.name} ${c.type}${c.notnull ? ' not null' : ''}${c.pk ? ' pk' : ''}${c.dflt_value !== null ? ` default ${c.dflt_value}` : ''}`).join(', ');
}

/** The first difference between a file's schema and the reference, in words, or null when they match. Tables and their columns first: they say the most. */
function firstDifference(actual: Schema, expected: Schema): string | null {
  const isTable = (key: string) => key.startsWith('table ');
  for (const pass of [isTable, (key: string) => !isTable(key)]) {
    for (const key of expected.keys()) if (pass(key) && !actual.has(key)) return `it has no ${key}`;
    for (const key of actual.keys()) if (pass(key) && !expected.has(key)) return `it has a ${key} that TierBook does not create`;
    for (const [key, want] of expected) {
      if (!pass(key)) continue;
      const got = actual.get(key)!;
      if (describeColumns(got.columns) !== describeColumns(want.columns)) return `${key} has columns (${describeColumns(got.columns)}) instead of (${describeColumns(want.columns)})`;
      // The journal table's CREATE text is drizzle's, which may change between drizzle versions; its columns are what matter.
      if (got.name !== JOURNAL && got.sql !== want.sql) return `${key} is defined differently (constraints, index columns or trigger body)`;
    }
  }
  return null;
}

/** The journal must name the first N shipped migrations, in order, with N the file's schema version. */
function assertJournal(db: Database.Database, migrationsFolder: string, version: number, path: string): void {
  const shipped = readMigrationFiles({ migrationsFolder });
  let rows: Array<{ hash: string; created_at: unknown }>;
  try {
    // drizzle's `id SERIAL` is not SQLite's integer key, so ids are NULL: insertion order is the rowid's.
    rows = db.prepare(`SELECT hash, created_at FROM ${JOURNAL} ORDER BY rowid`).all() as typeof rows;
  } catch (error) {
    throw refuse('backup_history_mismatch', `${path} has no readable migration history (${(error as Error).message}). Nothing was restored.`, path);
  }
  const mismatch = rows.length !== version
    ? `it lists ${rows.length} migrations but says it is at schema version ${version}`
    : rows.findIndex((row, i) => row.hash !== shipped[i]?.hash || Number(row.created_at) !== shipped[i]?.folderMillis);
  if (typeof mismatch === 'string') throw refuse('backup_history_mismatch', `${path}: ${mismatch}. Nothing was restored.`, path);
  if (mismatch >= 0) throw refuse('backup_history_mismatch', `${path}: migration ${mismatch + 1} in its history is not one TierBook shipped. Nothing was restored.`, path);
}

/**
 * Throws a translated refusal unless `db` is exactly a TierBook database at its schema version
 * (which the caller has already checked is not newer than this build's).
 */
export function assertTierBookSchema(db: Database.Database, migrationsFolder: string, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  assertJournal(db, migrationsFolder, version, path);
  const difference = firstDifference(readSchema(db), referenceSchema(migrationsFolder, version));
  if (difference) throw refuse('backup_schema_mismatch', `${path} has TierBook's table names but not its schema: ${difference}. Nothing was restored.`, path);
}
