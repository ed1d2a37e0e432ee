// A worker thread of the app's pool: it opens the same store as the server (by URL) and runs the
// tasks it is sent, one at a time, posting progress and the result or the error back.
import { createRagtrail, signerForStore, type Ragtrail } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type Task } from './tasks.js';
import { toWire } from './wire-error.js';

const { storeUrl } = workerData as { storeUrl: string };
let facade: Promise<Ragtrail> | null = null;
// Opened on the first task and kept: the plans it has folded stay warm for the next one.
const ragtrail = () => (facade ??= openStore(storeUrl).then((store) => {
  const signer = signerForStore(storeUrl, process.env);
  return createRagtrail({ store, ...(signer ? { signer } : {}) });
}));

parentPort!.on('message', async (message: { id: number; task: Task } | { close: true }) => {
  if ('close' in message) {
    if (facade) await (await facade).close();
    // The store is closed: end the thread now rather than wait for stray handles to drain.
    process.exit(0);
  }
  const { id, task } = message;
  let last = 0;
  const progress = (done: number, total: number) => {
    // A few messages a second are plenty for a progress bar; every row would flood the channel.
    const now = performance.now();
    if (now - last < 200 && done < total) return;
    last = now;
    parentPort!.postMessage({ id, progress: { done, total } });
  };
  try {
    const value = await runTask(await ragtrail(), task, progress);
    parentPort!.postMessage({ id, value });
  } catch (error) {
    parentPort!.postMessage({ id, error: toWire(error) });
  }
});
