import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestCouch } from '../support/pouchdb-server';
import { at, byTestId, inputOf, invoke } from './journeys';
import type { Laptop } from './launch-team';

/** A sync round on a busy 2-core machine (two apps, a server and a browser) can take several seconds. */
const SYNC = { timeout: 30_000 };
const SLOW = { timeout: 15_000 };

const DATABASE = 'e2e-team';
const ADMIN = { user: 'admin', password: 'admin-secret' };
const MEMBER = { user: 'wang', password: 'wang-secret' };

export interface TeamJourney {
  laptops: Laptop[];
  couch: TestCouch;
  screenshot(page: Page, name: string): Promise<void>;
}

/** The screen's words for each step, in the laptop's language (zh-CN on the first, English on the second). */
const WORDS = {
  'zh-CN': { welcome: '欢迎使用客户分级簿', create: '新建团队', never: '还没有同步过', noPending: '无', noConflicts: '没有冲突', city: '城市' },
  en: { welcome: 'Welcome to TierBook', create: 'Create a team', never: 'Not synced yet', noPending: 'None', noConflicts: 'No conflicts', city: 'City' },
} as const;

/** What the screen helpers need of a laptop: its page, and the language it speaks. */
type Screen = Pick<Laptop, 'page' | 'language'>;

async function startEmpty(page: Page) {
  await byTestId(page, 'start-empty').click({ timeout: 60_000 });
  await byTestId(page, 'today-page').waitFor({ timeout: 60_000 });
}

/** Settings → Team, this laptop's person, then create or join with the given account. */
async function joinThroughSettings(laptop: Screen, couch: TestCouch, who: string, account: { user: string; password: string }, create: boolean) {
  const { page } = laptop;
  await page.goto(at(page, '#/settings/team'));
  const card = byTestId(page, 'settings-team');
  await card.waitFor();
  await inputOf(page, 'team-identity').fill(who);
  // Saving is offered only for a change (an earlier attempt may have saved the name already).
  if (!(await byTestId(page, 'team-identity-save').isDisabled())) await byTestId(page, 'team-identity-save').click();
  await expect.poll(async () => (await invoke(page, 'team:identity-get', {})).userName, SLOW).toBe(who);
  await expect.poll(() => byTestId(page, 'team-join-submit').isDisabled(), SLOW).toBe(false);
  if (create) await byTestId(page, 'team-mode').getByText(WORDS[laptop.language].create).click();
  await inputOf(page, 'team-server-url').fill(couch.url);
  await inputOf(page, 'team-database').fill(DATABASE);
  await inputOf(page, 'team-user').fill(account.user);
  await inputOf(page, 'team-password').fill(account.password);
  await byTestId(page, 'team-join-submit').click();
  await byTestId(page, 'team-status').waitFor(SYNC);
  await expect.poll(() => byTestId(page, 'team-status-server').innerText()).toBe(`${couch.url} · ${DATABASE}`);
  // The password went to the app once and is not on the screen any more, nor in what the screen can read.
  expect(await page.locator('[data-testid="team-password"]').count()).toBe(0);
  expect(JSON.stringify(await invoke(page, 'team:status', {}))).not.toContain(account.password);
}

/** "Sync now" on Settings → Team, then waits for the status to say everything went up. */
async function syncNow(laptop: Screen, wait = SYNC) {
  const { page } = laptop;
  if (!page.url().endsWith('#/settings/team')) await page.goto(at(page, '#/settings/team'));
  await byTestId(page, 'team-sync-now').click();
  await expect.poll(() => byTestId(page, 'team-sync-now').getAttribute('class'), wait).not.toContain('ant-btn-loading');
  await expect.poll(() => byTestId(page, 'team-status-pending').innerText(), wait).toBe(WORDS[laptop.language].noPending);
  await expect.poll(() => byTestId(page, 'team-status-last-sync').innerText(), wait).not.toBe(WORDS[laptop.language].never);
  expect(await byTestId(page, 'team-status-error').count()).toBe(0);
}

