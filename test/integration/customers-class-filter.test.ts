import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRowidsQuery } from '../../db/repos/customers';
import type { InputOf } from '../../shared/contract';
import { customerListInputSchema } from '../../shared/contract/customers';
import { classRanks } from '../../core/segmentation/class-list';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The customer list filtered by class and sorted by tier agrees with the stored snapshot of the same day,
 * read by plain SQL from segment_assignments (not by the in-memory path that serves the list).
 */
let app: TestApp;
const TODAY = '2026-11-23';
beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 200, seed: 3 });
  const ids = app.db.$client.prepare(`SELECT id FROM customers ORDER BY id`).pluck().all() as string[];
  await app.call('customers:archive', { id: ids[0]!, archived: true });
  await app.call('segments:recompute', { asOf: TODAY });
});
afterAll(() => app.cleanup());

/** Live customers of a class as stored for today: the latest change point per customer. */
function storedIds(scheme: string, classes: string[], extraWhere = '1'): string[] {
  return app.db.$client
    .prepare(
      `SELECT c.id FROM customers c
       JOIN (SELECT customer_id, class_key, max(as_of) FROM segment_assignments WHERE scheme = ? AND as_of <= ? GROUP BY customer_id) s ON s.customer_id = c.id
       WHERE c.deleted_at IS NULL AND c.archived_at IS NULL AND s.class_key IN (${classes.map(() => '?').join(',')}) AND (${extraWhere})
       ORDER BY c.id`,
    )
    .pluck()
    .all(scheme, TODAY, ...classes) as string[];
}

const allRows = (input: InputOf<'customers:list'>) => app.call('customers:list', { ...input, limit: 5000 });

