/** Median-of-N timing of a synchronous or async step, in milliseconds. */
export async function medianMs(runs: number, step: () => unknown): Promise<{ median: number; min: number; max: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await step();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, min: samples[0]!, max: samples[samples.length - 1]! };
}

/** Two decimals, for the bench's tables. */
export const round = (n: number): number => Math.round(n * 100) / 100;

export function mib(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
