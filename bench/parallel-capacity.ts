// How much more work the machine does with every core busy than with one: the ceiling of any threaded speed-up on it.
// Virtual CPUs can share a physical core (or a host's time), so "2 cores" need not mean twice the throughput; the bench
// prints this beside its timings so a thread count is read against what the machine actually gives.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** A fixed CPU-bound task shaped like a scan's: a line pattern over generated text, then a keyword count. */
const TASK = `
const { parentPort } = require('node:worker_threads');
const lines = [];
for (let i = 0; i < 4000; i++) lines.push('  const token' + i + ' = process.env.SERVICE_' + (i * 7919 % 1000) + " ?? 'x" + (i * 104729).toString(36) + "';");
const text = lines.join('\\n');
const started = performance.now();
let count = 0;
for (let round = 0; round < 60; round++) {
  for (const match of text.matchAll(/([A-Za-z_$][\\w$]*)\\s*=\\s*([^;]+);/g)) count += match[1].length;
  count += text.split('token').length;
}
parentPort.postMessage({ ms: performance.now() - started, count });
`;

function runTask(): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(TASK, { eval: true });
    worker.once('message', (message: { ms: number }) => {
      resolve(message.ms);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** Throughput with `threads` copies of the task at once, relative to one alone (best of three rounds each). */
export async function parallelCapacity(threads: number = availableParallelism()): Promise<{ threads: number; speedup: number }> {
  const best = async (copies: number): Promise<number> => {
    let fastest = Infinity;
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      await Promise.all(Array.from({ length: copies }, runTask));
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  const alone = await best(1);
  const together = await best(threads);
  return { threads, speedup: Math.round(((threads * alone) / together) * 100) / 100 };
}
