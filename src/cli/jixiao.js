#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that `npx jixiao` works straight after `npm ci`, no build step.
import { register } from 'tsx/esm/api';
register();
await import('./main.ts');
