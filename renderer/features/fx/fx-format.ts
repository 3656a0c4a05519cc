/** A rate as the user's language writes numbers, with 4 to 6 decimals ("7.0612"). */
export function formatRate(rate: number, language: string): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 4, maximumFractionDigits: 6, useGrouping: false }).format(rate);
}
