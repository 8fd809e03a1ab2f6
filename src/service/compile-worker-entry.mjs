// Source-tree shim (see src/common/worker-module.ts): worker threads do not inherit the main
// thread's TypeScript loader, so register tsx, then load the real compile worker. Not shipped in dist.
import { register } from 'tsx/esm/api';
register();
await import('./compile-worker.ts');
