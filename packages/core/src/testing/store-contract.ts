import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { ConcurrencyError } from '../shared/errors.js';
import type { EventStore } from '../store/port.js';
import { iterateAll } from '../store/port.js';
import type { EventToAppend, StoredEvent } from '../events/envelope.js';
import { verifyStream } from '../chain/hash-chain.js';
import { sealedEvents } from './sealed-events.js';
import { RecordedOrderError } from '../integrity/recorded-order.js';
import { readModelContract } from './read-model-contract.js';
import { stagedAppendContract } from './staged-append-contract.js';
import { waitUntil } from './wait-until.js';

/** What a store package's factory hands the contract suite: a fresh, empty store and how to clean up after it. */
export interface StoreUnderTest {
  store: EventStore;
  /** Called after the store is closed: delete files, stop servers. */
  cleanup?: () => Promise<void> | void;
}

const tail = (events: readonly EventToAppend[]) => {
  const last = events[events.length - 1]!;
  return { revision: last.revision, hash: last.hash };
};

/**
 * The behaviour every EventStore must have. A store package calls this once with a factory that
 * gives a fresh, empty store; the same suite runs unchanged against memory, SQLite and EventStoreDB.
 */
export function describeStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;
    const stream = (s: string) => `plan-contract-${s}`;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await store.close();
      await subject.cleanup?.();
    });

    readModelContract(() => store, stream);
    stagedAppendContract(() => store, stream);

    it('reads back exactly what was appended, in revision order', async () => {
      const events = sealedEvents(stream('a'), 3);
      const result = await store.append(stream('a'), events, { expectedRevision: -1 });
      expect(result.nextExpectedRevision).toBe(2);
      const read = await store.readStream(stream('a'));
      expect(read.map(({ position: _p, ...rest }) => rest)).toEqual(events);
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(verifyStream(read)).toBeNull();
    });

    it('returns an empty list and revision -1 for a stream that does not exist', async () => {
      expect(await store.readStream(stream('missing'))).toEqual([]);
      expect(await store.streamRevision(stream('missing'))).toBe(-1);
    });

    it('refuses an append whose expected revision is stale, with a typed error naming the actual revision', async () => {
      const first = sealedEvents(stream('b'), 2);
      await store.append(stream('b'), first, { expectedRevision: -1 });
      const stale = sealedEvents(stream('b'), 1, { revision: 0, hash: first[0]!.hash });
      const error = await store.append(stream('b'), stale, { expectedRevision: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ stream: stream('b'), expectedRevision: 0, actualRevision: 1 });
      expect(await store.streamRevision(stream('b'))).toBe(1);
      expect(await store.readStream(stream('b'))).toHaveLength(2);
    });

    it('refuses to create a stream twice', async () => {
      await store.append(stream('c'), sealedEvents(stream('c'), 1), { expectedRevision: -1 });
      await expect(store.append(stream('c'), sealedEvents(stream('c'), 1), { expectedRevision: -1 })).rejects.toBeInstanceOf(ConcurrencyError);
    });

    it('refuses to append to a stream that does not exist yet at a positive revision', async () => {
      const events = sealedEvents(stream('d'), 1, { revision: 4, hash: '0'.repeat(64) });
      await expect(store.append(stream('d'), events, { expectedRevision: 4 })).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream(stream('d'))).toEqual([]);
    });

    it('lets exactly one of two racing appends at the same revision win', async () => {
      const base = sealedEvents(stream('e'), 1);
      await store.append(stream('e'), base, { expectedRevision: -1 });
      const attempts = await Promise.allSettled(
        [0, 1, 2, 3].map(() => store.append(stream('e'), sealedEvents(stream('e'), 2, tail(base)), { expectedRevision: 0 })),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      for (const a of attempts.filter((a) => a.status === 'rejected')) expect((a as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
      const read = await store.readStream(stream('e'));
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(verifyStream(read)).toBeNull();
    });

    it('reads a stream from a revision with a maximum count', async () => {
      await store.append(stream('f'), sealedEvents(stream('f'), 10), { expectedRevision: -1 });
      const page = await store.readStream(stream('f'), { fromRevision: 4, maxCount: 3 });
      expect(page.map((e) => e.revision)).toEqual([4, 5, 6]);
    });

    it('reads all streams in one global order with strictly increasing positions', async () => {
      const a = sealedEvents(stream('g1'), 2);
      const b = sealedEvents(stream('g2'), 3);
      await store.append(stream('g1'), a, { expectedRevision: -1 });
      await store.append(stream('g2'), b, { expectedRevision: -1 });
      const more = sealedEvents(stream('g1'), 1, tail(a));
      await store.append(stream('g1'), more, { expectedRevision: 1 });
      const all = await store.readAll();
      expect(all.map((e) => e.id)).toEqual([...a, ...b, ...more].map((e) => e.id));
      for (let i = 1; i < all.length; i++) expect(all[i]!.position).toBeGreaterThan(all[i - 1]!.position);
      const afterSecond = await store.readAll({ after: all[1]!.position, maxCount: 2 });
      expect(afterSecond.map((e) => e.id)).toEqual([b[0]!.id, b[1]!.id]);
      const streamRead = await store.readStream(stream('g2'));
      expect(streamRead.map((e) => e.position)).toEqual(all.filter((e) => e.stream === stream('g2')).map((e) => e.position));
    });

    it('pages through the whole log without losing or repeating an event', async () => {
      const events = sealedEvents(stream('h'), 25);
      await store.append(stream('h'), events, { expectedRevision: -1 });
      const seen: string[] = [];
      for await (const e of iterateAll(store, { pageSize: 7 })) seen.push(e.id);
      expect(seen).toEqual(events.map((e) => e.id));
    });

    it('refuses an append stamped earlier than the log\'s last event, naming that time, and writes nothing', async () => {
      const later = sealedEvents(stream('late'), 2, undefined, new Date('2020-01-01T10:00:00.000Z'));
      await store.append(stream('late'), later, { expectedRevision: -1 });
      const earlier = sealedEvents(stream('early'), 1, undefined, new Date('2020-01-01T09:59:59.999Z'));
      const refused = await store.append(stream('early'), earlier, { expectedRevision: -1 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RecordedOrderError);
      expect((refused as RecordedOrderError).latest).toBe('2020-01-01T10:00:00.001Z');
      expect(await store.streamRevision(stream('early'))).toBe(-1);
      expect((await store.readAll()).map((e) => e.id)).toEqual(later.map((e) => e.id));
      // The same instant as the last event is in order: the tree at T still ends at a whole prefix.
      const same = sealedEvents(stream('early'), 1, undefined, new Date('2020-01-01T10:00:00.001Z'));
      await store.append(stream('early'), same, { expectedRevision: -1 });
      expect(await store.streamRevision(stream('early'))).toBe(0);
    });

    it('reports a stale expected revision rather than a stamp out of order when an append breaks both', async () => {
      const first = sealedEvents(stream('m'), 1, undefined, new Date('2020-01-01T10:00:00.000Z'));
      await store.append(stream('m'), first, { expectedRevision: -1 });
      await store.append(stream('m'), sealedEvents(stream('m'), 1, tail(first), new Date('2020-01-01T10:00:02.000Z')), { expectedRevision: 0 });
      // A writer that lost the race sealed before the winner: its stamp is earlier too. The conflict
      // is what it must hear, since re-reading the stream (and stamping again) answers both.
      const stale = sealedEvents(stream('m'), 1, tail(first), new Date('2020-01-01T10:00:01.000Z'));
      const error = await store.append(stream('m'), stale, { expectedRevision: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ stream: stream('m'), expectedRevision: 0, actualRevision: 1 });
      expect(await store.streamRevision(stream('m'))).toBe(1);
    });

    it('lists streams by prefix', async () => {
      await store.append(stream('i1'), sealedEvents(stream('i1'), 1), { expectedRevision: -1 });
      await store.append('access', sealedEvents('access', 1), { expectedRevision: -1 });
      await store.append(stream('i2'), sealedEvents(stream('i2'), 1), { expectedRevision: -1 });
      expect(await store.listStreams('plan-contract-i')).toEqual([stream('i1'), stream('i2')]);
      expect((await store.listStreams()).sort()).toEqual(['access', stream('i1'), stream('i2')].sort());
    });

    it('keeps the envelope intact: actor, reason, recorded time, version and hashes', async () => {
      const first = sealedEvents(stream('j'), 1);
      await store.append(stream('j'), first, { expectedRevision: -1 });
      const second = sealedEvents(stream('j'), 1, tail(first));
      await store.append(stream('j'), second, { expectedRevision: 0 });
      const [, read] = await store.readStream(stream('j'));
      expect(read).toMatchObject({ ...second[0], position: expect.any(Number) });
    });

    it('delivers past events then live ones to a subscriber, in order, once each', async () => {
      const a = sealedEvents(stream('k'), 3);
      await store.append(stream('k'), a, { expectedRevision: -1 });
      const received: StoredEvent[] = [];
      const sub = store.subscribe({ onEvent: (e) => void received.push(e) });
      await waitUntil('the 3 past events', () => received.length >= 3);
      const b = sealedEvents(stream('k'), 2, tail(a));
      await store.append(stream('k'), b, { expectedRevision: 2 });
      const c = sealedEvents(stream('k2'), 1);
      await store.append(stream('k2'), c, { expectedRevision: -1 });
      await waitUntil('the 3 live events', () => received.length >= 6);
      await sub.close();
      expect(received.map((e) => e.id)).toEqual([...a, ...b, ...c].map((e) => e.id));
    });

    it('catches a subscriber up over more than one page of the log, in order', async () => {
      // The SQL stores read 1,000 events at a time: catching up must not stop at a page's end.
      const many = sealedEvents(stream('m'), 2500);
      await store.append(stream('m'), many, { expectedRevision: -1 });
      const start = (await store.readStream(stream('m'), { maxCount: 1 }))[0]!.position - 1;
      const received: string[] = [];
      const sub = store.subscribe({ after: start, onEvent: (e) => { if (e.stream === stream('m')) received.push(e.id); } });
      await waitUntil('all 2,500 past events', () => received.length >= many.length);
      await sub.close();
      expect(received).toEqual(many.map((e) => e.id));
    });

    it('starts a subscription after a given position', async () => {
      const a = sealedEvents(stream('l'), 4);
      await store.append(stream('l'), a, { expectedRevision: -1 });
      const all = await store.readAll();
      const received: string[] = [];
      const sub = store.subscribe({ after: all[1]!.position, onEvent: (e) => void received.push(e.id) });
      // Delivery is in order, so once a later event arrives nothing earlier can still come.
      const marker = sealedEvents(stream('l'), 1, tail(a));
      await store.append(stream('l'), marker, { expectedRevision: 3 });
      await waitUntil('the event appended after subscribing', () => received.includes(marker[0]!.id));
      await sub.close();
      expect(received).toEqual([a[2]!.id, a[3]!.id, marker[0]!.id]);
    });
  });
}
