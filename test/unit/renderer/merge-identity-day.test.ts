import { afterEach, describe, expect, it } from 'vitest';
import { candidateIdentity } from '../../../renderer/features/merge/merge-rows';
import { bothTranslators } from '../../support/both-languages';

const ts = bothTranslators();
const previousTz = process.env.TZ;
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

/** A customer filed at 09:00 on 7 December in Kiritimati (UTC+14): 19:00 on the 6th in UTC. */
const FILED_IN_KIRITIMATI = { name: '王芳', code: null, company: null, contacts: [], createdAt: '2026-12-06T19:00:00.000Z' };
/** Filed at 20:00 on 6 December in Pago Pago (UTC−11): 07:00 on the 7th in UTC. */
const FILED_IN_PAGO_PAGO = { ...FILED_IN_KIRITIMATI, createdAt: '2026-12-07T07:00:00.000Z' };

/**
 * The merge confirmation names each customer with the day they were filed, so two look-alikes can be told apart. It
 * cut the stored UTC instant at 10 characters, so far from UTC it showed another day than the customer file and the
 * command line (`tierbook duplicates`), which both give the day on the user's own calendar.
 */
describe("a merge candidate's filing day", () => {
  it.each([
    ['Pacific/Kiritimati', FILED_IN_KIRITIMATI, { en: 'On file since Dec 7, 2026', 'zh-CN': '2026年12月7日 建档' }],
    ['Pacific/Pago_Pago', FILED_IN_PAGO_PAGO, { en: 'On file since Dec 6, 2026', 'zh-CN': '2026年12月6日 建档' }],
  ] as const)('in %s is the local calendar day', (zone, customer, expected) => {
    process.env.TZ = zone;
    expect(candidateIdentity(customer, ts.en, 'en')).toBe(`\u2068王芳\u2069 (${expected.en})`);
    expect(candidateIdentity(customer, ts['zh-CN'], 'zh-CN')).toBe(`\u2068王芳\u2069（${expected['zh-CN']}）`);
  });
});
