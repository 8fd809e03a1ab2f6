/**
 * `jixiao report` as the bureau runs it: documents in Chinese whatever the machine's locale
 * (terminal messages keep the locale's language) and in English only with `--lang en`; the
 * evaluator's text from `--narrative FILE` and the 落款 from `--issuer`/`--date`; `--pdf`
 * printing every HTML file with the machine's Chromium, and, when there is none, a message in
 * both languages, exit 2 and nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { findChromium, pdfPageCount } from '../../src/cli/report/pdf.js';
import { available, SKIP_REASON } from './chromium.js';

const RULES = readFileSync(new URL('../golden/cli/eval-rejected/project.ind', import.meta.url), 'utf8');
const CSV = ['id,name,department,spent,budget.adjusted,violations,satisfaction', 'A1,校舍改造,市教育局,950000,1000000,0,0.95', 'A2,乡村医生培训,市卫健委,500000,1000000,1,0.8'].join('\n');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-public-'));
  writeFileSync(join(dir, 'project.ind'), RULES);
  writeFileSync(join(dir, 'data.csv'), CSV + '\n');
  return dir;
}

async function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => new Writable({ write(chunk, _enc, done) { into.push(String(chunk)); done(); } });
  const stdin = new PassThrough();
  stdin.end('');
  const code = await runCli(args, { stdout: sink(out), stderr: sink(err), stdin, cwd, env: { LANG: 'en_US.UTF-8', ...env } });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('report language', () => {
  it('writes Chinese documents under an English locale, with English terminal messages', async () => {
    const dir = workspace();
    const r = await run(['report', '--rules', 'project.ind', 'data.csv', '--out', 'out', '--workers', '0'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'out/summary.md'), 'utf8')).toMatch(/^# 绩效评价结果汇总报告/);
    expect(readFileSync(join(dir, 'out/A1.md'), 'utf8')).toMatch(/^# 校舍改造绩效评价报告/);
    expect(r.stderr).toContain('wrote');
  });

  it('writes English documents only with --lang en', async () => {
    const dir = workspace();
    expect((await run(['--lang', 'en', 'report', '--rules', 'project.ind', 'data.csv', '--out', 'out', '--workers', '0'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'out/summary.md'), 'utf8')).toMatch(/^# Performance evaluation summary/);
    expect((await run(['--lang=zh', 'report', '--rules', 'project.ind', 'data.csv', '--out', 'zh', '--workers', '0'], dir, { LANG: 'C' })).code).toBe(0);
    expect(readFileSync(join(dir, 'zh/summary.md'), 'utf8')).toMatch(/^# 绩效评价结果汇总报告/);
  });
});

describe('the evaluator\'s text and the 落款', () => {
  it('places --narrative text by record id and signs with --issuer and --date', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'texts.yaml'), ['issuer: 江澜市财政局', 'projects:', '  A2:', '    主要经验及做法: 建立了巡诊台账。', '    偏差原因:', '      资金使用合规性: 一笔报销凭证不全'].join('\n'));
    const r = await run(['report', '--rules', 'project.ind', 'data.csv', '--out', 'out', '--workers', '0', '--narrative', 'texts.yaml', '--date', '2026年12月7日'], dir);
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, 'out/A2.md'), 'utf8');
    expect(md).toContain('建立了巡诊台账。');
    expect(md).toContain('原因：一笔报销凭证不全');
    expect(md).toContain('<p align="right">评价机构：江澜市财政局</p>');
    expect(md).toContain('<p align="right">2026年12月7日</p>');
    expect(readFileSync(join(dir, 'out/summary.md'), 'utf8')).toContain('评价机构：江澜市财政局');
  });

  it('stops with exit 2 on a narrative file of the wrong shape', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'texts.yaml'), '- a list\n');
    const r = await run(['report', '--rules', 'project.ind', 'data.csv', '--out', 'out', '--narrative', 'texts.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('texts.yaml: expected an object with issuer, date and projects');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('--pdf', () => {
  it('finds the browser at CHROME_PATH, else at the usual paths', () => {
    const only = (path: string) => (p: string) => p === path;
    expect(findChromium({ CHROME_PATH: '/opt/c/chrome' }, only('/opt/c/chrome'))).toBe('/opt/c/chrome');
    expect(findChromium({ CHROME_PATH: '/opt/c/chrome' }, only('/usr/bin/chromium'))).toBeNull();
    expect(findChromium({}, only('/usr/bin/google-chrome'))).toBe('/usr/bin/google-chrome');
    expect(findChromium({}, () => false)).toBeNull();
  });

  it('says so in both languages, exits 2 and writes nothing when no Chromium is found', async () => {
    const dir = workspace();
    const r = await run(['report', '--rules', 'project.ind', 'data.csv', '--out', 'out', '--pdf'], dir, { CHROME_PATH: join(dir, 'no-such-browser') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未找到可用于导出 PDF 的 Chromium 浏览器');
    expect(r.stderr).toContain('no Chromium found to print PDF');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it.skipIf(!available)(`prints every HTML report to an A4 PDF (${available ? 'Chromium found' : SKIP_REASON})`, async () => {
    const dir = workspace();
    const r = await run(['report', '--rules', 'project.ind', 'data.csv', '--out', 'out', '--format', 'md', '--pdf', '--workers', '0'], dir);
    expect(r.code, r.stderr).toBe(0);
    const names = readdirSync(join(dir, 'out')).sort();
    expect(names.filter((n) => n.endsWith('.pdf'))).toEqual(['A1.pdf', 'A2.pdf', 'summary.pdf']);
    // --pdf prints from HTML, so the HTML is written even though --format said md.
    expect(names).toContain('summary.html');
    const pdf = readFileSync(join(dir, 'out/A1.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThan(0);
  }, 120_000);
});
