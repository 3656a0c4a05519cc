/**
 * Hybrid logical clock stamps: wall-clock milliseconds, a counter for edits within the same millisecond
 * (or behind a clock already seen), and the laptop's node id as the final tie-break. Written as fixed-width
 * text so that comparing two stamps as strings orders them — the same on every laptop and in SQL.
 */
export type Hlc = string;

const MS_WIDTH = 15;
const COUNTER_WIDTH = 6;

export function formatHlc(ms: number, counter: number, nodeId: string): Hlc {
  return `${String(Math.max(0, Math.floor(ms))).padStart(MS_WIDTH, '0')}.${String(counter).padStart(COUNTER_WIDTH, '0')}.${nodeId}`;
}

export function parseHlc(hlc: Hlc): { ms: number; counter: number; nodeId: string } | null {
  const match = /^(\d{15})\.(\d{6})\.(.+)$/.exec(hlc);
  return match ? { ms: Number(match[1]), counter: Number(match[2]), nodeId: match[3]! } : null;
}

/**
 * The next stamp for an edit made at `wallMs`, after `last` (this laptop's latest issued or seen stamp):
 * never earlier than anything seen, so an edit made after receiving another is ordered after it even
 * when this laptop's clock runs behind.
 */
export function nextHlc(last: Hlc, wallMs: number, nodeId: string): Hlc {
  const seen = parseHlc(last);
  if (!seen || wallMs > seen.ms) return formatHlc(wallMs, 0, nodeId);
  return formatHlc(seen.ms, seen.counter + 1, nodeId);
}

export function maxHlc(a: Hlc, b: Hlc): Hlc {
  return a >= b ? a : b;
}

/** The wall-clock moment of a stamp, for people: an ISO instant. */
export function hlcToIso(hlc: Hlc): string {
  const parsed = parseHlc(hlc);
  return new Date(parsed ? parsed.ms : 0).toISOString();
}
