/**
 * `jixiao test [paths…] [--update] [--format text|json]`: runs the golden test cases policy
 * staff keep beside their indicator files (`*.test.yaml`), with the recommendation stage, and
 * prints what differs and what no case covers. Exit 0 when all pass, 1 when any case fails,
 * cannot run or asserts nothing, 2 when there is nothing to test.
 */
import { resolve } from 'node:path';
import type { RuleSetIR } from '../../compile/ir.js';
import { createRecommender, type Recommender } from '../../recommend/index.js';
import { formatTestReport, runTestFiles } from '../../testing/index.js';
import { testMessage } from '../../testing/messages.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { TEST } from '../command-table.js';
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, write } from '../io.js';
import type { Lang } from '../messages.js';

export async function testCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, TEST);
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  const paths = (positionals.length > 0 ? positionals : ['.']).map((p) => resolve(io.cwd, p));

  const recommenders = new WeakMap<RuleSetIR, Recommender>();
  const report = await runTestFiles(paths, {
    update: values.update === true,
    lang,
    recommend: (ir, result, record, context) => {
      let recommender = recommenders.get(ir);
      if (!recommender) recommenders.set(ir, (recommender = createRecommender(ir)));
      return recommender.recommend(result, record, context);
    },
  });
  if (report.files.length === 0) {
    write(io.stderr, `jixiao test: ${testMessage('nothingFound', { paths: positionals.join(' ') || '.' }, lang)}`);
    return EXIT_USAGE;
  }
  write(io.stdout, format === 'json' ? JSON.stringify(report, null, 2) : formatTestReport(report, lang));
  // A case that asserts nothing is not a pass: it would stay green whatever the rules do.
  return report.failed > 0 || report.errors > 0 || report.empty > 0 ? EXIT_FINDINGS : EXIT_OK;
}
