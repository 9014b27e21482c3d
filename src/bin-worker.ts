// The installed bin's worker thread (dist/bin/scan-worker.js, where the scan looks for `./scan-worker.js`): loads the
// same bundle as the command line, through the same code cache, and runs the per-file stage.
import { fileURLToPath } from 'node:url';
import { loadBundle } from './bundle-loader.js';
import type * as Bundle from './bundle-main.js';

await loadBundle<typeof Bundle>(fileURLToPath(new URL('./main.cjs', import.meta.url))).exports.runScanWorker();
