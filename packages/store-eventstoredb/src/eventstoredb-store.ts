// Over 250 lines: the whole EventStore port over one client (append with its recorded-order check, reads, subscriptions with catch-up, stream listing), which share the client's connection handling.
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  ConcurrencyError,
  RecordedOrderError,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
} from '@ragtrail/core';
import { assertAppendable, assertRecordedInOrder } from '@ragtrail/core/internal';
import { splitNamespace } from './connection-string.js';
import { fromRecorded, hasEnvelope, isSystemEvent, toProposed, type RecordedShape } from './envelope-metadata.js';
import { disposeWithin } from './dispose-within.js';

/** How long close() waits for the client to report its calls finished, after cancelling them all. */
const disposeGraceMs = 1000;

export interface EventStoreDbStoreOptions {
  /** Any EventStoreDB connection string: `esdb://host:2113?tls=false`, `esdb+discover://a,b,c:2113`, ... */
  connectionString: string;
  /** Events fetched per round trip when scanning `$all` (default 1000). */
  pageSize?: number;
  /**
   * Prefix of every EventStoreDB stream this store owns (default none). Lets several ragtrail
   * deployments, or test runs, share one database without seeing each other's events. Also
   * settable in the connection string as `namespace=...`; this option wins.
   */
  namespace?: string;
}

type Position = { commit: bigint; prepare: bigint };

/** Our numeric global position is the commit position; the pair is rebuilt for the client. */
const toPosition = (after: number): Position => ({ commit: BigInt(after), prepare: BigInt(after) });

const recordOf = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedShape | undefined => resolved.event as RecordedShape | undefined;

/**
 * The core's EventStore port on EventStoreDB. One core stream is one EventStoreDB stream, one core
 * event one EventStoreDB event (same type, JSON data); the rest of the envelope rides in metadata.
 */
