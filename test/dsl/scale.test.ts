/**
 * Scale measurement of a 2,000-indicator file (printed, not asserted) and freshness of the generated grammar artefacts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cstTypesSource, diagramsHtml, textMateGrammar } from '../../grammar/generate.js';
import { parse } from '../../src/dsl/parse.js';
import { bigIndicatorFile } from './big-file.js';
import { indicators, framework } from './helpers.js';

describe('scale', () => {
  it('parses a 2,000-indicator file completely (time printed, not asserted)', () => {
    const text = bigIndicatorFile(2000);
    const mb = Buffer.byteLength(text) / 1e6;
    parse(text); // warm-up
    const runs: { wall: number; cpu: number }[] = [];
    let result = parse(text, 'big.ind');
    for (let i = 0; i < 3; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      result = parse(text, 'big.ind');
      const c = process.cpuUsage(c0);
      runs.push({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 });
    }
    const best = runs.reduce((a, b) => (b.wall < a.wall ? b : a));
    // Wall time on a shared machine varies a lot; CPU time is the steadier number.
    console.log(
      `[dsl] 2000 indicators, ${mb.toFixed(2)} MB: parse best ${best.wall.toFixed(0)} ms wall / ${best.cpu.toFixed(0)} ms cpu (${(mb / (best.wall / 1000)).toFixed(2)} MB/s wall)`,
    );
    expect(result.diagnostics).toEqual([]);
    expect(indicators(framework(result.ast).members)).toHaveLength(2000);
  });
});

describe('generated artefacts', () => {
  it('src/dsl/cst-types.ts matches the parser (run `npm run grammar` after grammar changes)', () => {
    const onDisk = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'dsl', 'cst-types.ts'), 'utf8');
    expect(onDisk).toBe(cstTypesSource());
  });

  it('grammar/diagrams.html and grammar/jixiao.tmLanguage.json are current', () => {
    const grammarDir = join(import.meta.dirname, '..', '..', 'grammar');
    expect(readFileSync(join(grammarDir, 'diagrams.html'), 'utf8')).toBe(diagramsHtml());
    expect(readFileSync(join(grammarDir, 'jixiao.tmLanguage.json'), 'utf8')).toBe(textMateGrammar());
  });
});

describe('TextMate grammar', () => {
  const grammar = JSON.parse(textMateGrammar()) as { repository: Record<string, { match?: string; patterns?: { name: string; match?: string }[] }> };
  const keywordRules = grammar.repository.keywords?.patterns ?? [];
  const scopeOf = (word: string): string | undefined => keywordRules.find((r) => r.match && new RegExp(`^(?:${r.match})$`, 'u').test(word))?.name;

  it('highlights English and Chinese keywords alike, never inside a longer name', () => {
    expect(scopeOf('indicator')).toBe('storage.type.jixiao');
    expect(scopeOf('指标')).toBe('storage.type.jixiao');
    expect(scopeOf('否则')).toBe('keyword.control.jixiao');
    expect(scopeOf('权重')).toBe('keyword.other.jixiao');
    expect(scopeOf('是')).toBe('constant.language.boolean.jixiao');
    const weight = keywordRules.find((r) => r.name === 'keyword.other.jixiao')?.match ?? '';
    expect(new RegExp(weight, 'u').exec('维度名称 权重 10')?.[0]).toBe('权重');
    expect(new RegExp(weight, 'u').test('权重系数')).toBe(false);
  });

  it('highlights numbers with units and data paths', () => {
    const num = new RegExp(grammar.repository.numbers?.match ?? '', 'u').exec('x 1.6亿元 y');
    expect([num?.[1], num?.[2]]).toEqual(['1.6', '亿元']);
    const path = new RegExp(grammar.repository['data-paths']?.match ?? '', 'u').exec('value = 数据.预算.调整数 / data.items[].x');
    expect(path?.[0]).toBe('数据.预算.调整数');
  });
});
