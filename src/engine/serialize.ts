/**
 * Stable serialisation of results: keys in the order result.ts declares them (whoever built the
 * object — the engine, the recommendation stage or a service), extra keys after them sorted,
 * free-form maps (trace inputs, veto and rule facts) in their insertion order, which the IR
 * fixes. Same result → byte-identical text on every run and machine.
 */
import type { EvaluationResult } from './result.js';

type Shape = { keys: readonly string[]; children?: Record<string, Shape | 'free' | { each: Shape }> };

const STEP: Shape = { keys: ['what', 'result'] };
const ERROR: Shape = { keys: ['code', 'message', 'path'] };
const STEPS = { each: STEP };

const INDICATOR: Shape = {
  keys: ['path', 'name', 'dimension', 'weight', 'effectiveWeight', 'value', 'unit', 'target', 'method', 'points', 'status', 'missingPolicy', 'error', 'reported', 'trace'],
  children: {
    target: { keys: ['op', 'value', 'upper', 'tolerance'] },
    error: ERROR,
    reported: { keys: ['points', 'reason', 'differs'] },
    trace: { keys: ['inputs', 'hit', 'steps', 'rawPoints', 'source'], children: { inputs: 'free', steps: STEPS } },
  },
};

const RECOMMENDATION: Shape = {
  keys: ['rule', 'ruleBlock', 'action', 'line', 'amount', 'percentage', 'withinDays', 'level', 'text', 'reason', 'facts', 'combined'],
  children: { facts: 'free', combined: { keys: ['mode', 'from'] } },
};

const RESULT: Shape = {
  keys: ['ruleset', 'id', 'status', 'total', 'grade', 'gradeBeforeVeto', 'scale', 'dimensions', 'indicators', 'vetoes', 'lostPoints', 'nextGrade', 'recommendations', 'errors', 'trace'],
  children: {
    ruleset: { keys: ['name', 'version', 'hash'] },
    dimensions: { each: { keys: ['path', 'name', 'weight', 'effectiveWeight', 'points', 'status'] } },
    indicators: { each: INDICATOR },
    vetoes: { each: { keys: ['name', 'effect', 'facts'], children: { facts: 'free' } } },
    lostPoints: { each: { keys: ['path', 'lost', 'reason'] } },
    nextGrade: { keys: ['grade', 'pointsNeeded', 'candidates'], children: { candidates: { each: { keys: ['path', 'available'] } } } },
    recommendations: { each: RECOMMENDATION },
    errors: { each: ERROR },
    trace: { keys: ['rawTotal', 'applicableWeight', 'steps'], children: { steps: STEPS } },
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

/** JSON text of a result with the declared key order; `indent: 0` gives one line (NDJSON). */
export function serializeResult(result: EvaluationResult, options: { indent?: number } = {}): string {
  const indent = options.indent ?? 2;
  return JSON.stringify(order(result, RESULT), null, indent || undefined);
}
