import { describe, expect, it } from 'vitest';
import { sealedEvents } from '@ragtrail/core/testing';
import { createEventStoreDbStore } from '../src/index.js';
import { startEventStoreDouble } from './double/server.js';
import { esdbOnDouble } from './helpers.js';

const waitFor = async (check: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('lifecycle of the EventStoreDB store', () => {
  it('closes cleanly with a live subscription still open, and delivers nothing afterwards', async () => {
    const { store, double } = await esdbOnDouble();
    const received: string[] = [];
    store.subscribe({ onEvent: (e) => void received.push(e.id) });
    const events = sealedEvents('plan-life', 2);
    await store.append('plan-life', events, { expectedRevision: -1 });
    await waitFor(() => received.length === 2);
    await store.close();
    // The client is disposed: a second store on the same server still works, the first got nothing more.
    const other = createEventStoreDbStore({ connectionString: double.connectionString });
    await other.append('plan-life', sealedEvents('plan-life', 1, { revision: 1, hash: events[1]!.hash }), { expectedRevision: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual(events.map((e) => e.id));
    await other.close();
    await double.stop();
  });

  it('reports a lost server and resumes after the last delivered event once it is back: nothing missed, nothing twice', async () => {
    const { store, double } = await esdbOnDouble();
    const errors: unknown[] = [];
    const received: string[] = [];
    const sub = store.subscribe({ onEvent: (e) => void received.push(e.id), onError: (e) => void errors.push(e) });
    const first = sealedEvents('plan-gone', 2);
    await store.append('plan-gone', first, { expectedRevision: -1 });
    await waitFor(() => received.length === 2);
    await double.stop();
    await waitFor(() => errors.length >= 1);
    // Written while this client was cut off, e.g. by another node after a failover.
    const second = sealedEvents('plan-gone', 2, { revision: 1, hash: first[1]!.hash });
    const restarted = await startEventStoreDouble({ batchAppend: true, log: double.log, port: Number(new URL(double.connectionString).port) });
    const writer = createEventStoreDbStore({ connectionString: restarted.connectionString });
    await writer.append('plan-gone', second, { expectedRevision: 1 });
    await waitFor(() => received.length === 4);
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual([...first, ...second].map((e) => e.id));
    await sub.close();
    await store.close();
    await writer.close();
    await restarted.stop();
  });

  it('waits for an async handler before delivering the next event, so projections apply in order', async () => {
    const { store, stop } = await esdbOnDouble();
    const log: string[] = [];
    const sub = store.subscribe({
      onEvent: async (e) => {
        log.push(`start ${e.revision}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${e.revision}`);
      },
    });
    await store.append('plan-slow', sealedEvents('plan-slow', 3), { expectedRevision: -1 });
    await waitFor(() => log.length === 6);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
    await sub.close();
    await stop();
  });
});
