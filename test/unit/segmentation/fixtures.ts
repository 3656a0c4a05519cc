/** Small builders so each test states only the facts it is about. */
import { buildConfig, segmentAll, type ConfigOverrides } from '../../../shared/segmentation';
import type { EngineCustomer, EngineFollowUp, EngineOrder, Intent, SegmentationResult } from '../../../shared/segmentation/types';

export const AS_OF = '2026-06-30';

export function customer(id: string, overrides: Partial<EngineCustomer> = {}): EngineCustomer {
  return {
    id,
    name: `Customer ${id}`,
    createdAt: '2020-01-01T00:00:00Z',
    type: 'enterprise',
    industry: null,
    country: null,
    region: null,
    city: null,
    locality: null,
    sizeBand: null,
    incomeBand: null,
    needs: null,
    tags: [],
    owner: null,
    source: null,
    manualLevel: null,
    ...overrides,
  };
}

export function order(customerId: string, date: string, baseAmountMinor = 10_000): EngineOrder {
  return { customerId, date, baseAmountMinor };
}

export function followUp(customerId: string, occurredAt: string, intent: Intent | null = null): EngineFollowUp {
  return { customerId, occurredAt, date: occurredAt.slice(0, 10), intent, satisfaction: null };
}

export function config(overrides: Partial<ConfigOverrides> = {}) {
  return buildConfig({ asOf: AS_OF, ...overrides });
}

export function run(
  customers: EngineCustomer[],
  orders: EngineOrder[],
  followUps: EngineFollowUp[] = [],
  overrides: Partial<ConfigOverrides> = {},
): SegmentationResult {
  return segmentAll(customers, orders, followUps, config(overrides));
}

/** Class of one customer in one scheme, read from the class columns. */
export function classOf(result: SegmentationResult, customerId: string, scheme: string): string {
  const k = result.customerIds.indexOf(customerId);
  return result.classKeys[scheme]![k]!;
}

/** The full { classKey, explanation } of one customer in one scheme. */
export function assignment(result: SegmentationResult, customerId: string, scheme: string) {
  const view = result.customers.get(customerId);
  if (!view) throw new Error(`no customer ${customerId}`);
  return (view.assignments as unknown as Record<string, { classKey: string; explanation: Record<string, unknown> }>)[scheme]!;
}

/** Customers c1..cn, and per customer one order per date given. */
export function ids(n: number, prefix = 'c'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}
