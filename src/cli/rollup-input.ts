/**
 * What `jixiao rollup` rolls up, from its flags or from a manifest. Flags are read in order, so
 * several member sets can be given, each with its own rules, framework, policy and data:
 *
 *   --entities departments.yaml
 *   --members rules/sectors/education.ind:教育项目 projects/education.yaml --policy extra.ind
 *   --members rules/sectors/health.ind:卫生健康项目 projects/health.yaml
 *
 * A manifest is YAML in one of two shapes. The roll-up shape names everything relative to the
 * manifest (`declaration`, `entities`, `members: [{rules, framework, policy, data}]` — the same
 * shape as the roll-up golden cases). The datasets shape is a demo-city `index.yaml`
 * (`datasets: [{data, rules, framework, policy, stage}]`): the entities are the datasets scored
 * by the declaration's entity rules and framework, the members the datasets of `--member-stage`.
 * Its paths may be relative to the manifest's folder or to any folder above it (the generated
 * index names files from the repository root). Mistakes are UsageErrors (exit 2).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { MemberSet } from '../rollup/index.js';
import { UsageError } from './io.js';
import { type Lang, msg } from './messages.js';

export interface RollupInput {
  declaration?: string;
  entities: string[];
  members: MemberSet[];
}

/** One option or positional of the command line, in the order given (node's parseArgs tokens). */
export type ArgToken = { kind: 'option'; name: string; value?: string | undefined } | { kind: 'positional'; value: string } | { kind: 'option-terminator' };

/** `rules.ind:框架` → rules and framework; a path without `:` after its extension is all rules. */
export function splitMemberSpec(spec: string): { rules: string; framework?: string } {
  const m = /^(.*?\.(?:ind|json)):(.+)$/i.exec(spec);
  return m ? { rules: m[1]!, framework: m[2]! } : { rules: spec };
}

/** Groups `--entities`/`--members`/`--policy` and the data files after them. */
export function inputFromFlags(tokens: readonly ArgToken[], cwd: string, lang: Lang): RollupInput {
  const at = (p: string) => resolve(cwd, p);
  const input: RollupInput = { entities: [], members: [] };
  let group: 'entities' | MemberSet | undefined;
  for (const t of tokens) {
    if (t.kind === 'option' && t.name === 'entities' && t.value !== undefined) {
      group = 'entities';
      input.entities.push(at(t.value));
    } else if (t.kind === 'option' && t.name === 'members' && t.value !== undefined) {
      const spec = splitMemberSpec(t.value);
      group = { rules: at(spec.rules), ...(spec.framework ? { framework: spec.framework } : {}), policy: [], data: [] };
      input.members.push(group);
    } else if (t.kind === 'option' && t.name === 'policy' && t.value !== undefined) {
      if (group === undefined || group === 'entities') throw new UsageError(msg(lang, 'rollupPolicyFirst', t.value));
      group.policy!.push(at(t.value));
    } else if (t.kind === 'positional') {
      if (group === undefined) throw new UsageError(msg(lang, 'rollupStray', t.value));
      if (group === 'entities') input.entities.push(at(t.value));
      else group.data.push(at(t.value));
    }
  }
  for (const set of input.members) {
    if (set.data.length === 0) throw new UsageError(msg(lang, 'rollupMembersNoData', set.rules));
  }
  return input;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined =>
  v === undefined ? [] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : typeof v === 'string' ? [v] : undefined;

/** Reads a manifest; for the datasets shape, `entityRules` picks the entities. */
export function inputFromManifest(
  file: string,
  shown: string,
  lang: Lang,
  pick: { entity: (rules: string, framework: string | undefined) => boolean; entityText: [string, string]; memberStage?: string },
): RollupInput {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(msg(lang, 'rollupManifestBad', shown, error instanceof Error ? error.message.split('\n')[0]! : String(error)));
  }
  const bad = (what: string) => new UsageError(msg(lang, 'rollupManifestBad', shown, what));
  if (!isObj(raw)) throw bad('not a YAML mapping');
  const base = dirname(file);
  if (Array.isArray(raw.datasets)) return fromDatasets(raw.datasets, base, shown, lang, pick, bad);
  const at = (p: string) => resolve(base, p);
  const entities = strings(raw.entities);
  if (!entities || entities.length === 0) throw bad('"entities" must list data files');
  if (!Array.isArray(raw.members)) throw bad('"members" must list member sets { rules, framework, policy, data }');
  const members = raw.members.map((m, i): MemberSet => {
    const data = isObj(m) ? strings(m.data) : undefined;
    const policy = isObj(m) ? strings(m.policy) : undefined;
    if (!isObj(m) || typeof m.rules !== 'string' || !data || data.length === 0 || !policy) throw bad(`members[${i}] needs rules (a file) and data (files)`);
    return { rules: at(m.rules), ...(typeof m.framework === 'string' ? { framework: m.framework } : {}), policy: policy.map(at), data: data.map(at) };
  });
  const declaration = typeof raw.declaration === 'string' ? at(raw.declaration) : typeof raw.rollup === 'string' ? at(raw.rollup) : undefined;
  return { ...(declaration ? { declaration } : {}), entities: entities.map(at), members };
}

function fromDatasets(
  datasets: unknown[],
  base: string,
  shown: string,
  lang: Lang,
  pick: { entity: (rules: string, framework: string | undefined) => boolean; entityText: [string, string]; memberStage?: string },
  bad: (what: string) => UsageError,
): RollupInput {
  const sets = datasets.map((d, i) => {
    const policy = isObj(d) ? strings(d.policy) : undefined;
    if (!isObj(d) || typeof d.data !== 'string' || typeof d.rules !== 'string' || !policy) throw bad(`datasets[${i}] needs data and rules`);
    const at = anchor(base, d.data);
    return {
      data: at(d.data),
      rules: at(d.rules),
      ...(typeof d.framework === 'string' ? { framework: d.framework } : {}),
      policy: policy.map(at),
      stage: typeof d.stage === 'string' ? d.stage : undefined,
    };
  });
  const entities = sets.filter((s) => pick.entity(s.rules, s.framework)).map((s) => s.data);
  if (entities.length === 0) throw new UsageError(msg(lang, 'rollupNoEntities', shown, ...pick.entityText));
  const stages = [...new Set(sets.map((s) => s.stage).filter((s): s is string => s !== undefined))];
  if (pick.memberStage === undefined) throw new UsageError(msg(lang, 'rollupNeedsStage', shown, stages.join(', ') || '—'));
  const members = sets
    .filter((s) => s.stage === pick.memberStage)
    .map(({ stage: _stage, ...s }): MemberSet => ({ rules: s.rules, ...(s.framework ? { framework: s.framework } : {}), policy: s.policy, data: [s.data] }));
  if (members.length === 0) throw new UsageError(msg(lang, 'rollupNoMembers', shown, pick.memberStage));
  return { entities, members };
}

/** The folder (the manifest's or one above it) against which a dataset's data path exists. */
function anchor(base: string, data: string): (p: string) => string {
  for (let dir = base; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, data))) return (p) => resolve(dir, p);
    if (dirname(dir) === dir) return (p) => resolve(base, p);
  }
}
