// The outbox problem: positions handed out in one order and committed in another let a reader that
// follows the log by position step past an event that commits later with a smaller position.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { RecordedOrderError, type EventToAppend, type StoredEvent } from '@ragtrail/core';
import { sealedEvents, waitUntil } from '@ragtrail/core/testing';
import { createPostgresStore } from '../src/index.js';
import { useTestServer } from './server/shared.js';

const server = useTestServer();

async function rawClient(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** True once `n` sessions wait for a lock of the given kind (`advisory`, `transactionid`, ...). */
const waiting = (client: pg.Client, locktype: string, n: number) => async () =>
  Number((await client.query('SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND locktype = $1', [locktype])).rows[0].n) >= n;

const tail = (events: readonly EventToAppend[]) => ({ revision: events.at(-1)!.revision, hash: events.at(-1)!.hash });

describe('one global order that a reader following positions cannot skip past', () => {
  it('shows the failure with positions from a plain sequence: the later commit of a smaller position is never read', async () => {
    const { url } = await server();
    const [slow, fast, reader] = await Promise.all([rawClient(url), rawClient(url), rawClient(url)]);
    try {
      await reader.query('CREATE SCHEMA naive; CREATE TABLE naive.log (position bigserial PRIMARY KEY, id text NOT NULL)');
      await slow.query('BEGIN');
      await slow.query("INSERT INTO naive.log (id) VALUES ('slow')"); // takes position 1, not committed yet
      await fast.query("INSERT INTO naive.log (id) VALUES ('fast')"); // takes position 2, commits at once
      const read = async (after: number) => (await reader.query('SELECT position::int, id FROM naive.log WHERE position > $1 ORDER BY position', [after])).rows;
      const first = await read(0);
      expect(first).toEqual([{ position: 2, id: 'fast' }]);
      await slow.query('COMMIT');
      // The follower resumes after 2 and never sees 'slow' at position 1.
      expect(await read(2)).toEqual([]);
      expect((await read(0)).map((r) => r.id)).toEqual(['slow', 'fast']);
    } finally {
      await Promise.all([slow.end(), fast.end(), reader.end()]);
    }
  });

  it('makes the same interleaving safe: a second append waits for the first to commit, and the reader sees both in order', async () => {
    const { url } = await server();
    const store = await createPostgresStore({ connectionString: url, schema: 'ordered' });
    const [holder, observer] = await Promise.all([rawClient(url), rawClient(url)]);
    try {
      // Sealed in the order they will commit: recorded times may not go backwards along the log.
      const a0 = sealedEvents('plan-a', 1);
      const b0 = sealedEvents('plan-b', 1);
      const a = [...a0, ...sealedEvents('plan-a', 1, tail(a0))];
      const b = [...b0, ...sealedEvents('plan-b', 1, tail(b0))];
      await store.append('plan-a', a0, { expectedRevision: -1 });
      await store.append('plan-b', b0, { expectedRevision: -1 });
      const seen = (await store.readAll()).map((e) => e.position);
      // Hold plan-a's stream row so its next append stops mid-transaction, after taking its position.
      await holder.query('BEGIN');
      await holder.query("SELECT 1 FROM ordered.streams WHERE stream = 'plan-a' FOR UPDATE");
      const slowAppend = store.append('plan-a', a.slice(1), { expectedRevision: 0 });
      await waitUntil('the slow append to wait on the held row', waiting(observer, 'transactionid', 1));
      const fastAppend = store.append('plan-b', b.slice(1), { expectedRevision: 0 });
      await waitUntil('the fast append to wait for the append lock', waiting(observer, 'advisory', 1));
      // With the sequence above, the fast event would already be readable here at a higher position.
      expect(await store.readAll({ after: seen.at(-1)! })).toEqual([]);
      await holder.query('COMMIT');
      const [slow, fast] = await Promise.all([slowAppend, fastAppend]);
      expect(slow.lastPosition).toBeLessThan(fast.lastPosition);
      expect((await store.readAll({ after: seen.at(-1)! })).map((e) => e.id)).toEqual([a[1]!.id, b[1]!.id]);
    } finally {
      await Promise.all([holder.end(), observer.end()]);
      await store.close();
    }
  });

  it('lets followers by readAll and by subscribe see every event once, in order, while four stores, each with its own connections, append at once', async () => {
    const { url } = await server();
    const schema = 'stress';
    const writers = await Promise.all([1, 2, 3, 4].map(() => createPostgresStore({ connectionString: url, schema, poolSize: 3 })));
    const follower = await createPostgresStore({ connectionString: url, schema });
    const subscribed: StoredEvent[] = [];
    const sub = follower.subscribe({ onEvent: (e) => void subscribed.push(e) });
    const followed: StoredEvent[] = [];
    let writing = true;
    const follow = (async () => {
      for (;;) {
        const stop = !writing; // one more read after the writers finished
        followed.push(...(await follower.readAll({ after: followed.at(-1)?.position ?? 0 })));
        if (stop) return;
      }
    })();
    try {
      // Each writer appends 30 batches of 1-5 events to three streams of its own, all at once.
      await Promise.all(
        writers.map(async (store, w) => {
          const tips = new Map<string, { revision: number; hash: string }>();
          for (let i = 0; i < 30; i++) {
            const stream = `plan-w${w}-${i % 3}`;
            const tip = tips.get(stream);
            // Another writer may commit a later stamp first; like the facade, seal again and retry.
            for (;;) {
              const events = sealedEvents(stream, 1 + ((i * 7 + w) % 5), tip);
              try {
                await store.append(stream, events, { expectedRevision: tip?.revision ?? -1 });
                tips.set(stream, { revision: events.at(-1)!.revision, hash: events.at(-1)!.hash });
                break;
              } catch (error) {
                if (!(error instanceof RecordedOrderError)) throw error;
              }
            }
          }
        }),
      );
      writing = false;
      await follow;
      const all = await follower.readAll();
      expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1));
      expect(followed.map((e) => e.id)).toEqual(all.map((e) => e.id));
      await waitUntil('the subscriber to catch up', () => subscribed.length >= all.length);
      expect(subscribed.map((e) => e.id)).toEqual(all.map((e) => e.id));
    } finally {
      await sub.close();
      await Promise.all([...writers, follower].map((s) => s.close()));
    }
  });
});
