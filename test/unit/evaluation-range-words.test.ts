import { describe, expect, it } from 'vitest';
import type { EvaluationReport, FigureEnv } from '../../renderer/features/evaluation/figures';
import { historyLine, revenueTitle } from '../../renderer/features/evaluation/range-words';
import { bothTranslators } from '../support/both-languages';

const ts = bothTranslators();

const env = (language: 'zh-CN' | 'en'): FigureEnv => ({ t: ts[language], language, currency: 'CNY', scheme: 'custom:local' });
const period = (start: string, end: string, complete: boolean) => ({ start, end, complete }) as EvaluationReport['periods'][number];

describe("the pyramid's revenue column", () => {
  it('names the whole periods it covers once they are over', () => {
    const periods = [period('2026-01-01', '2026-01-31', true), period('2026-11-01', '2026-11-30', true)];
    expect(revenueTitle(env('en'), periods, '2026-12-06')).toBe('Revenue Jan 1, 2026 – Nov 30, 2026');
    expect(revenueTitle(env('zh-CN'), periods, '2026-12-06')).toBe('收入（2026年1月1日 至 2026年11月30日）');
  });

  it('runs to today, said so, while the last period is still running: not to a day that has not come', () => {
    const periods = [period('2026-01-01', '2026-01-31', true), period('2026-12-01', '2026-12-31', false)];
    expect(revenueTitle(env('en'), periods, '2026-12-06')).toBe('Revenue Jan 1, 2026 – Dec 6, 2026 (so far)');
    expect(revenueTitle(env('zh-CN'), periods, '2026-12-06')).toBe('收入（2026年1月1日 至 2026年12月6日，至今）');
  });

  it('says "in range" when there are no periods', () => {
    expect(revenueTitle(env('en'), [], '2026-12-06')).toBe('Revenue in range');
  });
});

describe('where the tier history starts', () => {
  it("is the scheme's own first stored day, not the first day stored for any scheme", () => {
    const line = historyLine(env('en'), { historyFrom: '2024-12-31', schemeHistoryFrom: '2026-12-06', elapsedMs: 6.4 });
    expect(line).toBe('Tier history is stored from Dec 6, 2026; each period counts the customers in a class on its first day. (Computed in 6 ms)');
    expect(historyLine(env('zh-CN'), { historyFrom: '2024-12-31', schemeHistoryFrom: '2026-12-06', elapsedMs: 6.4 })).toContain('2026年12月6日');
  });

  it('says a scheme with nothing stored of its own has no history yet, in both languages', () => {
    expect(historyLine(env('en'), { historyFrom: '2024-12-31', schemeHistoryFrom: null, elapsedMs: 3 })).toBe(
      'No tiers of this scheme are stored yet: its history starts the next time tiers are stored (recompute, or open the app once a day and it stores them); until then every customer counts as unclassified. (Computed in 3 ms)',
    );
    const zh = historyLine(env('zh-CN'), { historyFrom: '2024-12-31', schemeHistoryFrom: null, elapsedMs: 3 })!;
    expect(zh).toContain('还没有保存的分级');
    expect(zh).not.toContain('2024');
  });

  it('is left to the "no history" notice when nothing is stored at all', () => {
    expect(historyLine(env('en'), { historyFrom: null, schemeHistoryFrom: null, elapsedMs: 3 })).toBeNull();
  });
});