async function editCity(page: Page, customerId: string, city: string) {
  await page.goto(at(page, `#/customers/${customerId}`));
  await byTestId(page, 'tab-profile').click();
  await inputOf(page, 'profile-city').fill(city);
  await byTestId(page, 'profile-save').click();
  await expect.poll(async () => (await invoke(page, 'customers:get', { id: customerId })).city, SLOW).toBe(city);
}

/**
 * Two laptops, one team server: the first (Chinese) creates the team as the server admin, the admin adds the
 * second person's user as a member, the second (English) joins through Settings. A customer and a follow-up
 * logged on the first appear in the second's customer file after a sync; the same field edited on both is
 * resolved the same way on both and listed for review with who and when.
 */
export async function twoLaptopsShareACustomerBook({ laptops, couch, screenshot }: TeamJourney): Promise<void> {
  const [a, b] = laptops as [Laptop, Laptop];
  await couch.addServerAdmin(ADMIN.user, ADMIN.password);
  await couch.addUser(MEMBER.user, MEMBER.password);
  for (const laptop of [a, b]) {
    await expect.poll(() => laptop.page.locator('body').innerText(), { timeout: 30_000 }).toContain(WORDS[laptop.language].welcome);
    await startEmpty(laptop.page);
  }

  // The first laptop creates the team (the database appears on the server); the admin then lets the second
  // person's user in, as docs/team.md tells them to. The document check is installed on Apache CouchDB
  // only (pouchdb-server's validation plugin loses replicated edits), so it is not looked for here.
  await joinThroughSettings(a, couch, '林晓', ADMIN, true);
  expect((await fetch(`${couch.url}/${DATABASE}`, { headers: { authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}` } })).status).toBe(200);
  await couch.setSecurity(DATABASE, { admins: [], members: [MEMBER.user] });

  // A customer on the first laptop, entered as a user does.
  await a.page.goto(at(a.page, '#/customers'));
  await byTestId(a.page, 'add-customer').click();
  await inputOf(a.page, 'profile-name').fill('王小明');
  await byTestId(a.page, 'new-customer-save').click();
  await expect.poll(() => byTestId(a.page, 'customer-title').innerText(), SLOW).toBe('王小明');
  const customerId = decodeURIComponent(a.page.url().replace(/^.*#\/customers\//, ''));
  // What waits to upload, as the screen counts it and as the outbox table holds it.
  await a.page.goto(at(a.page, '#/settings/team'));
  const outbox = () => (a.app.db.$client.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
  expect(outbox()).toBeGreaterThan(0);
  await expect.poll(() => byTestId(a.page, 'team-status-pending').innerText(), SLOW).toBe(`${outbox()} 条`);
  await syncNow(a);
  expect(outbox()).toBe(0);
  // Under the navigation, on every screen: when this laptop last synced.
  await expect.poll(() => byTestId(a.page, 'team-indicator').innerText(), SLOW).toMatch(/^团队 · 已同步 /);
  await screenshot(a.page, 'settings-team-zh-CN');

  // The second laptop: a wrong password is refused in words on the password field, nothing is joined;
  // then it joins with its own member account and receives the customer.
  await b.page.goto(at(b.page, '#/settings/team'));
  await inputOf(b.page, 'team-identity').fill('Wang Li');
  await byTestId(b.page, 'team-identity-save').click();
  await expect.poll(() => byTestId(b.page, 'team-join-submit').isDisabled(), SLOW).toBe(false);
  await inputOf(b.page, 'team-server-url').fill(couch.url);
  await inputOf(b.page, 'team-database').fill(DATABASE);
  await inputOf(b.page, 'team-user').fill(MEMBER.user);
  await inputOf(b.page, 'team-password').fill('not-the-password');
  await byTestId(b.page, 'team-join-submit').click();
  await expect.poll(() => byTestId(b.page, 'team-join-form').innerText(), SYNC).toContain('The team server refused the user name or password');
  expect(await inputOf(b.page, 'team-password').inputValue()).toBe('');
  expect((await invoke(b.page, 'team:status', {})).joined).toBe(false);
  await joinThroughSettings(b, couch, 'Wang Li', MEMBER, false);
  await syncNow(b);
  await expect.poll(() => byTestId(b.page, 'settings-team').innerText()).toContain(WORDS.en.noConflicts);
  await b.page.goto(at(b.page, '#/customers'));
  await expect.poll(() => byTestId(b.page, 'customer-count').innerText(), SLOW).toBe('1 customer');
  await b.page.locator(`[data-testid="customer-row"][data-customer-id="${customerId}"]`).click();
  await expect.poll(() => byTestId(b.page, 'customer-title').innerText(), SLOW).toBe('王小明');

  // A follow-up logged on the first laptop, synced, is in the second laptop's customer file.
  await a.page.goto(at(a.page, `#/customers/${customerId}`));
  await byTestId(a.page, 'followup-form').locator('[data-testid="followup-content"]').fill('电话确认样品已寄出，下周回访');
  await byTestId(a.page, 'followup-add').click();
  await expect.poll(() => byTestId(a.page, 'followup-timeline').innerText(), SLOW).toContain('电话确认样品已寄出');
  await syncNow(a);
  await syncNow(b);
  await b.page.goto(at(b.page, `#/customers/${customerId}`));
  await expect.poll(() => byTestId(b.page, 'followup-timeline').innerText(), SYNC).toContain('电话确认样品已寄出，下周回访');
  const received = (await invoke(b.page, 'followups:list', { customerId })).followUps;
  expect(received.map((f) => f.content)).toEqual(['电话确认样品已寄出，下周回访']);

  // The same field changed on both laptops before either synced: the later edit (the second's) wins on
  // both, and the overwritten value is listed for review with who made each edit.
  await editCity(a.page, customerId, '杭州');
  await editCity(b.page, customerId, '宁波');
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);
  for (const laptop of [a, b]) expect((await invoke(laptop.page, 'customers:get', { id: customerId })).city).toBe('宁波');
  const conflictRow = byTestId(b.page, 'team-conflict-row').first();
  await conflictRow.waitFor(SYNC);
  const rowText = await conflictRow.innerText();
  for (const words of ['王小明', WORDS.en.city, '宁波', 'Wang Li', '杭州', '林晓']) expect(rowText).toContain(words);
  await screenshot(b.page, 'settings-team-en');
  await byTestId(b.page, 'team-conflicts').scrollIntoViewIfNeeded();
  await screenshot(b.page, 'settings-team-conflicts-en');
  await conflictRow.getByRole('link', { name: '王小明' }).click();
  await expect.poll(() => byTestId(b.page, 'customer-title').innerText(), SLOW).toBe('王小明');
  // The customer's file keeps the overwritten value in its history too.
  await byTestId(b.page, 'tab-profile').click();
  const history = byTestId(b.page, 'customer-team-conflicts');
  await history.waitFor(SLOW);
  for (const words of ['Edits overwritten by team sync', WORDS.en.city, '宁波', '杭州', '林晓']) expect(await history.innerText()).toContain(words);

  // Pause holds sync (and "sync now") until resumed; leaving keeps every local row, as a single-user book.
  await b.page.goto(at(b.page, '#/settings/team'));
  await byTestId(b.page, 'team-pause').click();
  await expect.poll(() => byTestId(b.page, 'team-status-state').innerText(), SLOW).toBe('Paused');
  await expect.poll(() => byTestId(b.page, 'team-indicator').innerText(), SLOW).toBe('Team · sync paused');
  expect(await byTestId(b.page, 'team-sync-now').isDisabled()).toBe(true);
  expect((await invoke(b.page, 'team:status', {})).paused).toBe(true);
  await byTestId(b.page, 'team-pause').click();
  await expect.poll(() => byTestId(b.page, 'team-status-state').innerText(), SLOW).toBe('On');
  await byTestId(b.page, 'team-leave').click();
  await expect.poll(() => byTestId(b.page, 'team-leave-content').innerText(), SLOW).toContain('Every customer, follow-up and order here stays');
  await byTestId(b.page, 'team-leave-confirm').click();
  await byTestId(b.page, 'team-join-form').waitFor(SLOW);
  await expect.poll(() => byTestId(b.page, 'team-indicator').count(), SLOW).toBe(0);
  expect((await invoke(b.page, 'team:status', {})).joined).toBe(false);
  expect((await invoke(b.page, 'followups:list', { customerId })).followUps.map((f) => f.content)).toEqual(['电话确认样品已寄出，下周回访']);
  expect((await invoke(b.page, 'customers:get', { id: customerId })).name).toBe('王小明');

  // The server goes away: the first laptop keeps working, counts what waits, and says why sync failed.
  await couch.stop();
  await a.page.goto(at(a.page, `#/customers/${customerId}`));
  await byTestId(a.page, 'followup-form').locator('[data-testid="followup-content"]').fill('展会上见面，带了新样品');
  await byTestId(a.page, 'followup-add').click();
  await expect.poll(() => byTestId(a.page, 'followup-timeline').innerText(), SLOW).toContain('展会上见面，带了新样品');
  await a.page.goto(at(a.page, '#/settings/team'));
  expect(outbox()).toBeGreaterThan(0);
  await expect.poll(() => byTestId(a.page, 'team-status-pending').innerText(), SLOW).toBe(`${outbox()} 条`);
  await byTestId(a.page, 'team-sync-now').click();
  await expect.poll(() => byTestId(a.page, 'team-status-error').innerText(), SYNC).toContain('连不上团队服务器；可继续离线工作，恢复连接后会自动同步');
  await expect.poll(() => byTestId(a.page, 'team-indicator').innerText(), SLOW).toBe('团队 · 上次同步出错');
  // The failed round sent nothing, so the same changes still wait.
  expect(outbox()).toBeGreaterThan(0);
  await expect.poll(() => byTestId(a.page, 'team-status-pending').innerText(), SLOW).toBe(`${outbox()} 条`);
  await screenshot(a.page, 'settings-team-offline-zh-CN');
}

/**
 * One app (the Electron app, after the other journeys: demo book, English) joins a fresh team as its
 * creator through Settings → Team, sends its whole book, then a follow-up logged in a customer's file
 * reaches the server as that customer's document, signed with this laptop's person.
 */
export async function oneLaptopSendsItsBook({ page, screenshot }: { page: Page; screenshot(name: string): Promise<void> }, couch: TestCouch): Promise<void> {
  await couch.addServerAdmin(ADMIN.user, ADMIN.password);
  // The screen's words below are English; the language saved here applies when the page loads again.
  await invoke(page, 'settings:update', { language: 'en' });
  await page.reload();
  await joinThroughSettings({ page, language: 'en' }, couch, 'Lin Xiao', ADMIN, true);
  // The whole demo book (thousands of rows) goes up in this first round: about 50 s on a busy 2-core machine.
  await syncNow({ page, language: 'en' }, { timeout: 150_000 });
  await screenshot('settings-team-joined-en');
  const auth = { authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}` };
  // Every customer of the book is on the server, one document each (deleted ones too: deletions sync).
  const { customers } = await invoke(page, 'workspace:status', {});
  const range = `startkey=${encodeURIComponent('"customers:"')}&endkey=${encodeURIComponent('"customers:\uffff"')}`;
  const customerDocs = (await (await fetch(`${couch.url}/${DATABASE}/_all_docs?${range}`, { headers: auth })).json()) as { rows: unknown[] };
  expect(customers).toBeGreaterThan(0);
  expect(customerDocs.rows.length).toBeGreaterThanOrEqual(customers);

  const customer = (await invoke(page, 'customers:list', { limit: 1 })).rows[0]!;
  await page.goto(at(page, `#/customers/${customer.id}`));
  await byTestId(page, 'followup-form').locator('[data-testid="followup-content"]').fill('Sent the price list by email');
  await byTestId(page, 'followup-add').click();
  await expect.poll(() => byTestId(page, 'followup-timeline').innerText(), SLOW).toContain('Sent the price list by email');
  const followUp = (await invoke(page, 'followups:list', { customerId: customer.id })).followUps[0]!;
  await syncNow({ page, language: 'en' });
  const doc = (await (await fetch(`${couch.url}/${DATABASE}/follow_ups:${followUp.id}`, { headers: auth })).json()) as { fields: Record<string, { v: unknown; by: unknown }> };
  expect([doc.fields.customer_id!.v, doc.fields.content!.v, doc.fields.content!.by]).toEqual([customer.id, 'Sent the price list by email', 'Lin Xiao']);
}
