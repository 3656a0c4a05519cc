/**
 * Prints the SQL of the team-sync triggers (db/migrations/0015_team_sync_triggers.sql was made from it
 * with `drizzle-kit generate --custom`). Run: npx tsx scripts/sync-triggers.ts
 * With a migration's name, the triggers of the tables that migration made synced (core/sync/tables.ts,
 * triggersIn): npx tsx scripts/sync-triggers.ts 0035_team_settlements_shared_triggers (0041_order_payments_derived
 * prints that whole migration: orderPaymentsMigrationSql; 0045_sync_field_changes_triggers the triggers that record
 * when each synced column changed: fieldChangeTriggerSql).
 */
import { FIELD_CHANGE_TRIGGERS, ORDER_PAYMENTS_TRIGGERS } from '../core/sync/tables';
import { addedSyncTriggerSql, fieldChangeTriggerSql, orderPaymentsMigrationSql, syncTriggerSql } from '../core/sync/trigger-sql';

const migration = process.argv[2];
const sql =
  migration === ORDER_PAYMENTS_TRIGGERS ? orderPaymentsMigrationSql() : migration === FIELD_CHANGE_TRIGGERS ? fieldChangeTriggerSql() : migration ? addedSyncTriggerSql(migration) : syncTriggerSql();
process.stdout.write(sql);
