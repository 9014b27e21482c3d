// A worker thread of the per-file stage: loads the default detectors once, then runs the batches the scan sends it,
// in the order they arrive. It may start before discovery has listed the files, so each batch loads the parsers its
// formats need (the HCL grammar) when it comes.
import { parentPort, workerData } from 'node:worker_threads';
import type { FileRef } from './model.js';
import { FileStage, prepareFormats, type FileStageSettings } from './file-stage.js';

const port = parentPort;
if (!port) throw new Error('scan-worker runs only as a worker thread');
const { settings } = workerData as { settings: FileStageSettings };
const { detectors } = await import('../detectors/index.js');
const stage = await FileStage.create(detectors, settings, []);
let queue = Promise.resolve();
// Lets a test stop a worker in the middle of a scan, as a crash would (at the first batch whose index is at least
// this), to prove its files are still scanned.
const failOnBatch = process.env.BLAST_RADIUS_TEST_WORKER_FAILS_ON_BATCH;
port.on('message', (message: { batch: number; files: FileRef[] }) => {
  queue = queue.then(async () => {
    if (failOnBatch !== undefined && message.batch >= Number(failOnBatch)) throw new Error('test-induced worker failure');
    await prepareFormats(message.files);
    port.postMessage({ batch: message.batch, output: stage.run(message.files) });
  });
});
port.postMessage({ ready: true });
