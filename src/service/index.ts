/**
 * The service's public surface: `createServer` (in-process, testable), `startServer` (listens,
 * drains on close), `serveCommand` (the `jixiao serve` entry the CLI dispatcher calls) and
 * `replayDecision` (re-run a decision-log line). The service only calls the library façades
 * through the `Toolchain` port; real-toolchain.ts binds that port to them and is loaded on
 * first use when no other toolchain is given.
 */
export { createServer, startServer, DEFAULT_LIMITS, type ServerOptions, type StartOptions, type StartedServer } from './server.js';
export { serveCommand, parseServeArgs, SERVE_USAGE } from './serve-command.js';
export { replayDecision, canonicalJson, inputHash, type DecisionEntry, type ReplayOutcome } from './decision-log.js';
export type { Toolchain, PreparedRuleSet, CompileOutput, RecordError } from './toolchain.js';
/** `prepareRuleSet(ir)` gives what `replayDecision` re-runs (e.g. an IR archived at the logged hash). */
export { createRealToolchain, prepareRuleSet } from './real-toolchain.js';
export type { RegistrySnapshot, LoadedRuleSet, LoadFailure } from './loader.js';
export type { Problem, FieldError } from './problem.js';
