import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One-time work on the data that a migration cannot do in SQL because it needs the app's own code (search
 * keys are made with pinyin and Unicode folding): the migration adds the task's name here, and the app does
 * it when it next opens the file, deleting the row in the same transaction (core/maintenance.ts).
 */
export const maintenanceTasks = sqliteTable('maintenance_tasks', {
  name: text('name').primaryKey(),
});
