/**
 * chevrotain's runtime, loaded from the single-file bundle its package ships
 * (lib/chevrotain.min.mjs) instead of its package entry: the entry is a tree of some hundred ES
 * modules (lodash-es among them) that costs about 250 ms to load at every start of the CLI, the
 * service's compile thread and every test worker; the bundle, the same release built from the
 * same sources, loads in about 15 ms. The package's `exports` map does not list the bundle, so it
 * is found beside the resolved entry; a layout without it falls back to the entry. Types still
 * come from 'chevrotain' itself (type-only imports cost nothing at run time).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Chevrotain = typeof import('chevrotain');

function bundlePath(): string | undefined {
  // the entry resolves to <package>/lib/src/api.js; the bundle is <package>/lib/chevrotain.min.mjs
  const entry = createRequire(import.meta.url).resolve('chevrotain');
  const bundle = join(dirname(entry), '..', 'chevrotain.min.mjs');
  return existsSync(bundle) ? bundle : undefined;
}

const bundle = bundlePath();
const runtime = (bundle ? await import(pathToFileURL(bundle).href) : await import('chevrotain')) as Chevrotain;

export const { CstParser, Lexer, createToken, createTokenInstance, tokenMatcher, EOF, MismatchedTokenException } = runtime;

/**
 * The grammar tools (grammar/generate.ts) take them from the same copy: the CST types generator
 * recognises the parser's grammar objects by class, so they must come from the bundle too.
 */
export const { createSyntaxDiagramsCode, generateCstDts } = runtime;
