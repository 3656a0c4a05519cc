/**
 * Run in a child process with TZ set (workers of the test runner keep the zone they started with):
 * logs one follow-up at the instant given, with a clock stopped at that instant, and prints as JSON
 * every place that turns the instant into a calendar day — today, tiers' window, service-policy
 * "last contact", the customer list's day as the screen formats it, and both exports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp } from '../../core/app';
import { call } from '../../core/dispatch';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { formatLocalDay } from '../../renderer/components/format';
import { MIGRATIONS } from './test-app';

const [dir, instant] = process.argv.slice(2) as [string, string];
const moment = new Date(instant);
const clock = { now: () => moment, today: () => localDateOf(moment) };
const app = openApp({ dbPath: join(dir, 'shop.sqlite'), migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock, checkOutput: true });
const api = <C extends Parameters<typeof call>[1]>(name: C, input: unknown) => call(app.dispatch, name, input as never);

/** One column of a CSV export (UTF-8 with BOM, quoted only where needed: enough for these values). */
function csvColumn(file: string, header: string): string[] {
  const [head, ...rows] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const index = head!.split(',').indexOf(header);
  return rows.map((r) => r.split(',')[index]!);
}

try {
  const today = clock.today();
  const customerId = ((await api('customers:create', { name: '张三', type: 'individual' })) as { customer: { id: string } }).customer.id;
  // Logged "now": the clock stands at the instant given.
  await api('followups:create', { customerId, channel: 'call', content: '早上电话' });
  await api('policies:save', { scheme: 'lifecycle', classKey: 'potential', cadenceDays: 1, priority: 1 });
  const explainOn = async (asOf: string) => ((await api('segments:explain', { customerId, asOf })) as { metrics: { followUpCount: number } }).metrics.followUpCount;
  const due = (await api('policies:due', { asOf: addDays(today, 2) })) as { items: Array<{ lastContactDate: string | null; daysSinceContact: number | null }> };
  const row = ((await api('customers:list', {})) as { rows: Array<{ lastContactAt: string | null }> }).rows[0]!;
  await api('export:followUps', { path: join(dir, 'followups.csv'), language: 'en' });
  await api('export:customers', { path: join(dir, 'customers.csv'), language: 'en' });
  process.stdout.write(
    JSON.stringify({
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      today,
      followUpsInWindow: { today: await explainOn(today), dayBefore: await explainOn(addDays(today, -1)) },
      policy: due.items[0] ?? null,
      listDay: formatLocalDay(row.lastContactAt!, 'en'),
      utcCutDay: row.lastContactAt!.slice(0, 10),
      exportedFollowUp: csvColumn(join(dir, 'followups.csv'), 'Follow-up date'),
      exportedLastContact: csvColumn(join(dir, 'customers.csv'), 'Last follow-up (info)'),
    }),
  );
} finally {
  app.close();
}
