/** Runs the CLI in-process with captured output, the way a user in `cwd` would run it. */
import { PassThrough, Writable } from 'node:stream';
import { relative } from 'node:path';
import { runCli } from '../../src/cli/main.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCapturedCli(args: string[], cwd: string, stdinText = ''): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _enc, done) {
        into.push(String(chunk));
        done();
      },
    });
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const code = await runCli(args, { stdout: sink(out), stderr: sink(err), stdin, cwd, env: { LANG: 'en_US.UTF-8' } });
  // paths relative to the repository differ from machine to machine only by where it lives
  const here = relative(process.cwd(), cwd);
  const clean = (text: string) => text.split(cwd).join('<case>').split(here).join('<case>');
  return { code, stdout: clean(out.join('')), stderr: clean(err.join('')) };
}
