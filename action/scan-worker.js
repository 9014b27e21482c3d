import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  FileStage,
  claimBatch,
  prepareFormats
} from "./chunk-EZ4FKNIL.js";
import "./chunk-R6DX3KO7.js";
import "./chunk-4JN6GR4P.js";

// src/scan-worker-main.ts
import { parentPort, workerData } from "node:worker_threads";
async function runScanWorker() {
  const port = parentPort;
  if (!port) throw new Error("scan-worker runs only as a worker thread");
  const { settings } = workerData;
  const { detectors } = await import("./detectors-VU22B5ML.js");
  const stage = await FileStage.create(detectors, settings, []);
  const failOnBatch = process.env.BLAST_RADIUS_TEST_WORKER_FAILS_ON_BATCH;
  port.on("message", (run) => {
    void (async () => {
      for (let batch = claimBatch(run); batch !== -1; batch = claimBatch(run)) {
        if (failOnBatch !== void 0 && batch >= Number(failOnBatch)) throw new Error("test-induced worker failure");
        const files = run.batches[batch];
        await prepareFormats(files);
        port.postMessage({ batch, output: stage.run(files) });
      }
      port.postMessage({ done: true });
    })();
  });
  port.postMessage({ ready: true });
}

// src/scan-worker.ts
await runScanWorker();
