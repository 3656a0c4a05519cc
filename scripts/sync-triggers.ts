/**
 * Prints the SQL of the team-sync triggers (db/migrations/0013_team_sync_triggers.sql was made from it
 * with `drizzle-kit generate --custom`). Run: npx tsx scripts/sync-triggers.ts
 */
import { syncTriggerSql } from '../core/sync/trigger-sql';

process.stdout.write(syncTriggerSql());
