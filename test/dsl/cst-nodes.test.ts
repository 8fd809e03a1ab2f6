/**
 * The parser's CST nodes (parser-base.ts builds their `children` as plain objects, not
 * chevrotain's prototype-less ones, because those are dictionary-mode hash tables in V8): the
 * chevrotain internals that override stands in for still exist, and no child key the grammar can
 * produce (a rule name, a consumed token's name or a label) is a member of `Object.prototype`,
 * which a plain object would already seem to hold (`constructor`, `toString`, …), so a new label
 * named like one fails here rather than silently losing children.
 */
import type { IProduction, Rule } from 'chevrotain';
import { CstParser } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/dsl/parse.js';
import { jixiaoParser } from '../../src/dsl/parser.js';

/** Every key a CST node's `children` can get, from the grammar's productions. */
function childKeys(rules: Record<string, Rule>): Set<string> {
  const keys = new Set<string>();
  const walk = (p: IProduction): void => {
    const x = p as IProduction & { label?: string; terminalType?: { name: string }; nonTerminalName?: string; definition?: IProduction[] };
    if (x.terminalType) keys.add(x.label ?? x.terminalType.name);
    // A rule reference's `definition` is the referenced rule's: walked once, as that rule.
    if (x.nonTerminalName) return void keys.add(x.label ?? x.nonTerminalName);
    for (const d of x.definition ?? []) walk(d);
  };
  for (const r of Object.values(rules)) for (const d of r.definition) walk(d);
  return keys;
}

describe('CST nodes', () => {
  it('stand in for chevrotain internals that still exist', () => {
    const proto = CstParser.prototype as unknown as Record<string, unknown>;
    expect(typeof proto.cstInvocationStateUpdate).toBe('function');
    const parser = jixiaoParser as unknown as Record<string, unknown>;
    expect(typeof parser.setInitialNodeLocation).toBe('function');
    expect(Array.isArray(parser.CST_STACK)).toBe(true);
  });

  it('have no child key that Object.prototype already holds', () => {
    const keys = childKeys(jixiaoParser.getGAstProductions());
    // The walk found the grammar's keys (labels, token names and rule names alike).
    expect(keys.has('operands')).toBe(true);
    expect(keys.has('LCurly')).toBe(true);
    expect(keys.has('qualifiedName')).toBe(true);
    expect([...keys].filter((k) => k in Object.prototype)).toEqual([]);
  });

  it('still carry every child the AST needs', () => {
    const { ast, diagnostics } = parse('framework F { scale 100\n indicator 甲 weight 100 { value = data.a.b / 2; score proportional } }', 'f.ind');
    expect(diagnostics).toEqual([]);
    const fw = ast.declarations[0];
    expect(fw?.kind === 'framework' && fw.members[0]?.kind === 'indicator' && fw.members[0].value?.kind).toBe('binary');
  });
});
