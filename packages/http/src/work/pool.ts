import { DomainError, type Ragtrail } from '@ragtrail/core';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runTask, type Progress, type ResultOf, type Task } from './tasks.js';
import { fromWire, type WireError } from './wire-error.js';

/** Where the app runs its long work: imports, verify, report rendering. */
export interface Work {
  run<T extends Task>(task: T, onProgress?: Progress): Promise<ResultOf<T>>;
  close(): Promise<void>;
}

/**
 * In this thread, on the app's own facade: for a store only this process can see (memory:), which
 * a worker could not open. Tests and the demo use it; a server on a file or a database does not.
 */
export const inlineWork = (rt: Ragtrail): Work => ({
  run: (task, onProgress) => runTask(rt, task, onProgress) as Promise<never>,
  close: async () => {},
});

interface Job { id: number; task: Task; onProgress: Progress | undefined; resolve: (v: unknown) => void; reject: (e: Error) => void }
interface Slot { worker: Worker; job: Job | null }

// Built, the worker is ./worker.js. From the sources (tests, `node --import tsx`) it is a .ts file,
// and a worker thread does not inherit the parent's loader: it registers tsx itself, then loads it.
const fromSource = import.meta.url.endsWith('.ts');
const spawn = (workerData: unknown): Worker => {
  if (!fromSource) return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); })`, { eval: true, workerData });
};

export const defaultWorkers = () => Math.max(1, Math.min(4, availableParallelism() - 1));

/**
 * Long requests that may wait for a free worker. Each waiting one holds its input (an import's
 * file, up to the upload limit) and a connection, so the queue is bounded like every other size:
 * past it, a request is refused at once and asked to come back, rather than holding memory for a
 * turn that may come minutes later.
 */
export const DEFAULT_MAX_WAITING = 16;
/** What a refused client is told to wait before trying again (`Retry-After`, in seconds). */
const RETRY_AFTER_SECONDS = 30;

/** The refusal of a long request when `waiting` are queued already: 503 with `Retry-After` over HTTP. */
export const workQueueFull = (waiting: number): DomainError =>
  new DomainError('busy', `The server already has ${waiting} long requests (imports, exports, reports, verify) waiting for a worker: try again in ${RETRY_AFTER_SECONDS} seconds`,
    undefined, 'work-queue-bounded', { waiting, retryAfter: RETRY_AFTER_SECONDS });

/**
 * A few worker threads that each open the store by URL and run one task at a time, so a 100,000
 * row import or a full verify never holds the event loop that answers /health and the pages. No
 * job outlives its request and nothing about it is kept here beyond the call: another instance
 * behind the same load balancer needs nothing from this one.
 */
export function workerPool({ storeUrl, size = defaultWorkers(), maxWaiting = DEFAULT_MAX_WAITING }: { storeUrl: string; size?: number; maxWaiting?: number }): Work {
  if (!Number.isInteger(maxWaiting) || maxWaiting < 0) throw new RangeError(`maxWaiting must be a whole number of requests, not ${maxWaiting}`);
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const start = (): Slot => {
    const slot: Slot = { worker: spawn({ storeUrl }), job: null };
    slot.worker.on('message', (m: { id: number; progress?: { done: number; total: number }; value?: unknown; error?: WireError }) => {
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      if (m.progress) return job.onProgress?.(m.progress.done, m.progress.total);
      slot.job = null;
      if (m.error) job.reject(fromWire(m.error));
      else job.resolve(m.value);
      dispatch();
    });
    // A worker that dies (out of memory, a native crash) fails only its own job; the next job starts a fresh one.
    const lost = (why: string) => {
      slots.splice(slots.indexOf(slot), 1);
      slot.job?.reject(new Error(`The worker running this request stopped: ${why}`));
      slot.job = null;
      dispatch();
    };
    slot.worker.on('error', (e) => lost(e.message));
    slot.worker.on('exit', (code) => { if (slots.includes(slot)) lost(`exit code ${code}`); });
    slots.push(slot);
    return slot;
  };

  function dispatch(): void {
    while (queue.length > 0 && !closed) {
      const slot = slots.find((s) => s.job === null) ?? (slots.length < size ? start() : null);
      if (!slot) break;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
    // Idle workers must not keep the process alive on their own.
    for (const s of slots) if (s.job === null) s.worker.unref();
  }

  return {
    run(task, onProgress) {
      if (closed) return Promise.reject(new Error('The server is shutting down'));
      const free = slots.some((s) => s.job === null) || slots.length < size;
      if (!free && queue.length >= maxWaiting) return Promise.reject(workQueueFull(queue.length));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, task, onProgress, resolve: resolve as (v: unknown) => void, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('The server is shutting down'));
      await Promise.all(slots.splice(0).map((s) => new Promise<void>((resolve) => {
        s.worker.once('exit', () => resolve());
        // An idle worker is unref'd; held again, so the process waits for its store to close.
        s.worker.ref();
        s.worker.postMessage({ close: true });
      })));
    },
  };
}
