/**
 * The package as an embedder gets it: `npm pack`, installed into an empty project, used from a
 * plain `node` ES module and from a strict TypeScript program. Two installs: a lean one
 * (`--omit=dev --omit=optional`, what a service that only scores records installs) and a full
 * one (`--omit=dev`, what `npm install jixiao` gives). Sizes are asserted against the limits
 * the README promises; nothing here is timed. Installs prefer npm's cache, which `npm ci` has
 * just filled.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const MB = 1024 * 1024;

let work: string;
let tarball: string;
let lean: string;
let full: string;

const execFileAsync = promisify(execFile);

/** Asynchronous, so the test worker keeps answering the runner while npm works for a minute. */
async function npm(args: string[], cwd: string): Promise<string> {
  const env = { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
  const { stdout } = await execFileAsync(NPM, args, { cwd, encoding: 'utf8', env, maxBuffer: 16 * MB });
  return stdout;
}

async function makeProject(name: string, installArgs: string[]): Promise<string> {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  await npm(['install', tarball, '--prefer-offline', '--no-package-lock', ...installArgs], dir);
  return dir;
}

/** Bytes on disk below a folder, not following links. */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
    else total += lstatSync(path).size;
  }
  return total;
}

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
}

const APP = `import { compile, createAssessor } from 'jixiao';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rules = join(dirname(fileURLToPath(import.meta.resolve('jixiao/package.json'))), 'rules');
const { ir, diagnostics } = compile([join(rules, 'sectors/education.ind'), join(rules, 'policy/result-application.ind')], { framework: '教育项目' });
if (!ir) throw new Error(diagnostics.map((d) => d.message).join('; '));
const result = createAssessor(ir).assess({
  id: 'T-EDU1',
  budget: { initial: 30000000, adjusted: 30000000, next: 30000000 }, spent: 30000000,
  funds: { planned: 30000000, arrived: 30000000 },
  decision: { basis: 'A', procedure: { applied: true, assessed: true, collective: true }, target: '合理',
    clarity: { decomposed: true, measurable: true, matched: true }, budgeting: 'A', allocation_reasonable: true },
  process: { violations: 0, system: { finance: true, project: true, procurement: true, archive: true }, execution_points: 5 },
  audit: { major_violation: false, false_claim: false },
  output: { area: 12000, inspected: 30, passed: 30, delay_days: 0, planned_cost: 30000000, actual_cost: 29000000 },
  plan: { area: 12000, new_places: 1350 },
  effect: { new_places: 1350, large_classes: 8, large_classes_resolved: 8, safety_cleared: true },
  survey: { satisfaction: 0.96 },
});
console.log(result.total, result.grade, [...new Set(result.recommendations.map((r) => r.rule))].join(','));
`;

const CONSUMER = `import { compileSource, createAssessor, type Diagnostic, type EvaluationResult } from 'jixiao';

const { ir, diagnostics } = compileSource('framework F { scale 100 dimension D weight 100 { indicator I weight 100 { value = data.x target >= 1 score proportional } } }', 'f.ind');
const errors: readonly Diagnostic[] = diagnostics.filter((d) => d.severity === 'error');
if (ir !== undefined && errors.length === 0) {
  const result: EvaluationResult = createAssessor(ir).assess({ id: 'r1', x: 0.5 });
  const total: number | null = result.total;
  console.log(total, result.grade);
}
`;

const STRICT_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    noPropertyAccessFromIndexSignature: true,
    exactOptionalPropertyTypes: true,
    noImplicitOverride: true,
    skipLibCheck: false,
    noEmit: true,
    types: ['node'],
    typeRoots: [join(REPO, 'node_modules/@types')],
  },
  files: ['consumer.ts'],
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'jixiao-pack-'));
  // `npm pack` runs the package's `prepare` script, so the tarball holds a fresh build.
  const packed = JSON.parse(await npm(['pack', '--json', '--pack-destination', work], REPO)) as { filename: string }[];
  tarball = join(work, packed[0]!.filename);
  [lean, full] = await Promise.all([makeProject('lean-app', ['--omit=dev', '--omit=optional']), makeProject('full-app', ['--omit=dev'])]);
}, 600_000);

