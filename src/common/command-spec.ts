/**
 * The shape of the one declaration of every command (command-table.ts): its name, one-line
 * summary, synopsis, positional arguments and options, each option with its type, value
 * placeholder, accepted values, what it completes to and its help, in both languages. Option
 * parsing (args.ts), per-command help (help.ts), shell completion (completion-*.ts) and the
 * README's command list are all read off this table, so an option exists in all of them or in
 * none. The option entries are a superset of node's parseArgs option config, so a command's
 * parsed values keep their static types.
 */
import type { Term } from './lang.js';

/** What a shell offers for a value: files (optionally only some extensions), folders, or nothing. */
export type Completion = { files: readonly string[] } | 'files' | 'dirs' | 'none';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The placeholder in help: `--rules <FILE>`. Strings only. */
  readonly value?: Term;
  /** The only values accepted; parsing rejects any other, help and completion list them. */
  readonly choices?: readonly string[];
  /** Values completion offers and help shows without parsing enforcing them (`--format md,html`). */
  readonly suggest?: readonly string[];
  /** What completion offers after the option (strings only); default: nothing. */
  readonly complete?: Completion;
  readonly help: Term;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export interface CommandSpec<O extends OptionTable = OptionTable> {
  readonly name: string;
  readonly summary: Term;
  /** Usage lines after `jixiao <name> `; several when the command has several forms. */
  readonly synopsis: readonly Term[];
  /** What completion offers for positional arguments. */
  readonly positionals: Completion;
  /** Fixed words a positional can be (`completion bash|zsh|fish`, `help <command>`). */
  readonly words?: readonly string[];
  readonly options: O;
  /** Left out of the global command list (still callable, still completed). */
  readonly hidden?: boolean;
}

/** Keeps the literal option types (`'string'`, `true`) so parsed values stay typed. */
export function defineCommand<const O extends OptionTable>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/** The option names as typed: `--rules`, and `-r` when there is a short form. */
export function flagsOf(name: string, option: OptionSpec): string[] {
  return option.short ? [`-${option.short}`, `--${name}`] : [`--${name}`];
}

/** node's parseArgs config for a command: only the keys parseArgs knows. */
export function parseArgsOptions(options: OptionTable): Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries(options)) {
    config[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  return config;
}

/**
 * The known word closest to a mistyped one, for "did you mean": by edit distance (a swap of two
 * neighbours counts as one edit), at most a third of the word's length and at most 3, or the
 * one known word that starts with what was typed. Ties go to the earlier word in `known`, so the
 * suggestion never depends on anything but the table's order.
 */
export function nearest(typed: string, known: readonly string[]): string | undefined {
  const prefixed = known.filter((k) => typed.length >= 3 && k.startsWith(typed));
  if (prefixed.length === 1) return prefixed[0];
  const limit = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const k of known) {
    const d = editDistance(typed, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...Array.from({ length: b.length }, (_, j) => (i === 0 ? j + 1 : 0))]);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
