/**
 * Peak resident memory while a render runs. Rendering is mostly synchronous, so a timer on the main
 * thread would never fire during it: a worker thread samples the (process-wide) RSS every 2 ms instead.
 */
import { Worker } from 'node:worker_threads';

const SAMPLER = `
const { parentPort } = require('node:worker_threads');
let peak = process.memoryUsage.rss();
const timer = setInterval(() => { const rss = process.memoryUsage.rss(); if (rss > peak) peak = rss; }, 2);
parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage.rss())); });
`;

export interface Measured<T> {
  readonly result: T;
  readonly milliseconds: number;
  /** Peak RSS during the run minus RSS just before it, in MiB. */
  readonly peakRssDeltaMiB: number;
}

export async function measure<T>(run: () => Promise<T>): Promise<Measured<T>> {
  const worker = new Worker(SAMPLER, { eval: true });
  await new Promise((resolve) => worker.once('online', resolve));
  const before = process.memoryUsage.rss();
  const started = performance.now();
  const result = await run();
  const milliseconds = performance.now() - started;
  const peak = await new Promise<number>((resolve) => {
    worker.once('message', resolve);
    worker.postMessage('stop');
  });
  await worker.terminate();
  return { result, milliseconds, peakRssDeltaMiB: Math.max(0, peak - before) / (1024 * 1024) };
}
