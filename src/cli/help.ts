/**
 * The help texts, generated from the command table in the run's language: `jixiao --help` (every
 * command with its summary, the common options, the exit codes) and `jixiao <command> --help`
 * (its synopsis and every option it declares, with value placeholder, accepted values and what
 * it does). Lines fit 100 columns, Chinese counted as two; option help wraps under itself.
 */
import type { Lang } from '../common/lang.js';
import { type CommandSpec, flagsOf, type OptionSpec, type OptionTable } from '../common/command-spec.js';
import { COMMAND_SPECS } from './command-table.js';
import { EXIT_CODES } from './io.js';
import { type CliWord, cliWord } from './messages.js';
import { GLOBAL_OPTIONS, VERSION_OPTION } from './shared-options.js';
import { displayWidth } from '../compile/code-frame.js';
import { padDisplay, wrapDisplay } from './text-table.js';

const WIDTH = 100;
/** Flags longer than this put their help on the next line, so one long flag cannot push the rest. */
const FLAG_COLUMN = 34;

export function commandHelp(spec: CommandSpec, lang: Lang): string {
  const out = [`jixiao ${spec.name} — ${spec.summary[lang]}`, '', cliWord(lang, 'helpUsage')];
  for (const line of spec.synopsis) out.push(`  jixiao ${spec.name} ${line[lang]}`);
  // one column for both tables, so the common options line up with the command's own
  const column = flagColumn({ ...spec.options, ...GLOBAL_OPTIONS }, lang);
  if (Object.keys(spec.options).length > 0) out.push('', cliWord(lang, 'helpOptions'), ...optionLines(spec.options, lang, column));
  out.push('', cliWord(lang, 'helpCommon'), ...optionLines(GLOBAL_OPTIONS, lang, column));
  return out.join('\n') + '\n';
}

export function globalHelp(lang: Lang): string {
  const listed = COMMAND_SPECS.filter((c) => !c.hidden);
  const nameWidth = Math.max(...listed.map((c) => c.name.length));
  const out = [cliWord(lang, 'helpTitle'), '', cliWord(lang, 'helpUsage'), `  jixiao <${lang === 'zh' ? '命令' : 'command'}> ${cliWord(lang, 'helpArgs')}`, ''];
  out.push(cliWord(lang, 'helpCommands'));
  for (const c of listed) out.push(...hanging(`  ${c.name.padEnd(nameWidth)}  `, c.summary[lang]));
  const common = { ...GLOBAL_OPTIONS, ...VERSION_OPTION };
  out.push('', cliWord(lang, 'helpCommon'), ...optionLines(common, lang, flagColumn(common, lang)));
  out.push('', cliWord(lang, 'helpMore'), '', cliWord(lang, 'helpExitCodes'));
  for (const code of EXIT_CODES) out.push(...hanging(`  ${code}  `, cliWord(lang, `exit${code}` as CliWord)));
  return out.join('\n') + '\n';
}

/** The `-r, --rules <FILE>` part of an option's line. */
export function flagText(name: string, option: OptionSpec, lang: Lang): string {
  const flags = flagsOf(name, option);
  const lead = flags.length === 1 ? `    ${flags[0]}` : `${flags[0]}, ${flags[1]}`;
  const value = option.type === 'string' ? ` <${option.value?.[lang] ?? 'VALUE'}>` : '';
  return `${lead}${value}${option.multiple ? '…' : ''}`;
}

function flagColumn(options: OptionTable, lang: Lang): number {
  const widest = Math.max(...Object.entries(options).map(([name, o]) => displayWidth(`  ${flagText(name, o, lang)}`)));
  return Math.min(FLAG_COLUMN, widest) + 2;
}

function optionLines(options: OptionTable, lang: Lang, column: number): string[] {
  const rows = Object.entries(options).map(([name, o]) => ({ flag: `  ${flagText(name, o, lang)}`, help: optionHelp(o, lang) }));
  return rows.flatMap(({ flag, help }) => {
    if (displayWidth(flag) + 2 > column) return [flag, ...wrapDisplay(help, WIDTH - column).map((l) => ' '.repeat(column) + l)];
    return hanging(padDisplay(flag, column), help);
  });
}

function optionHelp(option: OptionSpec, lang: Lang): string {
  const values = option.choices ?? option.suggest;
  return (values ? `${values.join('|')}${lang === 'zh' ? '：' : ': '}` : '') + option.help[lang];
}

/** `lead` then `text` wrapped to the width, continuation lines indented under the text. */
function hanging(lead: string, text: string): string[] {
  const indent = displayWidth(lead);
  return wrapDisplay(text, WIDTH - indent).map((line, i) => (i === 0 ? lead : ' '.repeat(indent)) + line);
}
