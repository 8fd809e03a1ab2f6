/**
 * A stand-in for the library used by the service's mechanics tests (reload, failures, limits)
 * so they do not depend on the grammar: a "rule file" is JSON `{ "framework": name, "version":
 * v, "factor": n }` (or a list of them); invalid JSON is a compile error located in that file.
 * A record `{ id, x }` scores `x × factor`, capped at 100; `x` must be a number. Each
 * evaluation can be delayed to keep requests in flight during reloads.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../src/common/diagnostic.js';
import type { ExprIR, RuleSetIR } from '../../src/compile/ir.js';
import type { EvaluationResult } from '../../src/engine/result.js';
import type { CompileOutput, PreparedRuleSet, RecordError, Toolchain } from '../../src/service/toolchain.js';

interface FakeDecl {
  framework: string;
  version?: string;
  factor: number;
}

const RANGE = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };

function irOf(decl: FakeDecl, file: string): RuleSetIR {
  const body = { name: decl.framework, version: decl.version ?? '1', factor: decl.factor };
  const hash = 'sha256:' + createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return {
    irVersion: 1,
    name: decl.framework,
    version: decl.version ?? '1',
    meta: { title: `${decl.framework} (factor ${decl.factor})`, refs: [] },
    lineage: [],
    hash,
    settings: { scale: '100', precision: 2, rounding: 'half_up', missing: 'unavailable', notApplicable: 'rescale' },
    grades: [
      { label: '优', min: '90', id: 'g1' },
      { label: '差', min: null, id: 'g2' },
    ],
    vetoes: [],
    requires: [],
    params: [],
    lets: [],
    nodes: [
      {
        kind: 'indicator',
        id: 'n1',
        path: 'x',
        name: 'x',
        weight: '100',
        meta: { refs: ['fake'] },
        unit: null,
        value: { kind: 'data', path: ['x'] },
        target: { op: '>=', value: { kind: 'number', value: '100', unit: null } },
        score: { method: 'proportional', id: 's1' },
        missing: 'unavailable',
      },
    ],
    ruleBlocks: [],
    dataSchema: { type: 'object', required: ['x'], properties: { x: { type: 'number' } } },
    files: [file.split('/').pop() ?? file],
    sourceMap: {},
  } as RuleSetIR;
}

function compileText(text: string, file: string): { rulesets: RuleSetIR[]; diagnostics: Diagnostic[] } {
  try {
    const parsed = JSON.parse(text) as FakeDecl | FakeDecl[];
    const decls = Array.isArray(parsed) ? parsed : [parsed];
    return { rulesets: decls.map((d) => irOf(d, file)), diagnostics: [] };
  } catch {
    return { rulesets: [], diagnostics: [{ code: 'DSL100', severity: 'error', message: 'not JSON', file, range: RANGE }] };
  }
}

export interface FakeOptions {
  /** Delay of each evaluation in ms (default 0). */
  delayMs?: number;
  /** Counts compileFiles calls, to see reloads happen. */
  onCompile?: () => void;
}

export function fakeToolchain(options: FakeOptions = {}): Toolchain {
  return {
    async compileFiles(entries: string[]): Promise<CompileOutput> {
      options.onCompile?.();
      const out: CompileOutput = { rulesets: [], diagnostics: [] };
      for (const file of entries) {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          out.diagnostics.push({ code: 'CMP200', severity: 'error', message: 'missing', file, range: RANGE });
          continue;
        }
        const r = compileText(text, file);
        out.rulesets.push(...r.rulesets);
        out.diagnostics.push(...r.diagnostics);
      }
      return out;
    },
    async checkSource(text: string, file: string): Promise<{ diagnostics: Diagnostic[]; formatted: string[] }> {
      const { diagnostics } = compileText(text, file);
      return { diagnostics, formatted: diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`) };
    },
    prepare(ir: RuleSetIR): PreparedRuleSet {
      const factor = Number(ir.meta.title?.match(/factor ([\d.]+)/)?.[1] ?? '1');
      return {
        ir,
        validate(record: unknown): RecordError[] {
          const x = (record as { x?: unknown }).x;
          return typeof x === 'number' && Number.isFinite(x) ? [] : [{ path: 'data.x', message: 'must be a number', code: 'EVL402' }];
        },
        async evaluate(record: Record<string, unknown>): Promise<EvaluationResult> {
          if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
          const total = Math.min(100, (record['x'] as number) * factor);
          return {
            ruleset: { name: ir.name, version: ir.version, hash: ir.hash },
            id: typeof record['id'] === 'string' ? record['id'] : '',
            status: 'ok',
            total,
            grade: total >= 90 ? '优' : '差',
            scale: 100,
            dimensions: [],
            indicators: [],
            vetoes: [],
            lostPoints: [],
            nextGrade: null,
            recommendations: [],
            errors: [],
            trace: { rawTotal: String(total), applicableWeight: '100', steps: [] },
          };
        },
      };
    },
    serializeResult(result: EvaluationResult): string {
      return JSON.stringify(result);
    },
    printExpr(e: ExprIR): string {
      return e.kind === 'data' ? 'data.' + e.path.join('.') : e.kind === 'number' ? e.value : e.kind;
    },
  };
}
