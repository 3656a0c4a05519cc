import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// @ts-expect-error ECharts ships no declarations for the store where each drawn element keeps its hover data (its tooltip).
import { getECData as untypedECData } from 'echarts/lib/util/innerStore.js';
import { afterEach, describe, expect, it } from 'vitest';
import { heatmapOption } from '../../../renderer/features/evaluation/chart-options';

// Drawn as the screen draws it, without a browser: ECharts lays out and truncates labels the same way on a server.
echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);
const getECData = untypedECData as (el: unknown) => { componentMainType?: string; tooltipConfig?: { option: { content: string } } };

/** Industries typed by users, the scheme's classes: long enough to be cut on either axis. */
const LABELS = ['apparel', '华南地区长期合作的高价值批发客户纺织服装鞋帽箱包', 'ExtraordinarilyLongIndustryNameWithoutSpaces', 'شركة النور للتجارة 2024-117', 'home goods', 'footwear', 'gifts & toys'];

interface DrawnLabel {
  axis: string;
  shown: string;
  hoverable: boolean;
  hoverText: string | undefined;
}

let chart: echarts.ECharts | null = null;
afterEach(() => {
  chart?.dispose();
  chart = null;
});

/** Every axis label as drawn: its visible text, whether the pointer can reach it, and what its tooltip says. */
function drawnLabels(labels: string[]): DrawnLabel[] {
  chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1100, height: 400 });
  const cells = labels.map((_, i) => ({ from: i, to: i, value: i + 1 }));
  chart.setOption({ animation: false, ...heatmapOption(labels, cells, { toName: 'To', valueText: String, counts: true }) });
  const drawn: DrawnLabel[] = [];
  for (const span of chart.getZr().storage.getDisplayList(true)) {
    // A label's text is drawn by spans of a Text element; the element holds the label's tooltip and hover state.
    const label = span.parent as unknown as { silent: boolean; style: { text: string }; isTruncated?: boolean } | undefined;
    const data = label && getECData(label);
    if (!data?.tooltipConfig || (data.componentMainType !== 'xAxis' && data.componentMainType !== 'yAxis')) continue;
    drawn.push({ axis: data.componentMainType, shown: (span as unknown as { style: { text: string } }).style.text, hoverable: !label!.silent, hoverText: data.tooltipConfig.option.content });
  }
  return drawn;
}

describe('the migration heatmap names every class whole', () => {
  it('cuts a long class name on either axis, and gives the whole name on hover', () => {
    const drawn = drawnLabels(LABELS);
    // Cut as text is everywhere in the app, with … (ECharts' own ellipsis is "...").
    expect(drawn.filter((d) => d.shown.endsWith('...'))).toEqual([]);
    const cut = drawn.filter((d) => d.shown.endsWith('…'));
    // The long names are cut on both axes (the rows have 120 px, the slanted columns 90 px)…
    expect(new Set(cut.map((d) => d.axis))).toEqual(new Set(['xAxis', 'yAxis']));
    for (const long of LABELS.slice(1, 4)) expect(cut.filter((d) => long.startsWith(d.shown.replace(/…$/, ''))).length).toBeGreaterThan(0);
    // …and each cut label answers the pointer with the name it stands for, in full.
    for (const d of cut) {
      expect(d.hoverable).toBe(true);
      expect(LABELS).toContain(d.hoverText);
      expect(d.hoverText!.startsWith(d.shown.replace(/…$/, ''))).toBe(true);
    }
  });
});
