/** The command table: name → implementation. Each command file owns its options and help. */
import type { CliIO } from '../io.js';
import type { Lang } from '../messages.js';
import { checkCommand } from './check.js';
import { compileCommand } from './compile.js';
import { evalCommand } from './eval.js';
import { testCommand } from './test.js';
import { serveCliCommand } from './serve.js';
import { demoCommand } from './demo.js';
import { fmtCommand } from './fmt.js';
import { reportCommand } from './report.js';
import { sampleCommand } from './sample.js';
import { allocateCommand } from './allocate.js';
import { rollupCommand } from './rollup.js';

export type Command = (args: string[], io: CliIO, lang: Lang) => Promise<number>;

export const commands: Record<string, Command> = {
  check: checkCommand,
  compile: compileCommand,
  eval: evalCommand,
  test: testCommand,
  serve: serveCliCommand,
  demo: demoCommand,
  fmt: fmtCommand,
  report: reportCommand,
  sample: sampleCommand,
  allocate: allocateCommand,
  rollup: rollupCommand,
};
