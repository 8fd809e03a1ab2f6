/**
 * Charts as inline SVG strings, rendered on the server with Apache ECharts' SSR SVG renderer
 * (`echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })` then
 * `renderToSVGString()`), so a report needs no script and no external asset. Animation is off
 * and ECharts' per-process id counters (`zr3-cls-7`) are renumbered per chart from a caller
 * prefix, which makes the SVG byte-identical across runs and unique inside one page. Labels go
 * through ECharts' own SVG text escaping.
 */
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** CJK-capable fonts first; the SVG is read by browsers and print engines, not by ECharts. */
export const CHART_FONT = 'Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif';

export const PALETTE = ['#3b6fb6', '#9aa5b1', '#e08a2c', '#3f9b5b', '#c8443b', '#7b5ea7', '#2a9d9f'];

export interface BarSeries {
  name: string;
  data: (number | null)[];
  color?: string;
}

export interface BarChartSpec {
  title?: string;
  categories: string[];
  series: BarSeries[];
  width?: number;
  height?: number;
  /** Axis maximum; ECharts picks one when absent. */
  max?: number;
  /** Digits shown in bar labels. */
  digits?: number;
  /** Stack the series in one bar per category (negatives stack below zero). */
  stacked?: boolean;
}

export interface PieChartSpec {
  title?: string;
  items: { name: string; value: number; color?: string }[];
  width?: number;
  height?: number;
}

/**
 * Replaces ECharts' global-counter ids (`zr12-cls-3`, `zr12-c0`, …) with `<prefix>-<n>` numbered
 * in order of first appearance, so output depends only on the chart.
 */
export function normalizeSvgIds(svg: string, prefix: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/\bzr\d+-[A-Za-z]*-?\d+\b/g, (id) => {
    let mapped = seen.get(id);
    if (mapped === undefined) {
      mapped = `${prefix}-${seen.size}`;
      seen.set(id, mapped);
    }
    return mapped;
  });
}

function render(option: Record<string, unknown>, width: number, height: number, prefix: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    return normalizeSvgIds(chart.renderToSVGString(), prefix);
  } finally {
    chart.dispose();
  }
}

function titleOption(title: string | undefined): Record<string, unknown> {
  return title ? { title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold', fontFamily: CHART_FONT } } } : {};
}

/** Vertical grouped bars with value labels. */
export function barChartSvg(spec: BarChartSpec, prefix: string): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 300;
  const digits = spec.digits ?? 2;
  // A label inside a stacked segment too thin to hold it would be an unreadable smear.
  const largest = Math.max(0, ...spec.series.flatMap((s) => s.data.map((v) => Math.abs(v ?? 0))));
  const tooThin = (v: number): boolean => spec.stacked === true && Math.abs(v) < largest * 0.08;
  const option: Record<string, unknown> = {
    ...titleOption(spec.title),
    color: spec.series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length]),
    legend: spec.series.length > 1 ? { bottom: 0, textStyle: { fontFamily: CHART_FONT } } : undefined,
    grid: { left: 56, right: 24, top: spec.title ? 44 : 20, bottom: spec.series.length > 1 ? 56 : 32 },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, fontFamily: CHART_FONT } },
    yAxis: { type: 'value', ...(spec.max === undefined ? {} : { max: spec.max }) },
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      barMaxWidth: 48,
      ...(spec.stacked ? { stack: 'all' } : {}),
      label: {
        show: true,
        position: spec.stacked ? 'inside' : 'top',
        fontFamily: CHART_FONT,
        formatter: (p: { value: number }) => (tooThin(Number(p.value)) ? '' : Number(p.value).toFixed(digits)),
      },
    })),
  };
  return render(option, width, height, prefix);
}

/** A pie (ring) chart with "name: value" labels. */
export function pieChartSvg(spec: PieChartSpec, prefix: string): string {
  const width = spec.width ?? 360;
  const height = spec.height ?? 260;
  const items = spec.items.filter((i) => i.value > 0);
  const option: Record<string, unknown> = {
    ...titleOption(spec.title),
    series: [
      {
        type: 'pie',
        radius: ['35%', '62%'],
        center: ['50%', '55%'],
        label: { formatter: '{b}: {c}', fontFamily: CHART_FONT },
        data: items.map((i, n) => ({ name: i.name, value: i.value, itemStyle: { color: i.color ?? PALETTE[n % PALETTE.length] } })),
      },
    ],
  };
  return render(option, width, height, prefix);
}
