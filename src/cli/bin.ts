#!/usr/bin/env node
/**
 * The `jixiao` executable: runs the command line on this process's arguments and streams, and
 * sets the exit code once both streams have drained. A reader that closes the pipe early ends
 * the process quietly (see endQuietlyOnClosedPipe).
 */
import { endQuietlyOnClosedPipe, flush, processIO } from './io.js';
import { runCli } from './main.js';

const io = processIO();
for (const stream of [io.stdout, io.stderr]) endQuietlyOnClosedPipe(stream, (code) => process.exit(code));
const code = await runCli(process.argv.slice(2), io);
await Promise.all([flush(io.stdout), flush(io.stderr)]);
process.exitCode = code;
