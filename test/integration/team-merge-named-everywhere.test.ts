import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, steppingClock, type Laptop } from '../support/laptops';
import { startTeam, type TeamFixture } from '../support/team-fixture';

/**
 * Merging a customer that a laptop of the team merged away already: every laptop names the customer it went into,
 * from the merge's record the team shares, not only the laptop whose journal holds the merge; the others say the
 * merge is undone on the laptop that made it.
 */
let team: TeamFixture;
let a: Laptop, b: Laptop;
beforeAll(async () => {
  team = await startTeam(['ana', 'bo'], steppingClock());
  [a, b] = team.laptops as [Laptop, Laptop];
}, 60_000);
afterAll(() => team?.close());

describe('merging a customer another laptop merged away', () => {
  it('names the customer it went into on every laptop, and where the merge is undone', async () => {
    const keep = (await a.call('customers:create', { name: '王芳', contacts: [], tags: [] })).customer.id;
    const dup = (await a.call('customers:create', { name: '王 芳', contacts: [], tags: [] })).customer.id;
    const { mergeId } = await a.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    await settle([a, b]);

    for (const [input, path] of [[{ keepId: keep, mergeIds: [dup] }, ['mergeIds', 0]], [{ keepId: dup, mergeIds: [keep] }, ['keepId']]] as const) {
      // ana holds the merge's journal: undo it here.
      expect(await a.dispatch('customers:merge', input)).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path, key: 'merge_customer_merged_away', params: { name: '王芳', mergeId } }] } });
      // bo holds its record only: undo it on the laptop that made it.
      expect(await b.dispatch('customers:merge', input)).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          message: `Customer ${dup} was already merged into 王芳 (${keep}) on another laptop; to separate them, undo merge ${mergeId} on the laptop that made it.`,
          issues: [{ path, key: 'merge_customer_merged_away_elsewhere', params: { name: '王芳', mergeId } }],
        },
      });
    }

    // Undone, the customer is back on both laptops and can be merged again, here too.
    await a.call('customers:unmerge', { mergeId });
    await settle([a, b]);
    expect(await b.dispatch('customers:merge', { keepId: keep, mergeIds: [dup] })).toMatchObject({ ok: true });
  }, 60_000);
});
