import { formatPercent } from '../../components/format';

/**
 * A class's share of the window's net revenue as the tier summary shows it. Returns net out, so a class can
 * hold a negative share or more than all of it (another class's returns exceed its sales), and the total can
 * be 0 or less: a bare progress bar read "0%" for a class of net returns, a tick (antd's "done") for 114 %,
 * and "0%" for every class of a business whose returns exceed its sales. The text is the true figure; the bar
 * only shows what fits in 0–100 %; without a positive total there is no share to show.
 */
export interface ShareCell {
  /** Width of the bar, percent clamped to 0–100. */
  bar: number;
  /** The share in words ("113.7%", "-11.4%"). */
  text: string;
}

export function shareCell(revenueMinor: number, totalMinor: number, language: string): ShareCell | null {
  if (!(totalMinor > 0)) return null;
  const share = revenueMinor / totalMinor;
  const text = formatPercent(share, language);
  return { bar: Math.min(100, Math.max(0, Math.round(share * 1000) / 10)), text };
}
