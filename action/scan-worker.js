import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  FileStage,
  prepareFormats
} from "./chunk-42TUOULM.js";
import "./chunk-PPTZAW4O.js";
import "./chunk-4JN6GR4P.js";

// src/scan-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var port = parentPort;
if (!port) throw new Error("scan-worker runs only as a worker thread");
var { settings } = workerData;
var { detectors } = await import("./detectors-K3TMBOCF.js");
var stage = await FileStage.create(detectors, settings, []);
var queue = Promise.resolve();
var failOnBatch = process.env.BLAST_RADIUS_TEST_WORKER_FAILS_ON_BATCH;
port.on("message", (message) => {
  queue = queue.then(async () => {
    if (failOnBatch !== void 0 && message.batch >= Number(failOnBatch)) throw new Error("test-induced worker failure");
    await prepareFormats(message.files);
    port.postMessage({ batch: message.batch, output: stage.run(message.files) });
  });
});
port.postMessage({ ready: true });
