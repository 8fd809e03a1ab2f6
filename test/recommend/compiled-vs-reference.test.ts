/**
 * The compiled evaluator must fire exactly the rules json-rules-engine 7.3.1 fires, with the same
 * events: random rule JSON (nested all/any/not, every emitted operator, fact-reference values,
 * JSON-Pointer paths including forbidden segments, priorities with ties, empty all/any) over
 * random facts (missing facts, null, NaN, numeric strings, nested objects, an own `__proto__`,
 * and the caller's `context` with last year's grade/rank/total and the rectification status
 * present, missing or null).
 * json-rules-engine emits equal-priority rules in completion order, so both lists are compared in
 * (priority desc, source order); separately, its priority sequence must be non-increasing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/recommend/compiled.js';
import { createReferenceEngine, runEngine } from '../../src/recommend/reference.js';
import { JRE_OPERATORS, type JreCondition } from '../../src/recommend/to-rules-engine.js';

const FACTS = ['a', 'b', 'c', 'scorecard', 'context'] as const;
const plain = <T extends object>(o: T): T => Object.assign({}, o);
const scalar = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('1', '2.5', ' 3', 'abc', '', '优', '0x10', '1e1', '差', '未整改', '已整改'),
  fc.boolean(),
  fc.constant(null),
);
const factScalar = fc.oneof(scalar, fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, undefined));
const nested = fc.oneof(
  factScalar,
  // Records arrive from JSON/YAML, so objects have the ordinary prototype.
  fc
    .dictionary(fc.constantFrom('x', 'y', '0', 'x/y'), fc.oneof(factScalar, fc.dictionary(fc.constantFrom('x', 'y'), factScalar).map(plain)), { maxKeys: 3 })
    .map(plain),
  fc.array(factScalar, { maxLength: 2 }),
  fc.constant(JSON.parse('{"__proto__": {"x": 1}, "x": {"y": 2}}') as unknown),
);
/**
 * The `context` fact as facts.ts builds it: last year's result (grade, its rank, total) and the
 * rectification status, each field present, missing or null, or the whole object missing/null.
 */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> => fc.oneof(arb, fc.constant(null), fc.constant(undefined));
const dropUndefined = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const contextArb = fc
  .record({
    previous: maybe(
      fc
        .record({
          grade: maybe(fc.constantFrom('优', '良', '中', '差', '较差')),
          gradeRank: maybe(fc.integer({ min: 1, max: 4 })),
          total: maybe(fc.integer({ min: 0, max: 100 })),
        })
        .map(dropUndefined),
    ),
    rectification: maybe(fc.record({ status: maybe(fc.constantFrom('已整改', '整改中', '未整改')) }).map(dropUndefined)),
  })
  .map(dropUndefined);
const factsArb = fc
  .tuple(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'scorecard'), nested, { maxKeys: 4 }), fc.option(contextArb, { nil: undefined }))
  .map(([facts, context]) => plain(context === undefined ? facts : { ...facts, context }));
const pathArb = fc.option(
  fc.constantFrom(
    '/x',
    '/x/y',
    '/y',
    '/0',
    '/__proto__/x',
    '/constructor/name',
    '/x~1y',
    '',
    '/previous/grade',
    '/previous/gradeRank',
    '/previous/total',
    '/rectification/status',
    '/previous',
  ),
  { nil: undefined },
);
const factRef = fc.record({ fact: fc.constantFrom(...FACTS), path: pathArb }, { requiredKeys: ['fact'] });

const { top } = fc.letrec<{ cond: JreCondition; leaf: JreCondition; all: JreCondition; any: JreCondition; not: JreCondition; top: JreCondition }>((tie) => ({
  cond: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('all'), tie('any'), tie('not')),
  leaf: fc
    .record({ ref: factRef, operator: fc.constantFrom(...JRE_OPERATORS), value: fc.oneof(scalar, factRef) })
    .map(({ ref, operator, value }) => ({ ...ref, operator, value }) as JreCondition),
  all: fc.array(tie('cond'), { maxLength: 3 }).map((all) => ({ all })),
  any: fc.array(tie('cond'), { maxLength: 3 }).map((any) => ({ any })),
  not: tie('cond').map((c) => ({ not: c })),
  top: fc.oneof(tie('all'), tie('any'), tie('not')),
}));

const rulesArb = fc
  .array(fc.record({ priority: fc.integer({ min: 1, max: 3 }), conditions: top }), { minLength: 1, maxLength: 6 })
  .map((rs) => rs.map((r, order) => ({ ...r, name: `r${order}`, event: { type: 'recommend', params: { order, priority: r.priority } } })));

type Ev = { type: string; params: { order: number; priority: number } };
const canonical = (evs: Ev[]): Ev[] => [...evs].sort((x, y) => y.params.priority - x.params.priority || x.params.order - y.params.order);

describe('compiled evaluator ≡ json-rules-engine', () => {
  it('fires the same rules with the same events on random rules and facts', async () => {
    await fc.assert(
      fc.asyncProperty(rulesArb, fc.array(factsArb, { minLength: 1, maxLength: 4 }), async (rules, factSets) => {
        const engine = createReferenceEngine(rules);
        const compiled = compileRules<Ev>(rules as never);
        for (const facts of factSets) {
          const clean = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
          const reference = (await runEngine(engine, clean)) as Ev[];
          const mine = compiled.run(clean);
          expect(mine).toEqual(canonical(reference));
          const priorities = reference.map((e) => e.params.priority);
          expect(priorities).toEqual([...priorities].sort((x, y) => y - x));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('agrees on the quirks: empty any/all are true, a path on a non-object reads the value itself', async () => {
    const rules = [
      { name: 'emptyAny', priority: 1, conditions: { any: [] }, event: { type: 'recommend', params: { order: 0, priority: 1 } } },
      { name: 'emptyAll', priority: 1, conditions: { not: { all: [] } }, event: { type: 'recommend', params: { order: 1, priority: 1 } } },
      {
        name: 'scalarPath',
        priority: 2,
        conditions: { all: [{ fact: 'a', path: '/x', operator: 'equal', value: 5 }] },
        event: { type: 'recommend', params: { order: 2, priority: 2 } },
      },
      {
        name: 'missing',
        priority: 1,
        conditions: { all: [{ fact: 'zz', operator: 'notEqual', value: 1 }] },
        event: { type: 'recommend', params: { order: 3, priority: 1 } },
      },
    ];
    const facts = { a: 5 };
    const reference = (await runEngine(createReferenceEngine(rules), facts)) as Ev[];
    const mine = compileRules<Ev>(rules as never).run(facts);
    expect(mine.map((e) => e.params.order)).toEqual([2, 0, 3]);
    expect(canonical(reference)).toEqual(mine);
  });
});
