/**
 * Shared helpers of the dsl tests: parse text that must be clean, pull out one expression or
 * indicator, and read the fixture files. Assertions are on AST shape, codes and ranges.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Expr, FileAst, FrameworkDecl, IndicatorDecl, NodeMember, RulesDecl } from '../../src/dsl/ast.js';
import { parse } from '../../src/dsl/parse.js';
import { printExpr } from '../../src/dsl/print-expr.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.ind'))
    .sort();
}

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Parses text that must have no diagnostics at all. */
export function parseClean(text: string): FileAst {
  const { ast, diagnostics } = parse(text, 'test.ind');
  expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`)).toEqual([]);
  return ast;
}

export function framework(ast: FileAst, index = 0): FrameworkDecl {
  const d = ast.declarations.filter((x): x is FrameworkDecl => x.kind === 'framework')[index];
  if (!d) throw new Error('no framework');
  return d;
}

export function rulesBlock(ast: FileAst, index = 0): RulesDecl {
  const d = ast.declarations.filter((x): x is RulesDecl => x.kind === 'rules')[index];
  if (!d) throw new Error('no rules block');
  return d;
}

/** Every indicator at any depth, in source order. */
export function indicators(members: readonly NodeMember[]): IndicatorDecl[] {
  return members.flatMap((m) => (m.kind === 'indicator' ? [m] : m.kind === 'dimension' ? indicators(m.members) : []));
}

export function indicator(ast: FileAst, name: string): IndicatorDecl {
  const found = indicators(framework(ast).members).find((i) => i.name.text === name);
  if (!found) throw new Error(`no indicator ${name}`);
  return found;
}

/** The expression `src` as written in a `let`, parsed cleanly. */
export function expr(src: string): Expr {
  const ast = parseClean(`framework F {\n  let x = ${src}\n}`);
  const value = framework(ast).lets[0]?.value;
  if (!value) throw new Error('no let');
  return value;
}

export function printed(src: string): string {
  return printExpr(expr(src));
}

/** One indicator body, parsed cleanly inside a framework. */
export function indicatorBody(body: string): IndicatorDecl {
  const ast = parseClean(`framework F {\n  indicator I weight 10 {\n    ${body}\n  }\n}`);
  return indicator(ast, 'I');
}