export function createEventStoreDbStore(options: EventStoreDbStoreOptions): EventStore {
  const parsed = splitNamespace(options.connectionString);
  const client = EventStoreDBClient.connectionString(parsed.connectionString);
  const pageSize = options.pageSize ?? 1000;
  const namespace = options.namespace ?? parsed.namespace ?? '';
  const subscriptions = new Set<Subscription>();
  /** The record as this store sees it: ours, with the namespace taken off its stream name. */
  const own = (record: RecordedShape): RecordedShape | undefined =>
    isSystemEvent(record) || !hasEnvelope(record) || !record.streamId.startsWith(namespace)
      ? undefined
      : { ...record, streamId: record.streamId.slice(namespace.length) };

  /** Ragtrail events of `$all` strictly after `after`, in global order, up to `maxCount`. */
  async function scanAll(after: number, maxCount: number, visit: (e: RecordedShape) => boolean | void): Promise<void> {
    let from: Position | typeof START = after > 0 ? toPosition(after) : START;
    let taken = 0;
    for (;;) {
      let seen = 0;
      let last: Position | undefined;
      const page = client.readAll({ fromPosition: from, maxCount: pageSize, direction: FORWARDS });
      let finished = false;
      try {
        for await (const resolved of page) {
          seen++;
          const record = recordOf(resolved);
          if (!record?.position) continue;
          last = record.position;
          // Reading $all from a position includes the event at that position; the port wants "after".
          if (record.position.commit <= BigInt(after)) continue;
          const mine = own(record);
          if (!mine) continue;
          if (visit(mine) === false || ++taken >= maxCount) return;
        }
        finished = true;
      } finally {
        // Leaving a read early must cancel its call, or dispose() waits for it forever.
        if (!finished) await page.cancel();
      }
      if (seen < pageSize || !last) return;
      after = Number(last.commit);
      from = last;
    }
  }

  /**
   * The recordedAt of the last ragtrail event in `$all` (reading backwards, skipping system events).
   * EventStoreDB has no transaction across streams, so this narrows rather than closes the window in
   * which two writers could stamp out of order; the facade's clock stamps after what it has seen.
   */
  async function lastRecordedAt(): Promise<string | undefined> {
    const page = client.readAll({ fromPosition: END, maxCount: pageSize, direction: BACKWARDS });
    let found: string | undefined;
    let finished = false;
    try {
      for await (const resolved of page) {
        const record = recordOf(resolved);
        const mine = record ? own(record) : undefined;
        if (mine) {
          found = fromRecorded(mine).recordedAt;
          return found;
        }
      }
      finished = true;
    } finally {
      if (!finished) await page.cancel();
    }
    return found;
  }

  async function readRaw(stream: string, fromRevision: bigint | typeof START | typeof END, maxCount: number, backwards = false): Promise<RecordedShape[]> {
    const out: RecordedShape[] = [];
    try {
      const read = client.readStream(namespace + stream, { fromRevision, maxCount, direction: backwards ? BACKWARDS : FORWARDS });
      for await (const resolved of read) {
        const record = recordOf(resolved);
        if (record) out.push({ ...record, streamId: stream });
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return out;
  }

  async function streamRevision(stream: string): Promise<number> {
    const [last] = await readRaw(stream, END, 1, true);
    return last ? Number(last.revision) : -1;
  }

  return {
    kind: 'eventstoredb',

    async append(stream: string, events: readonly EventToAppend[], { expectedRevision }: { expectedRevision: number }): Promise<AppendResult> {
      if (!Number.isInteger(expectedRevision) || expectedRevision < -1)
        throw new Error(`expectedRevision must be an integer of at least -1 (-1: the stream must not exist); got ${expectedRevision}`);
      assertAppendable(stream, events, expectedRevision);
      if (events.length === 0) {
        // Nothing to write, but the caller still learns whether its view of the stream was current.
        const actual = await streamRevision(stream);
        if (actual !== expectedRevision) throw new ConcurrencyError(stream, expectedRevision, actual);
        return { nextExpectedRevision: actual, lastPosition: 0 };
      }
      try {
        assertRecordedInOrder(stream, await lastRecordedAt(), events);
      } catch (error) {
        if (!(error instanceof RecordedOrderError)) throw error;
        // A writer with a stale view of the stream hears the conflict first, as on the other stores:
        // re-reading the stream (and stamping again) answers both. Asked on this failure path only.
        const actual = await streamRevision(stream);
        throw actual === expectedRevision ? error : new ConcurrencyError(stream, expectedRevision, actual);
      }
      try {
        const result = await client.appendToStream(
          namespace + stream,
          events.map((e) => {
            const p = toProposed(e);
            return jsonEvent({ id: p.id, type: p.type, data: p.data as never, metadata: p.metadata });
          }),
          { expectedRevision: expectedRevision === -1 ? NO_STREAM : BigInt(expectedRevision) },
        );
        // `throwOnAppendFailure=false` in a connection string turns conflicts into results; the
        // batch path then reports a wrong revision, so ask the stream itself.
        if (!result.success) throw new ConcurrencyError(stream, expectedRevision, await streamRevision(stream));
        return { nextExpectedRevision: Number(result.nextExpectedRevision), lastPosition: Number(result.position?.commit ?? 0n) };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : -1;
          throw new ConcurrencyError(stream, expectedRevision, actual);
        }
        throw error;
      }
    },

    async readStream(stream: string, { fromRevision = 0, maxCount }: ReadStreamOptions = {}): Promise<StoredEvent[]> {
      if (maxCount === 0) return [];
      const records = await readRaw(stream, BigInt(fromRevision), maxCount ?? Number.MAX_SAFE_INTEGER);
      return records.map(fromRecorded);
    },

    async readAll({ after = 0, maxCount = Number.MAX_SAFE_INTEGER }: ReadAllOptions = {}): Promise<StoredEvent[]> {
      const out: StoredEvent[] = [];
      if (maxCount <= 0) return out;
      await scanAll(after, maxCount, (record) => void out.push(fromRecorded(record)));
      return out;
    },

    streamRevision,

    /**
     * EventStoreDB keeps no cheap list of streams without server-side projections, so this scans
     * the whole of `$all` once: O(events in the database). Callers are the verifier and migrations.
     */
    async listStreams(prefix = ''): Promise<string[]> {
      const seen = new Set<string>();
      await scanAll(0, Number.MAX_SAFE_INTEGER, (record) => {
        if (record.streamId.startsWith(prefix)) seen.add(record.streamId);
      });
      return [...seen];
    },

    /**
     * Catch-up then live, through one `$all` subscription. A lost connection (node restart, leader
     * change) is reported to `onError` and the subscription resumes after the last event delivered,
     * so a projection fed by it neither misses nor repeats an event. Only close() ends it.
     */
    subscribe({ after = 0, onEvent, onError }: SubscribeOptions): Subscription {
      let closed = false;
      let last = after;
      let live: ReturnType<typeof client.subscribeToAll> | undefined;
      let wake: (() => void) | undefined;
      const pause = (ms: number) => new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => { clearTimeout(timer); resolve(); };
      });
      const pump = (async () => {
        for (let failures = 0; !closed; ) {
          live = client.subscribeToAll({ fromPosition: last > 0 ? toPosition(last) : START });
          try {
            for await (const resolved of live) {
              if (closed) break;
              failures = 0;
              const record = recordOf(resolved);
              if (!record?.position || record.position.commit <= BigInt(last)) continue;
              const mine = own(record);
              if (mine) await onEvent(fromRecorded(mine));
              last = Number(record.position.commit);
            }
          } catch (error) {
            if (closed) break;
            onError?.(error);
            failures++;
          }
          if (!closed) await pause(Math.min(100 * 2 ** failures, 5000));
        }
      })();
      const subscription: Subscription = {
        async close() {
          if (closed) return;
          closed = true;
          subscriptions.delete(subscription);
          wake?.();
          if (live) {
            await live.unsubscribe();
            // A cancelled call does not end the client's stream on its own; end it so the pump returns.
            live.destroy();
          }
          await pump;
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },

    async close(): Promise<void> {
      await Promise.all([...subscriptions].map((s) => s.close()));
      await disposeWithin(client, disposeGraceMs);
    },
  };
}
