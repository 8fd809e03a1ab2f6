/**
 * The dispatcher's table: name → a loader of its implementation. The options and help of each
 * command are declared in command-table.ts (a test keeps both tables the same set of names). Commands load on first use so that `jixiao --version` or `jixiao check` never pays
 * for the service, the report renderers or the spreadsheet reader.
 */
import type { CliIO } from '../io.js';
import type { Lang } from '../messages.js';
import type { CommandContext } from '../report/document-lang.js';

/**
 * `lang` is the terminal's language (the locale, or `--lang`); written reports use
 * `documentLang(lang, context)` instead (report/document-lang.ts).
 */
export type Command = (args: string[], io: CliIO, lang: Lang, context?: CommandContext) => Promise<number>;

type CommandLoader = () => Promise<Command>;

export const commands: Record<string, CommandLoader> = {
  check: async () => (await import('./check.js')).checkCommand,
  compile: async () => (await import('./compile.js')).compileCommand,
  eval: async () => (await import('./eval.js')).evalCommand,
  test: async () => (await import('./test.js')).testCommand,
  serve: async () => (await import('./serve.js')).serveCliCommand,
  demo: async () => (await import('./demo.js')).demoCommand,
  fmt: async () => (await import('./fmt.js')).fmtCommand,
  report: async () => (await import('./report.js')).reportCommand,
  sample: async () => (await import('./sample.js')).sampleCommand,
  allocate: async () => (await import('./allocate.js')).allocateCommand,
  rollup: async () => (await import('./rollup.js')).rollupCommand,
  explain: async () => (await import('./explain.js')).explainCommand,
  inspect: async () => (await import('./inspect.js')).inspectCommand,
  bench: async () => (await import('./bench.js')).benchCommand,
  completion: async () => (await import('./completion.js')).completionCommand,
};
