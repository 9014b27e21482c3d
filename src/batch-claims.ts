// The batches of one threaded scan and the counter every thread claims them from, in memory all threads share: a
// thread that finishes a batch takes the next without waiting for any other thread to hand it one.
import type { FileRef } from './model.js';

export interface ThreadedRun {
  batches: FileRef[][];
  /** One Int32 over shared memory: the index of the next batch nobody has claimed. */
  claims: Int32Array;
}

export function threadedRun(batches: FileRef[][]): ThreadedRun {
  return { batches, claims: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) };
}

/** The next unclaimed batch, or -1 when all are taken. */
export function claimBatch(run: ThreadedRun): number {
  const batch = Atomics.add(run.claims, 0, 1);
  return batch < run.batches.length ? batch : -1;
}
