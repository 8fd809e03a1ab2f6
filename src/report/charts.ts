/**
 * Charts as inline SVG strings, so a report needs no script and no external asset: bar charts
 * (grouped or stacked) and ring charts, drawn by the small hand-written renderers beside this
 * file (chart-bar.ts, chart-pie.ts over chart-axis.ts and chart-svg.ts). They are pure functions
 * of their spec — the same spec gives the same bytes in any process and in any order — and use
 * no ids, so any number of charts can share one page; `prefix` names the chart as a class on
 * its root element for a page's stylesheet.
 */
export { CHART_FONT, PALETTE } from './chart-svg.js';
export { barChartSvg, type BarChartSpec, type BarSeries } from './chart-bar.js';
export { pieChartSvg, type PieChartSpec } from './chart-pie.js';
