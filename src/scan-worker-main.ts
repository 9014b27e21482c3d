// The body of a worker thread of the per-file stage: loads the default detectors once, then, for the scan it is sent,
// claims batches from the counter it shares with the other threads and runs them until none is left. It may start
// before discovery has listed the files, so each batch loads the parsers its formats need (the HCL grammar) when it
// comes. A function rather than a module's top level, so that the installed bin's single bundle can carry it beside
// the command line and start it from its worker launcher (src/bin-worker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { FileStage, prepareFormats, type FileStageSettings } from './file-stage.js';
import { claimBatch, type ThreadedRun } from './batch-claims.js';

export async function runScanWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('scan-worker runs only as a worker thread');
  const { settings } = workerData as { settings: FileStageSettings };
  const { detectors } = await import('../detectors/index.js');
  const stage = await FileStage.create(detectors, settings, []);
  // Lets a test stop a worker in the middle of a scan, as a crash would (at the first batch whose index is at least
  // this), to prove its files are still scanned.
  const failOnBatch = process.env.BLAST_RADIUS_TEST_WORKER_FAILS_ON_BATCH;
  port.on('message', (run: ThreadedRun) => {
    void (async () => {
      for (let batch = claimBatch(run); batch !== -1; batch = claimBatch(run)) {
        if (failOnBatch !== undefined && batch >= Number(failOnBatch)) throw new Error('test-induced worker failure');
        const files = run.batches[batch]!;
        await prepareFormats(files);
        port.postMessage({ batch, output: stage.run(files) });
      }
      port.postMessage({ done: true });
    })();
  });
  port.postMessage({ ready: true });
}
