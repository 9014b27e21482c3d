// Runs the per-file stage over batches of files in the calling thread and in worker threads (one per extra core),
// and hands back each batch's output in file order, so a parallel scan reports exactly what a sequential one does.
// Every thread claims the next batch from one shared counter: a worker never waits for the calling thread to hand it
// work (which it could only do between its own batches, so one slow batch there left the workers idle). The calling
// thread works from the first batch: it is warm already, and while the workers load the detectors (about 0.2 s) it
// would otherwise wait. Falls back to the calling thread alone when the scan is small (a worker would cost more than
// it saves), when detectors are not the default registry (they cannot be sent to a thread), or when the worker script
// is not there (tests run the TypeScript sources).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileRef } from './model.js';
import type { FileStage, FileStageOutput, FileStageSettings } from './file-stage.js';
import { claimBatch, threadedRun } from './batch-claims.js';

/**
 * Below this much text a worker's start-up and warm-up cost what it saves. Two threads on two cores gain least:
 * each warms its own JIT and both share the cores with V8's collector and compiler threads. How much they gain
 * depends on the host: on 2 vCPUs where two busy threads did 1.2x the work of one, 32 MB of Python packages (9,000
 * files) ran 16% slower with a worker and 176 MB (24,000 files) 12% faster; on 2 vCPUs of the 2026-12-07 host
 * (paired runs, one thread against two, medians of 3-5), the generated corpora's 4,000 files (23 MB) ran in 1.01 of
 * the time, their 8,000 files (47 MB) in 0.92, four Python packages' 12,800 files in 0.91 and 24,000 files (176 MB)
 * in 0.77. Two threads start at 8,000 files, where the second host gains and the first about breaks even. With more
 * cores each extra worker costs the same and gains more, so the lower thresholds (measured on 2 cores, when the
 * scan was slower per file) stay.
 */
const MIN_PARALLEL = { twoThreads: { bytes: 40 * 1024 * 1024, files: 8_000 }, more: { bytes: 40 * 1024 * 1024, files: 6_000 } };
const MIN_PARALLEL_FILES = 200;

function thresholds(threads: number): { bytes: number; files: number } {
  return threads <= 2 ? MIN_PARALLEL.twoThreads : MIN_PARALLEL.more;
}

const BATCH_FILES = 32;
const MAX_THREADS = 4;

const WORKER_SCRIPT = fileURLToPath(new URL('./scan-worker.js', import.meta.url));

/** Whether a tree git says holds this many files is worth starting workers for before its files are even listed. */
export function worthStartingEarly(trackedFiles: number, env: NodeJS.ProcessEnv = process.env): boolean {
  const threads = maxThreads(env);
  // Threads asked for by number run whatever the size: start them at once.
  if (env.BLAST_RADIUS_WORKERS) return threads > 1;
  return threads > 1 && trackedFiles >= thresholds(threads).files;
}

/** The most threads this process may use, the calling thread included: `BLAST_RADIUS_WORKERS`, else the cores (at most four). */
export function maxThreads(env: NodeJS.ProcessEnv = process.env): number {
  if (!existsSync(WORKER_SCRIPT)) return 1;
  const forced = env.BLAST_RADIUS_WORKERS;
  if (forced !== undefined && forced !== '') {
    const count = Number(forced);
    return Number.isInteger(count) && count > 1 ? Math.min(count, 16) : 1;
  }
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS));
}

/**
 * How many threads to run the stage in, the calling thread included: `BLAST_RADIUS_WORKERS` when set (0 or 1 =
 * the calling thread alone), otherwise one per core (at most four) for scans large enough to gain from them.
 */
export function threadCount(files: readonly FileRef[], env: NodeJS.ProcessEnv = process.env): number {
  const threads = maxThreads(env);
  if (threads < 2) return 1;
  if (env.BLAST_RADIUS_WORKERS) return threads;
  if (files.length < MIN_PARALLEL_FILES) return 1;
  const minimum = thresholds(threads);
  let bytes = 0;
  for (const file of files) {
    const size = file.content !== undefined ? file.content.length : file.size;
    // A walked tree's files are not stat'ed before they are read: judge it by how many there are.
    if (size === undefined) return files.length >= minimum.files ? threads : 1;
    bytes += size;
  }
  return bytes < minimum.bytes ? 1 : threads;
}

/** Worker threads of the per-file stage, started early so that they load the detectors while files are listed. */
export class StageWorkers {
  private constructor(
    readonly workers: readonly Worker[],
    /** Resolves per worker when it has loaded the detectors. */
    readonly ready: ReadonlyArray<Promise<void>>,
  ) {}

  static start(count: number, settings: FileStageSettings): StageWorkers {
    const workers = Array.from({ length: count }, () => new Worker(WORKER_SCRIPT, { workerData: { settings } }));
    const ready = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
        }),
    );
    // A pool stopped before its workers are ready must not leave a rejection nobody awaits.
    for (const promise of ready) promise.catch(() => undefined);
    return new StageWorkers(workers, ready);
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * Runs the stage over the files in the calling thread (`local`) and in the pool's workers; outputs in file order.
 * A worker that fails (a crash, out of memory) costs time, not files: the calling thread scans the batches it
 * held, and the output says so.
 */
export async function runInThreads(files: readonly FileRef[], pool: StageWorkers, local: FileStage): Promise<{ outputs: FileStageOutput[]; workerBatches: number; batches: number }> {
  const batches: FileRef[][] = [];
  for (let start = 0; start < files.length; start += BATCH_FILES) batches.push(files.slice(start, start + BATCH_FILES));
  const run = threadedRun(batches);
  const outputs: Array<FileStageOutput | undefined> = new Array(batches.length);
  const failures: string[] = [];
  let workerBatches = 0;
  const finished = pool.workers.map(
    (worker, index) =>
      new Promise<void>((resolve) => {
        let stopped = false;
        const fail = (reason: string): void => {
          if (stopped) return;
          stopped = true;
          failures.push(reason);
          resolve();
        };
        worker.on('message', (message: { batch?: number; output?: FileStageOutput; done?: true }) => {
          if (message.done) {
            stopped = true;
            resolve();
            return;
          }
          if (!message.output || message.batch === undefined) return;
          outputs[message.batch] = message.output;
          workerBatches++;
        });
        worker.on('error', (error) => fail(error instanceof Error ? error.message : String(error)));
        worker.on('exit', (code) => fail(`exited with code ${code}`));
        pool.ready[index]!.then(
          () => worker.postMessage(run),
          (error: unknown) => fail(`could not start: ${error instanceof Error ? error.message : String(error)}`),
        );
      }),
  );
  for (let batch = claimBatch(run); batch !== -1; batch = claimBatch(run)) {
    outputs[batch] = local.run(batches[batch]!);
    // Let the workers' outputs in between batches, so they are not all copied in at the end.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(finished);
  // What a failed worker held, this thread scans now.
  for (const [batch, output] of outputs.entries()) if (output === undefined) outputs[batch] = local.run(batches[batch]!);
  if (failures.length > 0) {
    outputs[0]!.notifications.push({
      level: 'warning',
      code: 'worker-failed',
      message: `A scan worker thread failed (${failures.join('; ')}); the files it held were scanned in the main thread.`,
    });
  }
  return { outputs: outputs as FileStageOutput[], workerBatches, batches: batches.length };
}
