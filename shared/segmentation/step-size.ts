/**
 * Customers per step of the engine's per-customer passes when it runs in steps (segmentActivityInSteps):
 * at 100k customers a pass over everyone takes 40–140 ms, and a step should leave the event loop within a
 * few tens of milliseconds so the app keeps answering while the tiers are computed.
 */
export const CUSTOMERS_PER_STEP = 25_000;
