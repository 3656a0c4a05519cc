import { v7 } from 'uuid';
import type { ContactKind, CustomerType, FollowUpChannel, Intent } from '../../shared/contract/enums';
import { addDays, daysBetween } from '../../shared/domain/dates';
import { convertMinor } from '../../shared/domain/money';
import { sortKey } from '../../shared/domain/pinyin';
import { createRandom, type Random } from './random';
import * as V from './vocabulary';

export interface DemoCustomer {
  id: string;
  createdAt: string;
  name: string;
  company: string | null;
  type: CustomerType;
  industry: string;
  country: string;
  region: string | null;
  city: string;
  sizeBand: string | null;
  incomeBand: string | null;
  needs: 'product' | 'service' | 'solution';
  tags: string[];
  owner: string;
  source: string;
  manualLevel: 'A' | 'B' | 'C' | null;
  notes: string | null;
  contacts: { id: string; kind: ContactKind; value: string }[];
}
export interface DemoOrder { id: string; customerId: string; orderDate: string; amountMinor: number; currency: string; fxRate: number; baseAmountMinor: number; createdAt: string }
export interface DemoFollowUp { id: string; customerId: string; occurredAt: string; channel: FollowUpChannel; content: string; outcome: string | null; intent: Intent | null; satisfaction: number | null; nextContactDate: string | null; done: boolean }
export interface DemoFxRate { id: string; currency: string; rateDate: string; rate: number }
export interface DemoWorkspace { customers: DemoCustomer[]; orders: DemoOrder[]; followUps: DemoFollowUp[]; fxRates: DemoFxRate[] }

const BASE = 'CNY';

/** Deterministic ids: a real UUID v7 whose time is the row's own creation time and whose random bits come from the seed. */
function idAt(rng: Random, isoDate: string): string {
  return v7({ msecs: Date.parse(`${isoDate}T08:00:00Z`), random: rng.bytes(16) });
}

function monthlyFxRates(rng: Random, from: string, to: string): DemoFxRate[] {
  const rates: DemoFxRate[] = [];
  const level = { USD: 7.05, EUR: 7.75 };
  for (let month = `${from.slice(0, 7)}-01`; month <= to; month = addDays(month, 32).slice(0, 8) + '01') {
    for (const currency of ['USD', 'EUR'] as const) {
      level[currency] = Math.round(level[currency] * (1 + (rng.next() - 0.5) * 0.02) * 10000) / 10000;
      rates.push({ id: idAt(rng, month), currency, rateDate: month, rate: level[currency] });
    }
  }
  return rates;
}

function rateOn(rates: DemoFxRate[], currency: string, date: string): number {
  let found = 1;
  for (const r of rates) if (r.currency === currency && r.rateDate <= date) found = r.rate;
  return found;
}

function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-zA-Z]/g, '').toLowerCase();
}

type DemoProfile = Omit<DemoCustomer, 'id' | 'createdAt' | 'contacts'>;
/** A generated customer before ids are given: the profile, its contacts in display order, its currency. */
interface DemoDraft {
  profile: DemoProfile;
  contacts: { kind: ContactKind; value: string }[];
  currency: string;
}

