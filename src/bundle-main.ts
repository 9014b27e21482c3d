// The one CommonJS bundle of the installed bin (dist/bin/main.cjs, scripts/bundle-cli.ts): the command line and the
// scan's worker thread, loaded by their launchers (src/bin.ts, src/bin-worker.ts) through V8's code cache.
export { runCli } from './cli.js';
export { runScanWorker } from './scan-worker-main.js';
