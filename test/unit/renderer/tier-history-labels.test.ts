import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// @ts-expect-error ECharts ships no declarations for the store where each drawn element keeps its hover data (its tooltip).
import { getECData as untypedECData } from 'echarts/lib/util/innerStore.js';
import { afterEach, describe, expect, it } from 'vitest';
import { historyChartOption } from '../../../renderer/features/tiers/history-chart-option';
import { classLabel } from '../../../renderer/features/tiers/labels';
import { bothTranslators } from '../../support/both-languages';

// Drawn as the screen draws it, without a browser: ECharts lays out and cuts labels the same way on a server.
echarts.use([LineChart, GridComponent, TooltipComponent, SVGRenderer]);
type TooltipOption = { content: string; formatterParams: unknown };
const getECData = untypedECData as (el: unknown) => { componentMainType?: string; tooltipConfig?: { option: TooltipOption } };
type AxisTooltip = { formatter?: (params: unknown) => string };
/** What a label's tooltip says on hover, as ECharts' tooltip picks it: the axis's tooltip formatter, else the label as drawn. */
const hoverText = (axis: AxisTooltip, label: TooltipOption) => (axis.formatter ? axis.formatter(label.formatterParams) : label.content);
const ts = bothTranslators();

let chart: echarts.ECharts | null = null;
afterEach(() => {
  chart?.dispose();
  chart = null;
});

/** The y axis's labels as drawn: per class (named by the label's tooltip), the lines shown. */
function drawnLabels(classLabels: string[]): Map<string, string[]> {
  const { option, height } = historyChartOption(classLabels, [['2026-01-31', classLabels[0]!], ['2026-06-30', classLabels.at(-1)!]]);
  chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 900, height });
  chart.setOption({ animation: false, ...option });
  const drawn = new Map<string, string[]>();
  for (const span of chart.getZr().storage.getDisplayList(true)) {
    const label = span.parent as unknown;
    const data = label ? getECData(label) : undefined;
    if (data?.componentMainType !== 'yAxis' || !data.tooltipConfig) continue;
    const name = hoverText(option.yAxis.tooltip as AxisTooltip, data.tooltipConfig.option);
    drawn.set(name, [...(drawn.get(name) ?? []), (span as unknown as { style: { text: string } }).style.text]);
  }
  return drawn;
}

describe("the customer file's tier-changes chart", () => {
  it.each(['en', 'zh-CN'] as const)('shows the class "no orders in the last 12 months" whole on its axis, in %s', (language) => {
    const t = ts[language];
    // The pyramid's classes as the customer file names them, over the default window of 365 days.
    const env = { window: { kind: 'days', days: 365 } as const };
    const classes = ['none', 'lead', 'gold'].map((key) => classLabel(t, 'pyramid', key, language, env));
    expect(classes[0]).toBe(language === 'en' ? 'No orders in the last 12 months' : '近12个月无订单');
    const drawn = drawnLabels(classes);
    expect([...drawn.keys()].sort()).toEqual([...classes].sort());
    for (const [name, lines] of drawn) {
      // Nothing cut: the lines, put back together, are the name.
      expect(lines.some((line) => line.endsWith('…'))).toBe(false);
      expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(name);
    }
  });

  it('still cuts a name too long for two lines with …, and its tooltip holds it whole', () => {
    const long = 'Wholesale garment and footwear distributors of the Pearl River Delta region, long-standing';
    const drawn = drawnLabels([long, 'Gold']);
    const lines = drawn.get(long)!;
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(long.startsWith(lines[0]!)).toBe(true);
  });
});
