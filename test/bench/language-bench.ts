/**
 * Bench section `language`: how fast the front end reads a generated 2,000-indicator file
 * (test/dsl/big-file.ts). Measures, each as the median of several runs after a warm-up:
 * lexing alone (the baseline), `parse` (lex + parse + AST), `compileSource` (parse + check +
 * IR), and, for scale, `JSON.parse` of the IR JSON of the same file. Prints ms, MB/s of source
 * text and each figure as a multiple of the lexing baseline measured in the same run, so numbers
 * from different machines compare as ratios. Figures only; nothing here is asserted.
 */
import { pathToFileURL } from 'node:url';
import { compileSource, memorySourceHost } from '../../src/compile/compile.js';
import { parse } from '../../src/dsl/parse.js';
import { jixiaoLexer } from '../../src/dsl/tokens.js';
import { bigIndicatorFile } from '../dsl/big-file.js';
import type { BenchSection } from './sections.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median wall time in ms of `fn` over `runs` runs, after `warm` unmeasured ones. */
function time(fn: () => unknown, runs: number, warm = 2): number {
  for (let i = 0; i < warm; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

/**
 * The big file with weights that add up (each indicator weighs 2, so a dimension of 50 weighs
 * 100 and the scale is 2 × indicators): the generator targets the parser, not the checker.
 */
function checkableFile(indicators: number, perDimension = 50): string {
  return bigIndicatorFile(indicators, perDimension)
    .replace(/^ {2}scale 100$/m, `  scale ${indicators * 2}`)
    .replace(/^( {2}dimension \S+ weight )[\d.]+/gm, (_, head: string) => `${head}${perDimension * 2}`);
}

export async function benchLanguage(indicators = 2000, runs = 7): Promise<void> {
  const text = checkableFile(indicators);
  const bytes = Buffer.byteLength(text, 'utf8');
  const mb = bytes / 1024 / 1024;
  const file = 'big.ind';
  const host = memorySourceHost({ [file]: text });
  const compiled = compileSource(text, file, { fs: host });
  if (!compiled.ir) throw new Error(`bench file does not compile: ${compiled.diagnostics[0]?.code ?? '?'}`);
  const irJson = JSON.stringify(compiled.ir);

  const lex = time(() => jixiaoLexer.tokenize(text), runs);
  const rows: [string, number][] = [
    ['lex (baseline)', lex],
    ['parse (lex + parse + AST)', time(() => parse(text, file), runs)],
    ['parse + check + IR', time(() => compileSource(text, file, { fs: host }), runs)],
    [`JSON.parse of the IR (${(irJson.length / 1024 / 1024).toFixed(1)} MB)`, time(() => JSON.parse(irJson), runs)],
  ];
  console.log(`${indicators} indicators, ${text.split('\n').length} lines, ${mb.toFixed(2)} MB of source; median of ${runs} runs`);
  for (const [what, ms] of rows) {
    console.log(`  ${what.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms  ${(mb / (ms / 1000)).toFixed(2).padStart(7)} MB/s  ×${(ms / lex).toFixed(1)} of lexing`);
  }
}

export const benchSection: BenchSection = { name: 'language', run: () => benchLanguage() };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchLanguage();
}
