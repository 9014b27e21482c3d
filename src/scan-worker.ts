// A worker thread of the per-file stage, as a module of its own: what the scan starts when it runs from the modules
// tsc emits and from the Action's bundle (the installed bin starts src/bin-worker.ts instead).
import { runScanWorker } from './scan-worker-main.js';

await runScanWorker();