function localCustomer(rng: Random): DemoDraft {
  const totalWeight = V.CN_PLACES.reduce((s, p) => s + p.weight, 0);
  let roll = rng.next() * totalWeight;
  const place = V.CN_PLACES.find((p) => (roll -= p.weight) < 0) ?? V.CN_PLACES[0]!;
  const city = rng.pick(place.cities);
  const trade = rng.pick(V.CN_TRADES);
  const typeRoll = rng.next();
  const type: CustomerType = typeRoll < 0.45 ? 'individual' : typeRoll < 0.7 ? 'distributor' : typeRoll < 0.95 ? 'enterprise' : typeRoll < 0.98 ? 'government' : 'internal';
  const name = rng.pick(V.SURNAMES) + rng.pick(V.GIVEN);
  const company = type === 'individual' && rng.chance(0.6) ? null : `${city}${rng.pick(trade.words)}${trade.suffix}${rng.pick(V.CN_COMPANY_SUFFIX)}`;
  const mobile = `+86${rng.pick(['138', '139', '135', '137', '150', '158', '186', '188'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  const profile: DemoProfile = {
    name,
    company,
    type,
    industry: trade.industry,
    country: 'CN',
    region: place.region,
    city,
    sizeBand: type === 'individual' ? null : rng.pick(V.SIZE_BANDS),
    incomeBand: rng.chance(0.7) ? rng.pick(V.INCOME_BANDS) : null,
    needs: rng.chance(0.8) ? 'product' : rng.pick(['service', 'solution'] as const),
    tags: rng.chance(0.6) ? [rng.pick(V.TAGS_CN)] : [],
    owner: rng.pick(V.OWNERS.slice(0, 2)),
    source: rng.pick(['walk_in', 'walk_in', 'referral', 'wechat', 'b2b_platform', 'cold_call']),
    manualLevel: rng.chance(0.5) ? rng.pick(['A', 'B', 'C'] as const) : null,
    notes: rng.chance(0.4) ? rng.pick(V.CN_NEEDS_NOTES) : null,
  };
  // WeChat IDs as people pick them: their name in pinyin plus a few digits.
  const wechat = rng.chance(0.75) ? `${sortKey(name, { personName: true }).replace(/[^a-z]/g, '')}${rng.int(10, 99_999)}`.slice(0, 20) : null;
  return { profile, contacts: [{ kind: 'phone', value: mobile }, ...(wechat ? [{ kind: 'wechat' as const, value: wechat }] : [])], currency: 'CNY' };
}

function foreignClient(rng: Random): DemoDraft {
  const market = rng.pick(V.FOREIGN);
  const first = rng.pick(market.first);
  const last = rng.pick(market.last);
  const profile: DemoProfile = {
    name: `${first} ${last}`,
    company: `${last} ${rng.pick(market.suffix)}`,
    type: rng.chance(0.7) ? 'distributor' : 'enterprise',
    industry: rng.pick(V.FOREIGN_INDUSTRIES),
    country: market.country,
    region: null,
    city: rng.pick(market.cities),
    sizeBand: rng.pick(V.SIZE_BANDS),
    incomeBand: null,
    needs: rng.chance(0.7) ? 'product' : 'solution',
    tags: rng.chance(0.6) ? [rng.pick(V.TAGS_EXPORT)] : [],
    owner: rng.pick(V.OWNERS.slice(2)),
    source: rng.pick(['trade_fair', 'trade_fair', 'b2b_platform', 'website', 'referral']),
    manualLevel: rng.chance(0.4) ? rng.pick(['A', 'B', 'C'] as const) : null,
    notes: null,
  };
  const phone = `${market.phonePrefix}${String(rng.int(0, 10 ** market.digits - 1)).padStart(market.digits, '0')}`;
  const email = `${asciiFold(first)}.${asciiFold(last)}${rng.int(1, 99)}@${asciiFold(last)}-trade.example`;
  const whatsapp = rng.chance(0.6);
  const contacts: DemoDraft['contacts'] = [{ kind: 'phone', value: phone }, { kind: 'email', value: email }, ...(whatsapp ? [{ kind: 'whatsapp' as const, value: phone }] : [])];
  return { profile, contacts, currency: market.currency };
}

/**
 * A Guangzhou wholesale stall with local customers paying in CNY and an export desk with foreign clients
 * paying in USD/EUR: 2–3 years of orders and follow-ups ending at `anchor`, the same for the same seed.
 */
export function generateDemoWorkspace(options: { seed: number; customers: number; anchor: string }): DemoWorkspace {
  const rng = createRandom(options.seed);
  const { anchor } = options;
  const start = addDays(anchor, -1000);
  const fxRates = monthlyFxRates(rng, start, anchor);
  const result: DemoWorkspace = { customers: [], orders: [], followUps: [], fxRates };

  for (let i = 0; i < options.customers; i++) {
    const exporter = rng.chance(0.35);
    const since = addDays(anchor, -rng.int(20, 1000));
    const { profile, contacts: drafts, currency } = exporter ? foreignClient(rng) : localCustomer(rng);
    const id = idAt(rng, since);
    const contacts = drafts.map((c) => ({ id: idAt(rng, since), ...c }));
    result.customers.push({ id, createdAt: `${since}T08:00:00.000Z`, contacts, ...profile });

    // Buying: a personal rate per year, an optional point where they stopped, exponential gaps between orders.
    const prospect = rng.chance(0.12);
    const perYear = Math.max(0.5, rng.logNormal(exporter ? 3 : 7, 0.8));
    const stopsAt = rng.chance(0.25) ? addDays(since, rng.int(30, Math.max(31, daysBetween(since, anchor)))) : anchor;
    const median = exporter ? (currency === 'EUR' ? 6_000 : 7_000) : profile.type === 'distributor' ? 6_000 : profile.type === 'individual' ? 800 : 2_500;
    let day = since;
    while (!prospect) {
      day = addDays(day, Math.max(1, Math.round((-Math.log(Math.max(rng.next(), 1e-9)) * 365) / perYear)));
      if (day > stopsAt || day > anchor) break;
      const amountMinor = Math.max(100, Math.round(rng.logNormal(median, 0.6)) * 100);
      const fxRate = currency === BASE ? 1 : rateOn(fxRates, currency, day);
      result.orders.push({ id: idAt(rng, day), customerId: id, orderDate: day, amountMinor, currency, fxRate, baseAmountMinor: convertMinor(amountMinor, currency, fxRate, BASE), createdAt: `${day}T09:00:00.000Z` });
    }

    // Contact history: roughly monthly for active customers; the latest may set a reminder around today.
    const contactsCount = rng.int(1, Math.min(12, 2 + Math.round(daysBetween(since, anchor) / 90)));
    const texts = exporter ? V.FOLLOW_UP_TEXT_EN : V.FOLLOW_UP_TEXT_CN;
    const outcomes = exporter ? V.OUTCOMES_EN : V.OUTCOMES_CN;
    const channels: FollowUpChannel[] = exporter ? ['email', 'whatsapp', 'meeting', 'call'] : ['call', 'wechat', 'visit', 'wechat'];
    const span = Math.max(1, daysBetween(since, anchor));
    const days = Array.from({ length: contactsCount }, () => addDays(since, rng.int(0, span))).sort();
    days.forEach((contactDay, k) => {
      const latest = k === days.length - 1;
      const reminder = latest && rng.chance(0.45) ? addDays(anchor, rng.int(-12, 14)) : null;
      const hour = String(rng.int(1, 10)).padStart(2, '0');
      result.followUps.push({
        id: idAt(rng, contactDay),
        customerId: id,
        occurredAt: new Date(Date.parse(`${contactDay}T${hour}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`)).toISOString(),
        channel: rng.pick(channels),
        content: rng.pick(texts),
        outcome: rng.chance(0.7) ? rng.pick(outcomes) : null,
        intent: rng.chance(0.6) ? rng.pick(['interested', 'interested', 'hesitant', 'not_now', 'never'] as const) : null,
        satisfaction: rng.chance(0.5) ? rng.int(2, 5) : null,
        nextContactDate: reminder && reminder > contactDay ? reminder : null,
        done: false,
      });
    });
  }
  return result;
}
