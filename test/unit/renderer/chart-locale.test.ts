import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { afterEach, describe, expect, it } from 'vitest';
import { chartLocale } from '../../../renderer/components/charts/chart-locale';

// Drawn as the customer file's tier history draws it (a time axis over two years), without a browser.
echarts.use([LineChart, GridComponent, SVGRenderer]);

let chart: echarts.ECharts | null = null;
afterEach(() => {
  chart?.dispose();
  chart = null;
});

/** The time axis's labels as drawn for a step line from 2025-01-01 to 2026-12-07, in the app's language. */
function timeAxisLabels(language: string): string[] {
  chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 1000, height: 200, locale: chartLocale(language) });
  chart.setOption({
    animation: false,
    xAxis: { type: 'time' },
    yAxis: { type: 'category', data: ['Lead', 'Gold'] },
    series: [{ type: 'line', step: 'end', data: [['2025-01-01', 'Lead'], ['2026-08-31', 'Gold'], ['2026-12-07', 'Gold']] }],
  });
  const svg = chart.renderToSVGString();
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).filter((text) => text !== 'Lead' && text !== 'Gold');
}

describe('chart words follow the app language', () => {
  it('an English time axis names its months in English, with no Chinese', () => {
    const labels = timeAxisLabels('en');
    expect(labels).toContain('Apr');
    expect(labels.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a Chinese time axis names its months in Chinese', () => {
    const labels = timeAxisLabels('zh-CN');
    expect(labels).toContain('4月');
    expect(labels).not.toContain('Apr');
  });

  it('maps every spelling of the two languages', () => {
    expect(['zh-CN', 'zh', 'ZH-cn'].map(chartLocale)).toEqual(['ZH', 'ZH', 'ZH']);
    expect(['en', 'en-US', 'fr'].map(chartLocale)).toEqual(['EN', 'EN', 'EN']);
  });
});
