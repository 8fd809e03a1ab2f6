/**
 * The conformance suite of the rules stage: json-rules-engine 7.3.1's own test cases that fall
 * in the supported subset (all/any/not, equal, notEqual, the four orderings, JSON-Pointer paths,
 * priorities), rewritten as language-neutral data in cases/*.json — rules, facts, the events
 * expected in order, the rules left unavailable and the validation codes of rules left out —
 * plus the project's own edge cases (cases/jixiao-edge.json). One runner runs every case against
 * both paths: the compiled evaluator (compiled.ts) and json-rules-engine itself (reference.ts).
 * Values JSON cannot hold are written `{"$": "NaN" | "Infinity" | "-Infinity" | "undefined"}`.
 *
 * jre-inventory.json lists every `it` of json-rules-engine 7.3.1's test folder; each is either
 * covered by a case (its `source`) or skipped with a reason (skip.json). The last test prints and
 * asserts the counts: in scope, skipped (by reason), passing on both paths.
 *
 * Order: the compiled path's events must equal the expected list exactly. json-rules-engine emits
 * rules of equal priority in completion order, so its events must have the same priorities in
 * the same sequence and, within each priority, the same events.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/recommend/compiled.js';
import { createReferenceEngine, referenceDiagnostics, runEngineDetailed } from '../../../src/recommend/reference.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const read = (p: string): unknown => JSON.parse(readFileSync(join(HERE, p), 'utf8'));

interface Run {
  facts: Record<string, unknown>;
  events: unknown[];
  unavailable?: number[];
}
interface Case {
  name: string;
  source: string;
  rules: unknown[];
  rejected?: string[];
  runs: Run[];
}

const SPECIAL: Record<string, unknown> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY, undefined };

/** Decodes `{"$": …}` into the value JSON cannot hold. */
function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === '$') return SPECIAL[String((v as { $: unknown }).$)];
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
}

const groups = readdirSync(join(HERE, 'cases'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, cases: (read(`cases/${f}`) as { cases: Case[] }).cases }));
const inventory = (read('jre-inventory.json') as { version: string; files: Record<string, string[]> }).files;
const skips = (read('skip.json') as { files: Record<string, Record<string, string>> }).files;

/** The priority of each expected event, from the rule that carries it. */
function priorityOf(rules: unknown[], event: unknown): number {
  const r = rules.find((x) => x !== null && typeof x === 'object' && JSON.stringify((x as { event?: unknown }).event) === JSON.stringify(event));
  const p = (r as { priority?: number } | undefined)?.priority;
  return typeof p === 'number' ? p : 1;
}

/** Events grouped by priority, each group sorted, so completion order inside a group is free. */
function byPriority(rules: unknown[], events: unknown[]): [number, string[]][] {
  const out: [number, string[]][] = [];
  for (const e of events) {
    const p = priorityOf(rules, e);
    const last = out[out.length - 1];
    if (last && last[0] === p) last[1].push(JSON.stringify(e));
    else out.push([p, [JSON.stringify(e)]]);
  }
  return out.map(([p, list]) => [p, list.sort()]);
}

const passed = new Set<string>();

describe('conformance with json-rules-engine 7.3.1', () => {
  for (const g of groups) {
    describe(g.file, () => {
      for (const c of g.cases) {
        it(c.name, async () => {
          const rules = decode(c.rules) as never[];
          const compiled = compileRules(rules);
          const engine = createReferenceEngine(rules);
          const codes = (ds: { code: string }[]): string[] => ds.map((d) => d.code).sort();
          expect(codes(compiled.diagnostics), 'rules left out by the compiled path').toEqual([...(c.rejected ?? [])].sort());
          expect(codes(referenceDiagnostics(engine)), 'rules left out by the reference path').toEqual([...(c.rejected ?? [])].sort());
          for (const [i, run] of c.runs.entries()) {
            const facts = decode(run.facts) as Record<string, unknown>;
            const expected = decode(run.events) as unknown[];
            const mine = compiled.evaluate(facts);
            const theirs = await runEngineDetailed(engine, facts);
            expect(mine.events, `run ${i}: compiled events`).toEqual(expected);
            expect(byPriority(rules, theirs.events), `run ${i}: json-rules-engine events`).toEqual(byPriority(rules, expected));
            expect(
              mine.unavailable.map((u) => u.index),
              `run ${i}: compiled unavailable`,
            ).toEqual(run.unavailable ?? []);
            expect(
              theirs.unavailable.map((u) => u.index),
              `run ${i}: json-rules-engine unavailable`,
            ).toEqual(run.unavailable ?? []);
            expect(
              theirs.unavailable.map((u) => [u.at, u.fact]),
              `run ${i}: same reasons`,
            ).toEqual(mine.unavailable.map((u) => [u.at, u.fact]));
          }
          passed.add(`${g.file}#${c.name}`);
        });
      }
    });
  }

  it('accounts for every json-rules-engine test: in scope, or skipped with a reason', () => {
    const covered = new Set(groups.flatMap((g) => g.cases.map((c) => c.source)));
    let inScope = 0;
    const skipped = new Map<string, number>();
    for (const [file, titles] of Object.entries(inventory)) {
      for (const title of titles) {
        if (covered.has(`${file} › ${title}`)) {
          inScope++;
          expect(skips[file]?.[title], `${file} › ${title} is both covered and skipped`).toBeUndefined();
          continue;
        }
        const reason = skips[file]?.[title] ?? skips[file]?.['*'];
        expect(reason, `${file} › ${title} has no case and no skip reason`).toBeTypeOf('string');
        skipped.set(reason!, (skipped.get(reason!) ?? 0) + 1);
      }
    }
    // Every case's source names a real json-rules-engine test (or the project's own).
    const titles = new Set(Object.entries(inventory).flatMap(([f, ts]) => ts.map((t) => `${f} › ${t}`)));
    for (const s of covered) if (!s.startsWith('jixiao')) expect(titles.has(s), `case source ${s}`).toBe(true);
    const total = Object.values(inventory).reduce((n, ts) => n + ts.length, 0);
    const skippedCount = [...skipped.values()].reduce((a, b) => a + b, 0);
    const cases = groups.reduce((n, g) => n + g.cases.length, 0);
    const own = groups.flatMap((g) => g.cases).filter((c) => c.source.startsWith('jixiao')).length;
    const lines = [
      `json-rules-engine 7.3.1 tests: ${total}; in scope: ${inScope}; skipped: ${skippedCount}`,
      `cases: ${cases} (${cases - own} from json-rules-engine's tests, ${own} the project's own); passing on both paths: ${passed.size}`,
      'skipped, by reason:',
      ...[...skipped].sort((a, b) => b[1] - a[1]).map(([r, n]) => `  ${String(n).padStart(3)}  ${r}`),
    ];
    console.log(lines.join('\n'));
    expect(total).toBe(245);
    expect(inScope + skippedCount).toBe(total);
    expect(inScope).toBeGreaterThanOrEqual(60);
    expect(passed.size).toBe(cases);
  });
});
