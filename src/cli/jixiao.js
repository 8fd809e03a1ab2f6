#!/usr/bin/env node
// Development runner: the CLI straight from the TypeScript sources through tsx, for working on
// the code without rebuilding. Users run the compiled dist/cli/bin.js (package.json "bin").
import { register } from 'tsx/esm/api';
register();
await import('./bin.ts');