describe('customers:list by class', () => {
  it('a class filter lists exactly the stored members of the class', async () => {
    for (const [scheme, classes] of [['pyramid', ['gold']], ['pyramid', ['platinum', 'gold']], ['rf_segment', ['at_risk', 'hibernating']], ['lifecycle', ['churned']]] as const) {
      const expected = storedIds(scheme, [...classes]);
      expect(expected.length, `${scheme} ${classes}`).toBeGreaterThan(0);
      const out = await allRows({ classFilter: { scheme, classes: [...classes] }, schemes: [scheme] });
      expect(out.total).toBe(expected.length);
      expect(out.rows.map((r) => r.id).sort()).toEqual(expected);
      expect(out.rows.every((r) => (classes as readonly string[]).includes(r.classes[scheme]!))).toBe(true);
    }
  });

  it('combines with the other filters and pages without gaps or repeats', async () => {
    const expected = storedIds('pyramid', ['iron', 'lead'], `c.locality = 'local'`);
    const pages: string[] = [];
    let total = -1;
    for (let offset = 0; offset < expected.length + 10; offset += 7) {
      const page = await app.call('customers:list', { localities: ['local'], classFilter: { scheme: 'pyramid', classes: ['iron', 'lead'] }, offset, limit: 7 });
      total = page.total;
      pages.push(...page.rows.map((r) => r.id));
    }
    expect(total).toBe(expected.length);
    expect(pages.length).toBe(expected.length);
    expect([...pages].sort()).toEqual(expected);
  });

  it('filters on a custom segment, and finds no one in the archive', async () => {
    const saved = await app.call('segments:custom:save', { name: 'local', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'field', field: 'locality', op: 'equals', value: 'local' }] } });
    const out = await allRows({ classFilter: { scheme: `custom:${saved.id}`, classes: ['member'] } });
    const local = app.db.$client.prepare(`SELECT count(*) FROM customers WHERE locality = 'local' AND deleted_at IS NULL AND archived_at IS NULL`).pluck().get();
    expect(out.total).toBe(local);
    const archived = await app.call('customers:list', { view: 'archived', classFilter: { scheme: 'pyramid', classes: ['platinum', 'gold', 'iron', 'lead', 'none'] } });
    expect(archived.total).toBe(0);
    await app.call('segments:custom:delete', { id: saved.id });
    await expect(app.call('customers:list', { classFilter: { scheme: `custom:${saved.id}`, classes: ['member'] } })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('refuses a class the scheme can never give, in the list, the tier members and the export, and takes any text in an open scheme', async () => {
    const refused = { ok: false, error: { code: 'invalid_input', issues: [{ key: 'unknown_class', params: { choices: 'platinum, gold, iron, lead, none' } }] } };
    expect(await app.dispatch('customers:list', { classFilter: { scheme: 'pyramid', classes: ['gold', 'platnum'] } })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['classFilter', 'classes', 1], key: 'unknown_class' }] },
    });
    expect(await app.dispatch('segments:members', { scheme: 'pyramid', classKey: 'diamond' })).toMatchObject(refused);
    const exportsDir = app.db.$client.name.replace(/[^/]+$/, 'exports');
    expect(await app.dispatch('export:customers', { scheme: 'pyramid', classKey: 'platnum', path: `${exportsDir}/x.csv` })).toMatchObject(refused);
    // rfm's 126 classes are shown by their first and last ones.
    const rfm = await app.dispatch('segments:members', { scheme: 'rfm', classKey: '666' });
    expect(rfm).toMatchObject({ ok: false, error: { issues: [{ key: 'unknown_class', params: { choices: '111, 112, 113, 114, 115, 121, 122, 123, 124, 125, …, 555, none' } }] } });
    // An open scheme's classes are whatever the customers hold: an unheard-of industry is simply empty.
    expect((await app.call('customers:list', { classFilter: { scheme: 'industry', classes: ['Atlantis'] } })).total).toBe(0);
    expect((await app.call('segments:members', { scheme: 'pyramid', classKey: 'gold' })).total).toBe(storedIds('pyramid', ['gold']).length);
  });

  it('sorts by tier: best class first, name order within a class, the reverse descending', async () => {
    const stored = new Map(
      (app.db.$client
        .prepare(`SELECT customer_id, class_key, max(as_of) FROM segment_assignments WHERE scheme = 'pyramid' AND as_of <= ? GROUP BY customer_id`)
        .raw()
        .all(TODAY) as [string, string][]).map(([id, c]) => [id, c]),
    );
    const rank: Record<string, number> = { platinum: 0, gold: 1, iron: 2, lead: 3, none: 4 };
    const byName = (await allRows({ sort: { field: 'name', desc: false } })).rows.map((r) => r.id);
    const expected = [...byName].sort((a, b) => rank[stored.get(a)!]! - rank[stored.get(b)!]! || byName.indexOf(a) - byName.indexOf(b));
    const asc = await allRows({ sort: { field: 'tier', desc: false, scheme: 'pyramid' }, schemes: ['pyramid'] });
    expect(asc.rows.map((r) => r.id)).toEqual(expected);
    expect(asc.rows[0]!.classes.pyramid).toBe('platinum');
    const desc = await allRows({ sort: { field: 'tier', desc: true, scheme: 'pyramid' } });
    const descClasses = desc.rows.map((r) => stored.get(r.id)!);
    expect(descClasses[0]).toBe('none');
    for (let i = 1; i < descClasses.length; i++) expect(rank[descClasses[i - 1]!]!).toBeGreaterThanOrEqual(rank[descClasses[i]!]!);
  });

  it('ranks RFM cells from 555 down and free text alphabetically, unknown last', () => {
    const rfm = classRanks('rfm', []);
    expect(rfm.get('555')).toBe(0);
    expect(rfm.get('554')).toBe(1);
    expect(rfm.get('111')).toBe(124);
    expect(rfm.get('none')).toBeGreaterThan(rfm.get('111')!);
    const industry = classRanks('industry', ['retail', 'unknown', 'apparel']);
    expect([...industry.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k)).toEqual(['apparel', 'retail', 'unknown', 'none']);
  });

  it('refuses a tier sort without a scheme', async () => {
    await expect(app.call('customers:list', { sort: { field: 'tier', desc: false } })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: ['sort', 'scheme'], key: 'required' }] });
  });

  it('reads the ids for a class filter or tier sort straight from the name index', () => {
    const input = customerListInputSchema.parse({});
    const query = listRowidsQuery(app.db, { ...input, sort: { field: 'name', desc: false } }, '').toSQL();
    const detail = (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(detail).toContain('customers_live_name');
    expect(detail).not.toContain('TEMP B-TREE');
  });
});
