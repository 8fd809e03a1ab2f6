/**
 * The one declaration of every command, in the order `jixiao --help` lists them: the entries
 * of command-table-scoring.ts and command-table-tools.ts, plus `help`, whose words are the
 * command names. Everything that knows about commands or options (parsing, help, completion,
 * the dispatcher's loaders in commands/index.ts, the README's command list) reads this list; a
 * test keeps the loaders and this list the same set.
 */
import type { CommandSpec } from '../common/command-spec.js';
import { defineCommand } from '../common/command-spec.js';
import { BENCH, EVAL, EXPLAIN, INSPECT, REPORT } from './command-table-scoring.js';
import { ALLOCATE, CHECK, COMPILE, COMPLETION, DEMO, FMT, ROLLUP, SAMPLE, SERVE, TEST } from './command-table-tools.js';

export { BENCH, EVAL, EXPLAIN, INSPECT, REPORT } from './command-table-scoring.js';
export { ALLOCATE, CHECK, COMPILE, COMPLETION, DEMO, FMT, ROLLUP, SAMPLE, SERVE, TEST } from './command-table-tools.js';

const LISTED: readonly CommandSpec[] = [CHECK, COMPILE, EVAL, EXPLAIN, REPORT, TEST, FMT, INSPECT, BENCH, SAMPLE, ALLOCATE, ROLLUP, SERVE, DEMO, COMPLETION];

export const HELP = defineCommand({
  name: 'help',
  summary: { zh: '显示某个命令的帮助（同 jixiao <命令> --help）', en: 'show the help of a command (the same as jixiao <command> --help)' },
  synopsis: [{ zh: '[命令]', en: '[command]' }],
  positionals: 'none',
  words: LISTED.map((c) => c.name),
  options: {},
});

export const COMMAND_SPECS: readonly CommandSpec[] = [...LISTED, HELP];

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMAND_SPECS.find((c) => c.name === name);
}
