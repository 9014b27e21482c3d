// A worker thread of the per-file stage: loads the default detectors once, then runs the batches the scan sends it.
import { parentPort, workerData } from 'node:worker_threads';
import type { FileRef } from './model.js';
import { FileStage, type FileStageSettings } from './file-stage.js';

interface WorkerInput {
  settings: FileStageSettings;
  /** Every file of the scan, so the grammars their formats need are loaded before the first batch. */
  files: FileRef[];
}

const port = parentPort;
if (!port) throw new Error('scan-worker runs only as a worker thread');
const input = workerData as WorkerInput;
const { detectors } = await import('../detectors/index.js');
const stage = await FileStage.create(detectors, input.settings, input.files);
port.on('message', (message: { batch: number; files: FileRef[] }) => {
  port.postMessage({ batch: message.batch, output: stage.run(message.files) });
});
port.postMessage({ ready: true });
