/**
 * Stable serialisation of results: keys in the order result.ts declares them (whoever built the
 * object — the engine, the recommendation stage or a service), extra keys after them sorted,
 * free-form maps (trace inputs, veto and rule facts) in their insertion order, which the IR
 * fixes. Same result → byte-identical text on every run and machine. A result already in that
 * order (what the engine builds) is stringified as it is, without the reordering copy; a door
 * holding a result straight from the assessor skips even the check (`serializeAssembledResult`).
 */
import type { EvaluationResult } from './result.js';

type Shape = { keys: readonly string[]; children?: Record<string, Shape | 'free' | { each: Shape }> };

const STEP: Shape = { keys: ['what', 'result'] };
const ERROR: Shape = { keys: ['code', 'message', 'path'] };
const STEPS = { each: STEP };
const REPORTED: Shape = { keys: ['points', 'reason', 'differs'] };

const INDICATOR: Shape = {
  keys: [
    'path',
    'name',
    'dimension',
    'weight',
    'effectiveWeight',
    'value',
    'unit',
    'target',
    'method',
    'points',
    'status',
    'missingPolicy',
    'error',
    'reported',
    'trace',
  ],
  children: {
    target: { keys: ['op', 'value', 'upper', 'tolerance'] },
    error: ERROR,
    reported: REPORTED,
    trace: { keys: ['inputs', 'hit', 'steps', 'rawPoints', 'source'], children: { inputs: 'free', steps: STEPS } },
  },
};

const RECOMMENDATION: Shape = {
  keys: ['rule', 'ruleBlock', 'action', 'line', 'amount', 'percentage', 'withinDays', 'level', 'text', 'reason', 'facts', 'combined'],
  children: { facts: 'free', combined: { keys: ['mode', 'from'] } },
};

const RESULT: Shape = {
  keys: [
    'ruleset',
    'id',
    'status',
    'total',
    'grade',
    'gradeBeforeVeto',
    'reported',
    'scale',
    'dimensions',
    'indicators',
    'vetoes',
    'lostPoints',
    'nextGrade',
    'recommendations',
    'errors',
    'findings',
    'trace',
    'outcome',
    'rating',
  ],
  children: {
    ruleset: { keys: ['name', 'version', 'hash'] },
    reported: { keys: ['total', 'rows', 'grade', 'reason', 'gradeReason', 'differs'] },
    dimensions: {
      each: {
        keys: ['path', 'name', 'weight', 'effectiveWeight', 'points', 'status', 'rating', 'aggregation', 'reported'],
        children: { aggregation: { keys: ['method', 'inputs', 'result', 'steps'], children: { inputs: 'free', steps: STEPS } }, reported: REPORTED },
      },
    },
    indicators: { each: INDICATOR },
    vetoes: { each: { keys: ['name', 'effect', 'facts'], children: { facts: 'free' } } },
    lostPoints: { each: { keys: ['path', 'lost', 'reason'] } },
    nextGrade: { keys: ['grade', 'pointsNeeded', 'candidates'], children: { candidates: { each: { keys: ['path', 'available'] } } } },
    recommendations: { each: RECOMMENDATION },
    errors: { each: ERROR },
    findings: { each: { keys: ['code', 'message', 'path', 'numbers'], children: { numbers: 'free' } } },
    trace: { keys: ['rawTotal', 'applicableWeight', 'steps'], children: { steps: STEPS } },
    outcome: { keys: ['name', 'grade', 'totalHidden'] },
  },
};

function order(value: unknown, shape: Shape | 'free' | { each: Shape } | undefined): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const inner = shape && shape !== 'free' && 'each' in shape ? shape.each : shape;
    return value.map((v) => order(v, inner as Shape | 'free' | undefined));
  }
  const obj = value as Record<string, unknown>;
  if (shape === 'free' || shape === undefined || 'each' in shape) return obj;
  const out: Record<string, unknown> = {};
  let declared = 0;
  for (const k of shape.keys) {
    if (!Object.hasOwn(obj, k)) continue;
    declared++;
    if (obj[k] !== undefined) out[k] = order(obj[k], shape.children?.[k]);
  }
  // The usual case has no extra keys: counting avoids a filter over every key of every object.
  const keys = Object.keys(obj);
  if (keys.length === declared) return out;
  for (const k of keys.filter((k) => !shape.keys.includes(k)).sort()) {
    if (obj[k] !== undefined) out[k] = obj[k];
  }
  return out;
}

/**
 * Whether every shaped object already has its keys in declared order with no extra keys, so
 * `JSON.stringify` of the value itself prints what `order` would: the engine assembles results
 * that way, and so one read-only walk (no allocation) replaces a copy of the whole result.
 */
function inOrder(value: unknown, shape: Shape | 'free' | { each: Shape } | undefined): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    const inner = shape && shape !== 'free' && 'each' in shape ? shape.each : shape;
    for (const v of value) if (!inOrder(v, inner as Shape | 'free' | undefined)) return false;
    return true;
  }
  if (shape === 'free' || shape === undefined || 'each' in shape) return true;
  const keys = shape.keys;
  const obj = value as Record<string, unknown>;
  let i = 0;
  for (const k in obj) {
    if (!Object.hasOwn(obj, k)) return false;
    while (i < keys.length && keys[i] !== k) i++;
    if (i === keys.length) return false; // an extra key or one out of order: `order` sorts it
    const child = shape.children?.[k];
    if (child && !inOrder(obj[k], child)) return false;
    i++;
  }
  return true;
}

/** JSON text of a result with the declared key order; `indent: 0` gives one line (NDJSON). */
export function serializeResult(result: EvaluationResult, options: { indent?: number } = {}): string {
  const indent = options.indent ?? 2;
  return JSON.stringify(inOrder(result, RESULT) ? result : order(result, RESULT), null, indent || undefined);
}

/**
 * One JSON line of a result exactly as the engine and the recommendation stage assembled it,
 * unmodified: they build every object in declared order with no extra keys, so this prints what
 * `serializeResult` prints without its read-only order walk (about a fifth of the cost of
 * serialising). test/pipeline/assembled-order.test.ts holds the two equal on every golden case
 * at every trace level. A result anyone has changed or built must go through `serializeResult`.
 */
export function serializeAssembledResult(result: EvaluationResult): string {
  return JSON.stringify(result);
}
