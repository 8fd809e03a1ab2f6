/**
 * Trace levels change how much explanation a result carries, never its numbers or its shape:
 * over every golden evaluation case, 'none', 'summary' and 'full' give the same totals, grades,
 * dimensions, indicator points, vetoes, lost points, next grade and errors; 'none' keeps every
 * trace field but empty, 'summary' keeps what decided each number (hit bands, raw points, the
 * record's steps) without inputs or per-indicator steps, and `trace: false` still means
 * 'summary'. Each level is smaller on the wire than the next.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { readRecords } from '../../src/data/index.js';
import { createEvaluator, serializeResult, type TraceLevel } from '../../src/engine/index.js';
import type { EvaluationResult } from '../../src/engine/result.js';
import { goldenCases } from '../golden/golden.js';

const LEVELS: TraceLevel[] = ['none', 'summary', 'full'];

/** The result without any trace: what every level must agree on. */
function numbersOf(r: EvaluationResult): unknown {
  const { trace: _trace, indicators, ...rest } = r;
  return { ...rest, indicators: indicators.map(({ trace: _t, ...i }) => i) };
}

async function recordsOf(dir: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of readRecords([relative(process.cwd(), join(dir, 'data.yaml'))], { lang: 'en' })) {
    if (item.error === undefined) out.push(item.record);
  }
  return out;
}

describe('trace levels', () => {
  const cases = goldenCases('eval');

  it.each(cases.map((c) => [c.name, c.dir] as const))('%s: same numbers at every level, traces as the level promises', async (_name, dir) => {
    const ir = compile([join(dir, 'rules.ind')]).ir!;
    const evaluators = Object.fromEntries(LEVELS.map((l) => [l, createEvaluator(ir, { trace: l })])) as Record<TraceLevel, ReturnType<typeof createEvaluator>>;
    const legacyOff = createEvaluator(ir, { trace: false });
    const records = await recordsOf(dir);
    expect(records.length).toBeGreaterThan(0);
    for (const [n, record] of records.entries()) {
      const opts = { fallbackId: `r${n}` };
      const [none, summary, full] = LEVELS.map((l) => evaluators[l].evaluate(record, opts)) as [EvaluationResult, EvaluationResult, EvaluationResult];
      expect(numbersOf(none)).toEqual(numbersOf(full));
      expect(numbersOf(summary)).toEqual(numbersOf(full));
      expect(serializeResult(legacyOff.evaluate(record, opts))).toBe(serializeResult(summary));
      if (full.status !== 'ok') continue;

      expect(none.trace).toEqual({ rawTotal: '', applicableWeight: '', steps: [] });
      for (const i of none.indicators) expect(i.trace).toEqual({ inputs: {}, steps: [], rawPoints: '' });

      expect(summary.trace).toEqual(full.trace);
      for (const [k, i] of summary.indicators.entries()) {
        const whole = full.indicators[k]!.trace;
        expect(i.trace.inputs).toEqual({});
        expect(i.trace.steps).toEqual([]);
        expect(i.trace.rawPoints).toBe(whole.rawPoints);
        expect(i.trace.hit).toEqual(whole.hit);
      }
      const [a, b, c] = [none, summary, full].map((r) => serializeResult(r, { indent: 0 }).length) as [number, number, number];
      expect(a).toBeLessThan(b);
      expect(b).toBeLessThanOrEqual(c);
    }
  });
});
