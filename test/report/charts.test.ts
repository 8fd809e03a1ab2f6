/**
 * The hand-written SVG charts: what a reader of a report sees (ticks, bars on the right side of
 * zero, labels, legend, a whole ring for a single item) and what a page needs (escaped text,
 * well-formed XML, no ids, the same bytes for the same spec), including hostile input — markup
 * in labels, NaN and Infinity, empty series — that must draw a frame rather than throw.
 */
import { describe, expect, it } from 'vitest';
import { niceStep, valueAxis } from '../../src/report/chart-axis.js';
import { barChartSvg, pieChartSvg, type BarChartSpec } from '../../src/report/charts.js';

/**
 * A small well-formedness check without regular expressions: tags balance on a stack, attribute
 * values are quoted, and every `&` in text or attributes starts one of the five XML entities.
 * Returns the first problem, or null.
 */
function xmlProblem(xml: string): string | null {
  const stack: string[] = [];
  const entities = ['&amp;', '&lt;', '&gt;', '&quot;', '&#39;'];
  const checkAmp = (s: string, at: number): string | null => {
    for (let k = s.indexOf('&'); k !== -1; k = s.indexOf('&', k + 1)) {
      if (!entities.some((e) => s.startsWith(e, k))) return `bad entity at ${at + k}`;
    }
    return null;
  };
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textPart = lt === -1 ? xml.slice(i) : xml.slice(i, lt);
    if (textPart.includes('>')) return `stray > at ${i}`;
    const amp = checkAmp(textPart, i);
    if (amp) return amp;
    if (lt === -1) break;
    // Scan the tag, honouring quotes so a `>` inside a value would be caught as a problem elsewhere.
    let j = lt + 1;
    let quote = '';
    while (j < xml.length && (quote !== '' || xml[j] !== '>')) {
      const c = xml[j]!;
      if (quote !== '') {
        if (c === quote) quote = '';
        else if (c === '<') return `< inside attribute at ${j}`;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '<') return `< inside tag at ${j}`;
      j++;
    }
    if (j >= xml.length) return `unclosed tag at ${lt}`;
    const tag = xml.slice(lt + 1, j);
    const amp2 = checkAmp(tag, lt + 1);
    if (amp2) return amp2;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}> at ${lt}`;
    } else if (!tag.endsWith('/')) {
      let end = 0;
      while (end < tag.length && tag[end] !== ' ' && tag[end] !== '\n') end++;
      stack.push(tag.slice(0, end));
    }
    i = j + 1;
  }
  return stack.length === 0 ? null : `unclosed <${stack.join('> <')}>`;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  title: string;
}

function rects(svg: string): Rect[] {
  return [...svg.matchAll(/<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)" fill="([^"]+)"><title>([^<]*)<\/title><\/rect>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
    fill: m[5]!,
    title: m[6]!,
  }));
}

/** Texts as a reader sees them (tags stripped, entities decoded). */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

const money: BarChartSpec = {
  title: '各部门预算调整（万元）',
  categories: ['住建局', '农业农村局', '教育局'],
  series: [
    { name: '下年度预算', data: [-30, null, 12] },
    { name: '收回资金', data: [-58, null, null] },
    { name: '专项资金', data: [null, -1.23, null] },
  ],
  stacked: true,
};

describe('value axis', () => {
  it('picks 1/2/5 × 10^n steps', () => {
    expect([0.7, 1, 1.3, 3, 7, 17.4, 0.06, 450].map((r) => niceStep(r).step)).toEqual([1, 1, 2, 5, 10, 20, 0.1, 500]);
  });

  it('spans 0..100 in steps of 20 for a maximum of 87, and reaches below zero for negatives', () => {
    expect(valueAxis(0, 87)).toMatchObject({ min: 0, max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] });
    expect(valueAxis(-30, 120)).toMatchObject({ min: -50, max: 150, step: 50, ticks: [-50, 0, 50, 100, 150] });
    expect(valueAxis(-88, 12).ticks).toEqual([-100, -80, -60, -40, -20, 0, 20]);
  });

  it('keeps a caller maximum as the top and decimal steps free of float noise', () => {
    expect(valueAxis(0, 87, 100)).toMatchObject({ max: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(valueAxis(0, 12, 35)).toMatchObject({ max: 35, ticks: [0, 10, 20, 30] });
    expect(valueAxis(0, 0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('gives a plain frame for all-zero or unrepresentable ranges', () => {
    expect(valueAxis(0, 0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(valueAxis(-1.7e308, 1.7e308).max).toBe(1);
  });
});

describe('bar chart', () => {
  it('labels the axis with nice ticks, the categories under the bars and a legend for several series', () => {
    const svg = barChartSvg({ categories: ['决策', '过程'], series: [{ name: '得分', data: [87, 40] }] }, 'p');
    expect(texts(svg)).toEqual(expect.arrayContaining(['0', '20', '100', '决策', '过程', '87.00', '40.00']));
    expect(svg).toContain('>决策</text>');
    expect(texts(svg)).not.toContain('得分');
    expect(texts(barChartSvg(money, 'm'))).toEqual(expect.arrayContaining(['下年度预算', '收回资金', '专项资金', '-100', '20']));
  });

  it('stacks negatives below zero and positives above it', () => {
    const svg = barChartSvg(
      {
        categories: ['A'],
        series: [
          { name: 'up', data: [50] },
          { name: 'down', data: [-30] },
          { name: 'down2', data: [-20] },
        ],
        stacked: true,
      },
      's',
    );
    const [up, down, down2] = rects(svg);
    const zero = up!.y + up!.height;
    expect(down!.y).toBeCloseTo(zero, 1);
    expect(down2!.y).toBeCloseTo(down!.y + down!.height, 1);
    expect(down!.height).toBeGreaterThan(0);
    expect(up!.height / down!.height).toBeCloseTo(50 / 30, 1);
    expect(up!.x).toBe(down!.x);
  });

  it('puts labels inside stacked segments but drops the ones too thin to read', () => {
    const svg = barChartSvg(money, 'm');
    expect(texts(svg)).toEqual(expect.arrayContaining(['-30.00', '-58.00', '12.00']));
    expect(texts(svg)).not.toContain('-1.23');
    expect(rects(svg).map((r) => r.title)).toContain('农业农村局 · 专项资金: -1.23');
  });

  it('draws grouped negatives down from zero, and nothing for missing or non-finite values', () => {
    const svg = barChartSvg(
      {
        categories: ['A', 'B', 'C'],
        series: [
          { name: 'x', data: [10, -5, NaN] },
          { name: 'y', data: [Infinity, null, 3] },
        ],
      },
      'g',
    );
    const bars = rects(svg);
    expect(bars.map((b) => b.title)).toEqual(['A · x: 10.00', 'B · x: -5.00', 'C · y: 3.00']);
    const [a, b] = bars;
    expect(b!.y).toBeCloseTo(a!.y + a!.height, 1);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('shortens long category labels with an ellipsis and keeps the full text on hover', () => {
    const long = 'Department of Education, Sports, Culture and Tourism Affairs';
    const svg = barChartSvg({ categories: [long, 'B', 'C', 'D', 'E'], series: [{ name: 'x', data: [1, 2, 3, 4, 5] }] }, 'l');
    expect(svg).toContain(`<title>${long}</title>`);
    expect(texts(svg).some((t) => t.endsWith('…') && t.startsWith('Department'))).toBe(true);
  });

  it('renders an empty frame for no categories, no series or all-zero values', () => {
    for (const spec of [
      { categories: [], series: [] },
      { categories: ['a'], series: [] },
      { categories: ['a', 'b'], series: [{ name: 'z', data: [0, 0] }] },
    ]) {
      const svg = barChartSvg(spec, 'e');
      expect(xmlProblem(svg)).toBeNull();
      expect(svg).toContain('<path d="M');
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });

  it('survives values at the edge of a double without NaN in the markup', () => {
    const svg = barChartSvg({ categories: ['a', 'b'], series: [{ name: 'x', data: [1.7e308, -1.7e308] }], stacked: true }, 'h');
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).not.toMatch(/NaN/);
  });
});

describe('pie chart', () => {
  it('draws a single item as a whole ring with its label', () => {
    const svg = pieChartSvg(
      {
        title: '单项',
        items: [
          { name: '优', value: 5 },
          { name: '差', value: 0 },
        ],
      },
      'r',
    );
    const d = /<path d="([^"]+)" fill="#3b6fb6"/.exec(svg)?.[1] ?? '';
    // Two half arcs outside, two inside: an arc from a point to itself would draw nothing.
    expect(d.match(/A/g)).toHaveLength(4);
    expect(texts(svg)).toContain('优: 5');
    expect(texts(svg)).not.toContain('差: 0');
  });

  it('drops zero, negative and non-finite items and labels the rest "name: value"', () => {
    const svg = pieChartSvg(
      {
        items: [
          { name: 'a', value: 0 },
          { name: 'b', value: 2 },
          { name: 'c', value: -1 },
          { name: 'd', value: NaN },
          { name: 'e', value: 2.5 },
        ],
      },
      'z',
    );
    expect(texts(svg)).toEqual(['b: 2', 'e: 2.5']);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
  });

  it('uses the large-arc flag only for slices over half the ring', () => {
    const svg = pieChartSvg(
      {
        items: [
          { name: 'big', value: 3 },
          { name: 'small', value: 1 },
        ],
      },
      'q',
    );
    const ds = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!);
    expect(ds[0]).toMatch(/A[\d.]+ [\d.]+ 0 1 1 /);
    expect(ds[1]).toMatch(/A[\d.]+ [\d.]+ 0 0 1 /);
  });

  it('keeps crowded labels apart and inside the chart', () => {
    const svg = pieChartSvg({ title: '多项', items: Array.from({ length: 40 }, (_, i) => ({ name: `类别${i}`, value: i + 1 })) }, 'c');
    const ys = [...svg.matchAll(/<text x="[^"]+" y="([^"]+)" text-anchor="(start|end)"/g)].map((m) => ({ y: Number(m[1]), side: m[2]! }));
    expect(ys.length).toBeGreaterThan(10);
    for (const side of ['start', 'end']) {
      const sorted = ys
        .filter((t) => t.side === side)
        .map((t) => t.y)
        .sort((a, b) => a - b);
      sorted.forEach((y, k) => {
        expect(y).toBeLessThanOrEqual(260);
        if (k > 0) expect(y - sorted[k - 1]!).toBeGreaterThanOrEqual(15.9);
      });
    }
  });

  it('renders an empty ring for no items', () => {
    const svg = pieChartSvg({ title: 'none', items: [] }, 'n');
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toContain('<path d="M');
  });
});

describe('markup', () => {
  const hostile = `<b onclick="x">&'`;
  const bar = barChartSvg(
    {
      title: hostile,
      categories: [hostile, 'B'],
      series: [
        { name: hostile, data: [1, 2] },
        { name: 'y', data: [2, 1] },
      ],
    },
    'x',
  );
  const pie = pieChartSvg(
    {
      title: hostile,
      items: [
        { name: hostile, value: 1 },
        { name: 'ok', value: 2 },
      ],
    },
    'y',
  );

  it('escapes every label and stays well-formed XML', () => {
    for (const svg of [bar, pie]) {
      expect(svg).not.toContain('<b');
      expect(svg).toContain('&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;');
      expect(xmlProblem(svg)).toBeNull();
    }
    expect(xmlProblem('<svg><text>a & b</text></svg>')).not.toBeNull();
    expect(xmlProblem('<svg><g></svg>')).not.toBeNull();
  });

  it('names the chart for assistive technology', () => {
    expect(bar).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="640" height="300" viewBox="0 0 640 300" role="img" aria-label="&lt;b onclick/);
    expect(pie).toContain('width="360" height="260"');
    expect(pieChartSvg({ title: '预警级别', items: [] }, 'w')).toContain('aria-label="预警级别"');
  });

  it('is the same string for the same spec, whatever was rendered in between, with no ids', () => {
    const first = barChartSvg(money, 'm');
    pieChartSvg({ items: [{ name: 'a', value: 1 }] }, 'm');
    expect(barChartSvg(money, 'm')).toBe(first);
    for (const svg of [first, bar, pie]) expect(svg).not.toMatch(/\bid=|zr\d|ecmeta|echarts/);
  });
});
