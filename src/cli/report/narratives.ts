/**
 * The evaluator's own text for `jixiao report`, from a side file (`--narrative FILE`, YAML or
 * JSON) and the 落款 options (`--issuer`, `--date`). The file reads
 *
 *   issuer: 江澜市财政局          # 落款 for every report that names none itself
 *   date: 2026年12月7日
 *   projects:                     # by record id; 项目 is accepted too
 *     P-EDU-001:
 *       experience: …             # 主要经验及做法 (Chinese keys as in input.ts also work)
 *       problems: …
 *       causes: { 预算执行率: 第四季度资金拨付滞后 }
 *       suggestions: …
 *
 * Command-line options win over the file's issuer and date; a record's own `narrative` fields
 * give way to the file's, which is the later and deliberate input. A file that cannot be read
 * or has the wrong shape stops the run (exit 2) before anything is written.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { render } from '../../common/catalogue.js';
import { narrativeFrom, type Narrative, type ProjectInfo } from '../../report/input.js';
import { CliIO, write } from '../io.js';
import { Lang, msg } from '../messages.js';
import { REPORT_CLI_MESSAGES } from './report-messages.js';

export interface ReportTexts {
  issuer?: string;
  date?: string;
  byId: ReadonlyMap<string, Narrative>;
}

const shape = (file: string, lang: Lang): string => render(REPORT_CLI_MESSAGES, 'narrativeShape', { file }, lang).message;

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The texts, or null after printing why the file is unusable. */
export function loadNarratives(
  path: string | undefined,
  flags: { issuer?: string | undefined; date?: string | undefined },
  io: CliIO,
  lang: Lang,
): ReportTexts | null {
  let file: Record<string, unknown> = {};
  if (path !== undefined) {
    let source: string;
    try {
      source = readFileSync(resolve(io.cwd, path), 'utf8');
    } catch {
      write(io.stderr, msg(lang, 'notFound', path));
      return null;
    }
    let parsed: unknown;
    try {
      parsed = parseYaml(source);
    } catch (error) {
      write(io.stderr, `${path}: ${(error as Error).message.split('\n')[0]}`);
      return null;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      write(io.stderr, shape(path, lang));
      return null;
    }
    file = parsed as Record<string, unknown>;
  }
  const projects = file.projects ?? file['项目'] ?? {};
  if (projects === null || typeof projects !== 'object' || Array.isArray(projects)) {
    write(io.stderr, shape(path ?? '', lang));
    return null;
  }
  const byId = new Map<string, Narrative>();
  for (const [id, value] of Object.entries(projects)) {
    const narrative = narrativeFrom(value);
    if (narrative) byId.set(id, narrative);
  }
  const issuer = text(flags.issuer) ?? text(file.issuer) ?? text(file['评价机构']);
  const date = text(flags.date) ?? text(file.date) ?? text(file['评价日期']);
  return { ...(issuer ? { issuer } : {}), ...(date ? { date } : {}), byId };
}

/** A record's info with the side file's narrative laid over its own. */
export function withTexts(info: ProjectInfo, id: string, texts: ReportTexts | undefined): ProjectInfo {
  const extra = texts?.byId.get(id);
  if (!extra) return info;
  const causes = info.narrative?.causes || extra.causes ? { ...info.narrative?.causes, ...extra.causes } : undefined;
  return { ...info, narrative: { ...info.narrative, ...extra, ...(causes ? { causes } : {}) } };
}
