import type { StoredEvent } from '../events/envelope.js';
import type { SubscribeOptions, Subscription } from './port.js';

/**
 * Catch-up-then-live delivery for stores that can list events after a position. Each subscriber
 * drains in order, one event at a time, so a slow handler never sees events out of order, and the
 * next page is read only when the handler has taken this one: a slow handler holds one page, not
 * the log. `readAfter` may answer a page at a time (the SQL stores read 1,000 events): a drain
 * reads on until a read comes back empty, so catching up never stops at a page's end.
 */
export function createLiveFeed(readAfter: (after: number) => StoredEvent[] | Promise<StoredEvent[]>) {
  const subscribers = new Set<{ wake: () => void; close: () => Promise<void> }>();

  function subscribe(options: SubscribeOptions): Subscription {
    let position = options.after ?? 0;
    let closed = false;
    let running: Promise<void> = Promise.resolve();
    let pending = false;

    const drain = async () => {
      while (!closed) {
        pending = false;
        const batch = await readAfter(position);
        for (const event of batch) {
          if (closed) return;
          await options.onEvent(event);
          position = event.position;
        }
        if (batch.length === 0 && !pending) return;
      }
    };
    const wake = () => {
      pending = true;
      running = running.then(drain).catch((error) => options.onError?.(error));
    };
    const subscriber = {
      wake,
      close: async () => {
        closed = true;
        subscribers.delete(subscriber);
        await running;
      },
    };
    subscribers.add(subscriber);
    wake();
    return { close: subscriber.close };
  }

  return {
    subscribe,
    notify: () => subscribers.forEach((s) => s.wake()),
    closeAll: async () => {
      await Promise.all([...subscribers].map((s) => s.close()));
    },
  };
}
