import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop run what is waiting (other requests, timers) before long work goes on. A
 * SQLite store answers reads synchronously, so `await store.readStream(...)` alone never lets a
 * server answer anything while a 300,000-event plan folds page after page.
 */
export const yieldToLoop = (): Promise<void> => setImmediate();
