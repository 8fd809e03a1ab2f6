/**
 * The roll-up declaration (两纳入三挂钩) policy staff write in YAML beside the rules:
 *
 *   rollup: 部门整体绩效综合评价
 *   entity:                       # the entity scored by its own framework
 *     rules: ../common/department.ind     # relative to this declaration
 *     framework: 部门整体支出
 *     policy: [linkage.ind]               # rule blocks that apply to the entity (linkage)
 *     key: name                           # the entity record field its members point to
 *   members:
 *     key: department                     # the member (project) record field naming its entity
 *     weight: budget.adjusted             # each member's weight (a data path; e.g. its budget)
 *   share: { own: 60%, members: 40% }     # must add up to 100%
 *   no_members: own                       # own: own score alone | zero: members count as 0
 *
 * It is YAML at the IR level rather than new grammar on purpose: a roll-up joins results of
 * several rule sets over several data files, which the .ind grammar (one framework, one
 * record) has no place for, and the grammar and its parser are being changed by others right
 * now. Reading it returns diagnostics (ROL80x), never throws.
 */
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { ROL_TERMS, rolDiagnostic, yamlKind, type RolArg } from './messages.js';
import { type Dec, isSafePath, parsePercent } from './quantity.js';

export interface RollupDeclaration {
  name: string;
  entity: { rules: string; framework?: string; policy: string[]; key: string };
  members: { key: string; weight: string | null };
  share: { own: Dec; members: Dec };
  noMembers: 'own' | 'zero';
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads a parsed YAML declaration; rule paths are resolved against `file`'s folder. */
export function parseRollupDeclaration(
  raw: unknown,
  file = '<input>',
  lang: Lang = DEFAULT_LANG,
): { declaration?: RollupDeclaration; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const d = (code: Parameters<typeof rolDiagnostic>[0], args: RolArg[]): void => void diagnostics.push(rolDiagnostic(code, args, file, lang));
  if (!isObj(raw)) return { diagnostics: [rolDiagnostic('ROL801', [file, yamlKind(raw)], file, lang)] };
  const base = file === '<input>' ? process.cwd() : dirname(file);
  const entity = isObj(raw.entity) ? raw.entity : {};
  const members = isObj(raw.members) ? raw.members : {};
  if (typeof entity.rules !== 'string') d('ROL802', ['entity', 'rules', ROL_TERMS.filePath]);
  const policy = entity.policy === undefined ? [] : entity.policy;
  if (!Array.isArray(policy) || policy.some((p) => typeof p !== 'string')) d('ROL802', ['entity', 'policy', ROL_TERMS.filePaths]);
  const key = entity.key ?? 'id';
  if (!isSafePath(key)) d('ROL806', ['entity.key', String(key)]);
  const mkey = members.key;
  if (!isSafePath(mkey)) d('ROL806', ['members.key', String(mkey)]);
  const weight = members.weight ?? null;
  if (weight !== null && !isSafePath(weight)) d('ROL806', ['members.weight', String(weight)]);
  const share = isObj(raw.share) ? raw.share : {};
  const own = parsePercent(share.own);
  const mem = parsePercent(share.members);
  if (!own || own.isNegative()) d('ROL803', ['share', 'own', String(share.own)]);
  if (!mem || mem.isNegative()) d('ROL803', ['share', 'members', String(share.members)]);
  if (own && mem && !own.plus(mem).equals(1)) d('ROL805', ['share', own.times(100).toString() + '%', mem.times(100).toString() + '%']);
  const noMembers = raw.no_members ?? 'own';
  if (noMembers !== 'own' && noMembers !== 'zero') d('ROL802', ['no_members', 'no_members', ROL_TERMS.ownOrZero]);
  if (diagnostics.length > 0) return { diagnostics };
  return {
    declaration: {
      name: typeof raw.rollup === 'string' ? raw.rollup : 'rollup',
      entity: {
        rules: resolve(base, entity.rules as string),
        ...(typeof entity.framework === 'string' ? { framework: entity.framework } : {}),
        policy: (policy as string[]).map((p) => resolve(base, p)),
        key: key as string,
      },
      members: { key: mkey as string, weight: weight as string | null },
      share: { own: own!, members: mem! },
      noMembers: noMembers as 'own' | 'zero',
    },
    diagnostics,
  };
}

/** A decimal as the declaration wrote it, for the trace: 0.6 → "60%". */
export function percentText(d: Dec): string {
  return d.times(100).toString() + '%';
}
