/** The small part of PouchDB's API the team sync uses (the package ships no types). */
declare module 'pouchdb' {
  interface PouchDoc {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _conflicts?: string[];
    [key: string]: unknown;
  }
  interface ChangesResult {
    results: { id: string; seq: number | string; doc?: PouchDoc; deleted?: boolean }[];
    last_seq: number | string;
  }
  interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
  }
  interface Replication extends Promise<ReplicationResult> {
    cancel(): void;
    /** 'denied': a document the target refused (CouchDB's `{id, error: 'forbidden', reason}`). */
    on(event: 'denied' | 'error' | 'complete', listener: (value: unknown) => void): Replication;
  }
  interface PouchDatabase {
    get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<PouchDoc>;
    bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<({ ok?: boolean; id: string; rev?: string; error?: string | boolean; status?: number; name?: string })[]>;
    allDocs(options: { keys?: string[]; startkey?: string; endkey?: string; limit?: number; include_docs?: boolean; conflicts?: boolean }): Promise<{ rows: { key: string; id?: string; error?: string; value?: { rev: string; deleted?: boolean }; doc?: PouchDoc | null }[] }>;
    changes(options: { since: number | string; limit?: number; include_docs?: boolean; conflicts?: boolean }): Promise<ChangesResult>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
    close(): Promise<void>;
  }
  interface PouchStatic {
    new (name: string, options?: Record<string, unknown>): PouchDatabase;
    replicate(source: PouchDatabase, target: PouchDatabase, options?: Record<string, unknown>): Replication;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
  export type { PouchDatabase, PouchDoc };
}
