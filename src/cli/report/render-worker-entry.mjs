// Worker threads do not inherit the main thread's TypeScript loader: register tsx, then load the
// real worker. Plain .mjs so Node can start it without any loader.
import { register } from 'tsx/esm/api';
register();
await import('./render-worker.ts');
