import { ConcurrencyError } from '../shared/errors.js';
import type { EventToAppend, StoredEvent } from '../events/envelope.js';
import { assertAppendable, type AppendResult, type EventStore, type ReadAllOptions, type ReadStreamOptions, type SubscribeOptions, type Subscription } from './port.js';
import { createLiveFeed } from './live-feed.js';
import { createMemoryReadModels } from './memory-read-models.js';
import { assertRecordedInOrder } from '../integrity/recorded-order.js';

/** The reference store: everything in one process's memory. For tests, demos and embedding. */
export function createMemoryStore(): EventStore {
  const log: StoredEvent[] = [];
  const streams = new Map<string, StoredEvent[]>();
  const feed = createLiveFeed((after) => log.filter((e) => e.position > after));

  return {
    kind: 'memory',
    readModels: createMemoryReadModels(() => streams),
    async append(stream: string, events: readonly EventToAppend[], { expectedRevision }: { expectedRevision: number }): Promise<AppendResult> {
      const existing = streams.get(stream) ?? [];
      const actual = existing.length - 1;
      if (actual !== expectedRevision) throw new ConcurrencyError(stream, expectedRevision, actual);
      assertAppendable(stream, events, expectedRevision);
      assertRecordedInOrder(stream, log.at(-1)?.recordedAt, events);
      if (events.length === 0) return { nextExpectedRevision: actual, lastPosition: log.length };
      // One clone of the whole batch (a clone per event costs a serialiser each), then the positions.
      const first = log.length + 1;
      const stored = structuredClone(events) as StoredEvent[];
      stored.forEach((e, i) => (e.position = first + i));
      // A loop, not push(...stored): a whole-plan import of 300k events would overflow the call stack.
      const streamEvents = existing.slice();
      for (const e of stored) {
        log.push(e);
        streamEvents.push(e);
      }
      streams.set(stream, streamEvents);
      feed.notify();
      return { nextExpectedRevision: stored[stored.length - 1]!.revision, lastPosition: log.length, firstPosition: first };
    },
    async readStream(stream: string, options: ReadStreamOptions = {}) {
      const from = options.fromRevision ?? 0;
      const events = (streams.get(stream) ?? []).slice(from, options.maxCount === undefined ? undefined : from + options.maxCount);
      return structuredClone(events);
    },
    async readAll(options: ReadAllOptions = {}) {
      const from = options.after ?? 0;
      return structuredClone(log.slice(from, options.maxCount === undefined ? undefined : from + options.maxCount));
    },
    async streamRevision(stream: string) {
      return (streams.get(stream)?.length ?? 0) - 1;
    },
    async listStreams(prefix = '') {
      return [...streams.keys()].filter((s) => s.startsWith(prefix));
    },
    subscribe(options: SubscribeOptions): Subscription {
      return feed.subscribe(options);
    },
    async close() {
      await feed.closeAll();
    },
  };
}
