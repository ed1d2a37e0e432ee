import { afterEach, describe, expect, it } from 'vitest';
import { sealedEvents, waitUntil } from '@ragtrail/core/testing';
import type { StoredEvent } from '@ragtrail/core';
import { createEventStoreDbStore } from '../src/index.js';
import { startEventStoreDouble } from './double/server.js';
import { esdbOnDouble } from './helpers.js';

// Closed after each test, last opened first (clients before the servers they talk to), also
// when an assertion failed, so a failing test leaves no server or client behind.
const opened: (() => Promise<void>)[] = [];
const closing = <T extends { close(): Promise<void> } | { stop(): Promise<void> }>(thing: T): T => {
  opened.push(() => ('close' in thing ? thing.close() : thing.stop()));
  return thing;
};
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});
/** A store on a fresh double, both closed after the test. */
const onDouble = async () => {
  const { store, double } = await esdbOnDouble();
  closing(double);
  return { store: closing(store), double };
};

describe('lifecycle of the EventStoreDB store', () => {
  it('closes cleanly with a live subscription still open, and delivers nothing afterwards', async () => {
    const { store, double } = await onDouble();
    const received: string[] = [];
    store.subscribe({ onEvent: (e) => void received.push(e.id) });
    const events = sealedEvents('plan-life', 2);
    await store.append('plan-life', events, { expectedRevision: -1 });
    await waitUntil('the first store to receive its 2 events', () => received.length >= 2);
    await store.close();
    // close() ended the subscription call on the server too, not only on the client.
    await waitUntil('the server to stop feeding the closed subscription', () => double.log.listening === 0);
    // The client is disposed: a second store on the same server still works, the first gets nothing more.
    const other = closing(createEventStoreDbStore({ connectionString: double.connectionString }));
    const seenByOther: string[] = [];
    other.subscribe({ onEvent: (e) => void seenByOther.push(e.id) });
    const more = sealedEvents('plan-life', 1, { revision: 1, hash: events[1]!.hash });
    await other.append('plan-life', more, { expectedRevision: 1 });
    await waitUntil('a live subscriber to receive the later event', () => seenByOther.includes(more[0]!.id));
    expect(received).toEqual(events.map((e) => e.id));
  });

  it('reports a lost server and resumes after the last delivered event once it is back: nothing missed, nothing twice', async () => {
    const { store, double } = await onDouble();
    const errors: unknown[] = [];
    const received: string[] = [];
    const sub = store.subscribe({ onEvent: (e) => void received.push(e.id), onError: (e) => void errors.push(e) });
    const first = sealedEvents('plan-gone', 2);
    await store.append('plan-gone', first, { expectedRevision: -1 });
    await waitUntil('the 2 events before the outage', () => received.length >= 2);
    await double.stop();
    await waitUntil('the subscription to report the lost server', () => errors.length >= 1);
    // Written while this client was cut off, e.g. by another node after a failover.
    const second = sealedEvents('plan-gone', 2, { revision: 1, hash: first[1]!.hash });
    const restarted = closing(await startEventStoreDouble({ batchAppend: true, log: double.log, port: Number(new URL(double.connectionString).port) }));
    const writer = closing(createEventStoreDbStore({ connectionString: restarted.connectionString }));
    await writer.append('plan-gone', second, { expectedRevision: 1 });
    // Delivery is in order: once an event written after the others arrives, no repeat can still come.
    const last = sealedEvents('plan-gone', 1, { revision: 3, hash: second[1]!.hash });
    await writer.append('plan-gone', last, { expectedRevision: 3 });
    await waitUntil('the event written after the restart', () => received.includes(last[0]!.id));
    expect(received).toEqual([...first, ...second, ...last].map((e) => e.id));
    await sub.close();
  });

  it('waits for an async handler before delivering the next event, so projections apply in order', async () => {
    const { store, double } = await onDouble();
    // A second, synchronous subscriber shows when all three events have reached this client.
    const arrived: string[] = [];
    store.subscribe({ onEvent: (e) => void arrived.push(e.id) });
    const log: string[] = [];
    store.subscribe({
      onEvent: async (e: StoredEvent) => {
        log.push(`start ${e.revision}`);
        // The first handler stays busy until every event is at the client: a subscription that
        // did not await it would start the next ones meanwhile.
        if (e.revision === 0) await waitUntil('all three events at the client', () => arrived.length >= 3);
        log.push(`end ${e.revision}`);
      },
    });
    await store.append('plan-slow', sealedEvents('plan-slow', 3), { expectedRevision: -1 });
    await waitUntil('all three handlers to finish', () => log.length >= 6);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });
});
