import { verifyStream, type VerifyResult } from '../chain/hash-chain.js';
import type { RecordedEvent } from '../events/envelope.js';
import { toRecorded } from '../events/recorded.js';
import { planStream } from '../plan/decider.js';
import type { EventStore, Subscription } from '../store/port.js';
import { verifyStore } from '../store/verify-store.js';

/** Where a subscription starts: after a global position, or at the log's current end ("now"). */
export type SubscribeFrom = number | 'now';

/** A subscription, and when it is listening: anything recorded after `ready` resolves is delivered. */
export interface LiveSubscription extends Subscription {
  readonly ready: Promise<void>;
}

/**
 * The questions front ends ask of the log itself (does a plan exist, does its chain hold, what is
 * recorded next), so none of them needs the store.
 */
export function createLogAccess(store: EventStore) {
  /** The global position of the last event of the plan (or of the whole log): what "now" means to a subscriber. */
  async function headPosition(planId?: string): Promise<number> {
    const streams = planId === undefined ? await store.listStreams() : [planStream(planId)];
    let head = 0;
    for (const stream of streams) {
      const revision = await store.streamRevision(stream);
      if (revision < 0) continue;
      const [last] = await store.readStream(stream, { fromRevision: revision, maxCount: 1 });
      if (last && last.position > head) head = last.position;
    }
    return head;
  }

  return {
    async planExists(planId: string): Promise<boolean> {
      return (await store.streamRevision(planStream(planId))) !== -1;
    },

    /** Every stream's chain (or one plan's), naming the first broken event. */
    verify(options: { streams?: string[]; onProgress?: (done: number, total: number) => void }): Promise<VerifyResult> {
      return verifyStore(store, options);
    },

    /** One plan's chain as far as `upToRevision` (a report verifies the log it reflects, not what came after). */
    async verifyPlan(planId: string, options: { upToRevision?: number } = {}): Promise<VerifyResult> {
      const limit = options.upToRevision;
      const read = await store.readStream(planStream(planId), limit === undefined ? {} : { maxCount: limit + 1 });
      const events = limit === undefined ? read : read.filter((e) => e.revision <= limit);
      const firstBreak = verifyStream(events);
      return firstBreak ? { ok: false, streams: 1, events: events.length, firstBreak } : { ok: true, streams: 1, events: events.length };
    },

    /**
     * New events of one plan (or all plans) as they are recorded, after catching up from `after`
     * ("now": only what comes next). A listener that returns a promise is waited for before the
     * next event: a slow reader (a client far behind on a long log) holds one event, not the log.
     */
    subscribe(listener: (event: RecordedEvent) => void | Promise<void>, filter: { planId?: string; after?: SubscribeFrom } = {}): LiveSubscription {
      const stream = filter.planId === undefined ? undefined : planStream(filter.planId);
      const start = (after: number | undefined) =>
        store.subscribe({
          ...(after === undefined ? {} : { after }),
          onEvent: (e) => {
            if (stream === undefined || e.stream === stream) return listener(toRecorded(e));
            return undefined;
          },
        });
      if (filter.after !== 'now') return { ...start(filter.after), ready: Promise.resolve() };
      const started = headPosition(filter.planId).then(start);
      return { ready: started.then(() => undefined), close: async () => (await started).close() };
    },
  };
}
