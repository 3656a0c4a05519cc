import { CUT_WITH_ELLIPSIS, fitLines } from '../../components/charts/label-fit';

/** Room for a class name beside the axis: a class a user named (an industry of 60 letters) would take the chart's width. */
const LABEL_WIDTH = 160;
/** Two lines hold every class name the app gives ("No orders in the last 12 months") whole; a longer one ends in … on the second. */
const LABEL_LINES = 2;
/** Space per class on the axis: one line of 12 px text, or two lines with room between neighbours. */
const ROW_HEIGHT = { oneLine: 28, twoLines: 40 } as const;

/**
 * The step line of a customer's class over time: classes on the category axis (bottom first), each name wrapped
 * onto up to two lines rather than cut at 160 px, which left "No orders in the last 12 mo…" on the axis. A name
 * still cut shows whole in the label's tooltip and in the table beneath. The height gives each class its row.
 */
export function historyChartOption(classLabels: readonly string[], points: readonly (readonly [string, string])[]) {
  const wrapped = new Map(classLabels.map((label) => [label, fitLines(label, LABEL_WIDTH, LABEL_LINES)]));
  const twoLines = [...wrapped.values()].some((text) => text.includes('\n'));
  const height = Math.max(160, 48 + (twoLines ? ROW_HEIGHT.twoLines : ROW_HEIGHT.oneLine) * classLabels.length);
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 16, bottom: 28, containLabel: true },
    // The lowest class sits on the time axis: its second line would touch the dates beneath without this margin.
    xAxis: { type: 'time', axisLabel: { margin: twoLines ? 16 : 8 } },
    yAxis: {
      type: 'category',
      data: [...classLabels],
      boundaryGap: false,
      axisLabel: { width: LABEL_WIDTH, ...CUT_WITH_ELLIPSIS, formatter: (label: string) => wrapped.get(label) ?? label },
      // ECharts' label tooltip says the label as drawn (wrapped, perhaps cut): it names the class whole instead.
      tooltip: { show: true, formatter: (params: { value: string }) => params.value },
    },
    series: [{ type: 'line', step: 'end', data: points.map((p) => [...p]), symbolSize: 8, lineStyle: { color: '#1f6f5c', width: 2 }, itemStyle: { color: '#1f6f5c' } }],
  };
  return { option, height };
}
