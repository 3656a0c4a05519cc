import { z } from 'zod';
import { idSchema, requiredText } from './common';

/**
 * Team mode: this laptop replicates its customer book with one CouchDB server (docs/team.md).
 * Sync runs in the background of the main process; these calls only read its state or steer it,
 * so no screen ever waits for the network except `team:create`, `team:join` and `team:sync-now`.
 */

/** Error keys the team calls emit (translated in renderer/i18n/resources/errors.ts). */
export const TEAM_ERROR_KEYS = [
  'team_unreachable',
  'team_unauthorized',
  'team_forbidden',
  'team_database_missing',
  'team_server_error',
  'team_not_couchdb',
  'team_not_joined',
  'team_already_joined',
  'team_identity_required',
  'team_invalid_url',
  'team_invalid_database',
  'team_document_refused',
] as const;
export type TeamErrorKey = (typeof TEAM_ERROR_KEYS)[number];

/** The server's base URL: http(s) only, no credentials in it (they travel separately and are never shown). */
export const teamServerUrlSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(500, 'too_long')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'team_invalid_url')
  .transform((value) => value.replace(/\/+$/, ''));

/** CouchDB's own rule for database names, shortened: lowercase letter first, then lowercase, digits, _ and -. */
export const teamDatabaseSchema = z
  .string()
  .trim()
  .max(120, 'too_long')
  .refine((value) => /^[a-z][a-z0-9_-]*$/.test(value), 'team_invalid_database')
  .default('tierbook');

const teamCredentialsSchema = z.object({
  serverUrl: teamServerUrlSchema,
  database: teamDatabaseSchema,
  user: requiredText(120),
  password: z.string().min(1, 'required').max(500, 'too_long'),
  /** This laptop's person, kept only if the join succeeds (team:identity-set keeps it at once). */
  userName: requiredText(120).optional(),
});

const when = z.string().max(40);
const name = z.string().max(120);

export const teamStatusSchema = z.object({
  joined: z.boolean(),
  /** Server URL without credentials, and the team database on it. */
  serverUrl: z.string().max(500).nullable(),
  database: z.string().max(120).nullable(),
  /** The server account this laptop logs in with. */
  user: name.nullable(),
  /** This laptop's person (负责人), written on every row it creates or changes. */
  identity: name.nullable(),
  /** ISO instant of the last sync that finished without error. */
  lastSyncAt: when.nullable(),
  /** Local changes not yet on the server. */
  pendingChanges: z.number().int().min(0).max(1_000_000_000),
  /** Why the last attempt failed, as an error key (one of TEAM_ERROR_KEYS), or null. */
  lastErrorKey: z.string().max(60).nullable(),
  lastErrorAt: when.nullable(),
  /** Local changes the server refused (its document check): they stay pending until corrected. */
  refusedCount: z.number().int().min(0).max(1_000_000_000),
  /** The server's reason for the first refused change, as it said it. */
  refusedReason: z.string().max(400).nullable(),
  paused: z.boolean(),
  /** A sync is running right now. */
  syncing: z.boolean(),
});
export type TeamStatus = z.infer<typeof teamStatusSchema>;

export const teamSyncResultSchema = z.object({
  pushed: z.number().int().min(0).max(1_000_000_000),
  pulled: z.number().int().min(0).max(1_000_000_000),
  conflicts: z.number().int().min(0).max(1_000_000_000),
});
export type TeamSyncResult = z.infer<typeof teamSyncResultSchema>;

/** One same-field conflict that was resolved: which value was kept and which was overwritten, by whom and when. */
export const teamConflictSchema = z.object({
  id: z.string().max(64),
  customerId: z.string().max(64),
  customerName: z.string().max(500).nullable(),
  /** The customer field (e.g. `name`, `phone`, `owner`); the screen translates it like the customer form's labels. */
  field: z.string().max(60),
  keptValue: z.string().max(10_000).nullable(),
  overwrittenValue: z.string().max(10_000).nullable(),
  keptBy: name.nullable(),
  overwrittenBy: name.nullable(),
  /** When each of the two edits was made (their hybrid logical clocks, as ISO instants). */
  keptAt: when,
  overwrittenAt: when,
  /** When this laptop resolved the conflict. */
  resolvedAt: when,
});
export type TeamConflict = z.infer<typeof teamConflictSchema>;

export const teamIdentitySchema = z.object({
  userName: name.nullable(),
  /** Stable random id of this laptop, the tie-break between edits stamped at the same clock. */
  nodeId: z.string().max(64),
});
export type TeamIdentity = z.infer<typeof teamIdentitySchema>;

const empty = z.object({}).default({});

export const teamContract = {
  // In this order the calls also make sense one after another (the contract fuzz runs them so).
  'team:identity-get': { input: empty, output: teamIdentitySchema },
  'team:identity-set': { input: z.object({ userName: requiredText(120) }), output: teamIdentitySchema },
  'team:status': { input: empty, output: teamStatusSchema },
  /** Creates the team database on the server (with its validation design document on CouchDB) and joins it. */
  'team:create': { input: teamCredentialsSchema, output: teamStatusSchema },
  /** Joins an existing team database; the first sync starts in the background. Again for the same team: new credentials. */
  'team:join': { input: teamCredentialsSchema, output: teamStatusSchema },
  /** Runs one full sync now (push then pull) and says what moved. */
  'team:sync-now': { input: empty, output: teamSyncResultSchema },
  'team:pause': { input: empty, output: teamStatusSchema },
  'team:resume': { input: empty, output: teamStatusSchema },
  'team:conflicts': {
    input: z.object({ limit: z.number().int().min(1).max(200).default(50), customerId: idSchema.optional() }).default({ limit: 50 }),
    output: z.object({ conflicts: z.array(teamConflictSchema).max(200) }),
  },
  /** Stops syncing and forgets the server and password; every local row stays as a single-user book. */
  'team:leave': { input: empty, output: teamStatusSchema },
} as const;
