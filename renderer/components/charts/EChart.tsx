import { BarChart, FunnelChart, HeatmapChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { chartLocale } from './chart-locale';

// Only the pieces the screens draw, so the bundle carries a fraction of ECharts. The canvas renderer
// paints pixels, so the page's CSP (no inline <style> without the nonce) never sees a chart's styling.
echarts.use([BarChart, LineChart, FunnelChart, HeatmapChart, SankeyChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** What a click on a data item reports (ECharts' own event, narrowed to what the screens read). */
export interface ChartClick {
  seriesIndex?: number;
  dataIndex: number;
  data: unknown;
  dataType?: string;
}

/** What a parent can ask of a drawn chart. */
export interface ChartHandle {
  /** The chart as a PNG data URL at twice the screen's pixels, on white (a transparent PNG reads badly in viewers). */
  pngDataUrl(): string | null;
}

/**
 * Screenshots and tests read a chart once it has settled: transitions stay short (a quarter second), so
 * a redraw after a filter change is done before anyone looks.
 */
const SETTLE = { animationDuration: 250, animationDurationUpdate: 200, animationEasing: 'cubicOut' as const };

interface Props {
  option: ChartOption;
  height?: number;
  testId?: string;
  onClick?: (event: ChartClick) => void;
}

/** One ECharts chart in a div, resized with its container and disposed with the component. */
export const EChart = forwardRef<ChartHandle, Props>(function EChart({ option, height = 300, testId, onClick }, handle) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const locale = chartLocale(useTranslation().i18n.language);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas', locale });
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(params as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    // Tooltips drawn on the canvas, not as HTML: class names can be free text from customer files
    // (industry, size…), and a formatter's string must never become markup.
    const tooltip = option.tooltip ? { ...(option.tooltip as object), renderMode: 'richText' } : undefined;
    chart.current?.setOption({ ...SETTLE, ...option, ...(tooltip ? { tooltip } : {}) }, true);
  }, [option, locale]);

  useImperativeHandle(handle, () => ({
    pngDataUrl: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
  }));

  return <div ref={ref} data-testid={testId} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
});