// Two installed trees of node_modules take a while to delete on a loaded machine.
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('the packed tarball', () => {
  // The tarball carries the build, its declaration maps' sources, the rule library and the demo's
  // data. It reached 1.25 MB (1.31 MB at 2026-12) by the code's own growth; 1.5 MB leaves room
  // for more while still catching a stray fixture folder or a second copy of the build (either
  // adds megabytes).
  it('is under 1.5 MB and carries the build, the rule library and the docs, but no tests', () => {
    expect(statSync(tarball).size).toBeLessThan(1.5 * MB);
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
    for (const needed of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/index.d.ts.map',
      'dist/cli/bin.js',
      'dist/report/index.js',
      'dist/service/index.js',
      'rules/sectors/education.ind',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'package.json',
    ]) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((f) => f.startsWith('test/') || /\.test\.ts$/.test(f))).toEqual([]);
    // The tsx shims of the source tree must never reach the build.
    expect(files.filter((f) => f.startsWith('dist/') && f.endsWith('.mjs'))).toEqual([]);
  });
});

describe('a lean install (--omit=dev --omit=optional)', () => {
  it('runs a plain node ES module: compile a shipped rule set, assess a record, read the grade', () => {
    writeFileSync(join(lean, 'app.mjs'), APP);
    const out = run(process.execPath, ['app.mjs'], lean);
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('100 优 评价优秀');
  });

  it('installs none of the optional or development packages and stays under 30 MB', () => {
    const installed = readdirSync(join(lean, 'node_modules'));
    for (const heavy of ['echarts', 'exceljs', 'tsx', 'typescript', 'vitest', 'esbuild']) expect(installed).not.toContain(heavy);
    expect(folderBytes(join(lean, 'node_modules'))).toBeLessThan(30 * MB);
  });

  it('type-checks a strict TypeScript consumer with no errors from jixiao’s files', () => {
    writeFileSync(join(lean, 'consumer.ts'), CONSUMER);
    writeFileSync(join(lean, 'tsconfig.json'), JSON.stringify(STRICT_TSCONFIG));
    const out = run(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', '.'], lean);
    expect(out.stdout + out.stderr).toBe('');
    expect(out.status).toBe(0);
  });

  it('has a working `jixiao` command that names the optional package a command needs', () => {
    const bin = join(lean, 'node_modules/.bin/jixiao');
    const version = run(bin, ['--version'], lean);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    writeFileSync(
      join(lean, 'broken.ind'),
      'framework F {\n  scale 100\n  dimension D weight 100 { indicator I weight 100 { value = data.x target >= 1 score proportionl } }\n}\n',
    );
    const check = run(bin, ['check', 'broken.ind', '--lang', 'en'], lean);
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toMatch(/broken\.ind:3:\d+ DSL\d+/);
    // Reports render without optional packages; the results workbook is what needs ExcelJS.
    writeFileSync(
      join(lean, 'fine.ind'),
      'framework F {\n  scale 100\n  dimension D weight 100 { indicator I weight 100 { value = data.x target >= 1 score proportional } }\n}\n',
    );
    writeFileSync(join(lean, 'data.yaml'), 'id: r1\nx: 0.5\n');
    const report = run(bin, ['report', '--rules', 'fine.ind', 'data.yaml', '--out', 'reports', '--lang', 'en'], lean);
    expect(report.status).toBe(2);
    expect(report.stderr).toMatch(/needs the optional package exceljs, which is not installed; install it with: npm install exceljs/);
  });

  it('names the missing package when asked to read a workbook', () => {
    const bin = join(lean, 'node_modules/.bin/jixiao');
    const rules = join(lean, 'node_modules/jixiao/rules/common/project.ind');
    writeFileSync(join(lean, 'data.xlsx'), '');
    const out = run(bin, ['eval', '--rules', rules, 'data.xlsx', '--lang', 'en'], lean);
    expect(out.status).not.toBe(0);
    expect(out.stdout + out.stderr).toContain('reading .xlsx needs the optional package exceljs');
  });
});

describe('a full install (--omit=dev)', () => {
  it('has every entry and stays under 100 MB', () => {
    const script =
      "await import('jixiao/report'); await import('jixiao/sheets'); await import('jixiao/forms'); await import('jixiao/service'); console.log('ok');";
    const out = run(process.execPath, ['--input-type=module', '-e', script], full);
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('ok');
    expect(folderBytes(join(full, 'node_modules'))).toBeLessThan(100 * MB);
  });
});
