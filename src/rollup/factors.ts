/**
 * The factor file of `jixiao allocate` (因素法), as policy staff write it in YAML, turned into
 * an `AllocationInput` for `allocate()` (src/recommend/allocate.ts) together with the records
 * of the recipients:
 *
 *   fund: 2026年镇街专项资金          # a title, optional
 *   recipient: id                      # field naming the recipient in each record (default id)
 *   grades: { 优: 1.2, 良: 1, 中: 0.8, 差: 0.5 }   # performance coefficient per grade
 *   factors:
 *     - { name: 常住人口, weight: 40%, field: population }          # read from each record
 *     - { name: 财力, weight: 20%, field: revenue.general, inverse: true }
 *     - { name: 面积, weight: 40%, values: { T-01: 12.5, T-02: 8 } } # or given per recipient
 *
 * A recipient's grade is the record's `grade` (an evaluation result, or data already graded);
 * a recipient whose grade has no declared coefficient is an error (ROL823), never a silent 1.
 * Never throws on user input.
 */
import type { Diagnostic } from '../common/diagnostic.js';
import type { AllocationFactor, AllocationInput } from '../recommend/allocate.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { ROL_TERMS, rolDiagnostic, yamlKind } from './messages.js';
import { isSafePath, parsePercent, readPath } from './quantity.js';

export interface FactorFile {
  fund: string;
  recipient: string;
  grades: Record<string, string>;
  factors: { name: string; weight: string; inverse: boolean; field?: string; values?: Record<string, unknown> }[];
}

export function parseFactorFile(raw: unknown, file = '<input>', lang: Lang = DEFAULT_LANG): { factors?: FactorFile; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { diagnostics: [rolDiagnostic('ROL801', [file, yamlKind(raw)], file, lang)] };
  const o = raw as Record<string, unknown>;
  const recipient = o.recipient ?? 'id';
  if (!isSafePath(recipient)) diagnostics.push(rolDiagnostic('ROL806', [file, String(recipient)], file, lang));
  const grades: Record<string, string> = {};
  if (o.grades === null || typeof o.grades !== 'object' || Array.isArray(o.grades))
    diagnostics.push(rolDiagnostic('ROL802', [file, 'grades', ROL_TERMS.gradeMapping], file, lang));
  else
    for (const [g, c] of Object.entries(o.grades as Record<string, unknown>)) {
      const d = parsePercent(c);
      if (!d || d.isNegative()) diagnostics.push(rolDiagnostic('ROL803', [file, `grades.${g}`, String(c)], file, lang));
      else grades[g] = d.toString();
    }
  const factors: FactorFile['factors'] = [];
  if (!Array.isArray(o.factors) || o.factors.length === 0) diagnostics.push(rolDiagnostic('ROL802', [file, 'factors', ROL_TERMS.nonEmptyList], file, lang));
  else
    for (const [i, item] of o.factors.entries()) {
      const f = (item ?? {}) as Record<string, unknown>;
      const name = typeof f.name === 'string' ? f.name : `factors[${i}]`;
      const weight = parsePercent(f.weight);
      if (!weight) diagnostics.push(rolDiagnostic('ROL803', [file, `${name}.weight`, String(f.weight)], file, lang));
      const values = f.values !== null && typeof f.values === 'object' && !Array.isArray(f.values) ? (f.values as Record<string, unknown>) : undefined;
      if (f.field !== undefined && !isSafePath(f.field)) diagnostics.push(rolDiagnostic('ROL806', [name, String(f.field)], file, lang));
      if (f.field === undefined && !values) diagnostics.push(rolDiagnostic('ROL802', [name, ROL_TERMS.fieldOrValues, ROL_TERMS.given], file, lang));
      factors.push({
        name,
        weight: weight?.toString() ?? '0',
        inverse: f.inverse === true,
        ...(typeof f.field === 'string' ? { field: f.field } : {}),
        ...(values ? { values } : {}),
      });
    }
  if (diagnostics.length > 0) return { diagnostics };
  return { factors: { fund: typeof o.fund === 'string' ? o.fund : '', recipient: recipient as string, grades, factors }, diagnostics };
}

/** Builds the allocation input from the factor file and the recipients' records. */
export function allocationInput(
  f: FactorFile,
  pool: string,
  records: readonly unknown[],
  lang: Lang = DEFAULT_LANG,
): { input?: AllocationInput; grades: Record<string, string | null>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const grades: Record<string, string | null> = {};
  const recipients: AllocationInput['recipients'] = [];
  const byId = new Map<string, unknown>();
  for (const r of records) {
    const raw = readPath(r, f.recipient);
    const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
    const grade = readPath(r, 'grade');
    const g = typeof grade === 'string' ? grade : null;
    grades[id] = g;
    byId.set(id, r);
    if (g === null || f.grades[g] === undefined) diagnostics.push(rolDiagnostic('ROL823', [id, g ?? ''], undefined, lang));
    recipients.push({ id, ...(g !== null && f.grades[g] !== undefined ? { coefficient: f.grades[g]! } : {}) });
  }
  const factors: AllocationFactor[] = f.factors.map((x) => {
    const values: Record<string, string | number> = {};
    for (const id of byId.keys()) {
      const v = x.values ? x.values[id] : readPath(byId.get(id), x.field!);
      if (typeof v === 'number' || typeof v === 'string') values[id] = v;
    }
    return { name: x.name, weight: x.weight, ...(x.inverse ? { inverse: true } : {}), values };
  });
  if (diagnostics.length > 0) return { grades, diagnostics };
  return { input: { pool, factors, recipients }, grades, diagnostics };
}
