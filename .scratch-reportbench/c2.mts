import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);
const option = { animation: false, title: { text: '各维度得分' }, legend: {}, xAxis: { type: 'category', data: ['决策', '过程', '产出', '效益'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', name: '权重', data: [20, 20, 30, 30], label: { show: true } }, { type: 'bar', name: '得分', data: [18.5, 17, 28, 27.3], label: { show: true } }] };
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  let a = '';
  for (let i = 0; i < 200; i++) { const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 620, height: 280 }); c.setOption(option); a = c.renderToSVGString(); c.dispose(); }
  console.log('fresh', ((performance.now() - t) / 200).toFixed(2));
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 620, height: 280 });
  t = performance.now();
  let b = '';
  for (let i = 0; i < 200; i++) { c.setOption(option, { notMerge: true }); b = c.renderToSVGString(); }
  console.log('reuse', ((performance.now() - t) / 200).toFixed(2), a.length, b.length);
  c.dispose();
}
