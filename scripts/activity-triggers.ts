/**
 * Prints the SQL of the customer-activity triggers (db/migrations/0020_customer_activity_triggers.sql was
 * made from it with `drizzle-kit generate --custom`). Run: npx tsx scripts/activity-triggers.ts
 */
import { activityTriggerSql } from '../db/activity-sql';

process.stdout.write(activityTriggerSql());
