import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sealedEvents } from '@ragtrail/core/testing';
import { createSqliteStore } from '../src/index.js';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'ragtrail-tails-')), 'ragtrail.db');

// Reads of "anything after revision N?" are answered from what this connection knows while no
// other connection has committed; these tests hold that to "never misses another writer's event".
describe('reading the end of a stream that another connection writes to', () => {
  it("sees another connection's append at once, after having found nothing there", async () => {
    const path = freshPath();
    const reader = createSqliteStore({ path });
    const writer = createSqliteStore({ path });
    try {
      expect(await reader.readStream('plan-a')).toEqual([]);
      const first = sealedEvents('plan-a', 2);
      await writer.append('plan-a', first, { expectedRevision: -1 });
      expect((await reader.readStream('plan-a')).map((e) => e.id)).toEqual(first.map((e) => e.id));
      expect(await reader.readStream('plan-a', { fromRevision: 2 })).toEqual([]);
      const more = sealedEvents('plan-a', 1, { revision: 1, hash: first[1]!.hash });
      await writer.append('plan-a', more, { expectedRevision: 1 });
      expect((await reader.readStream('plan-a', { fromRevision: 2 })).map((e) => e.id)).toEqual([more[0]!.id]);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('sees its own appends, and a row changed behind its back by another program', async () => {
    const path = freshPath();
    const store = createSqliteStore({ path });
    const events = sealedEvents('plan-a', 3);
    await store.append('plan-a', events.slice(0, 2), { expectedRevision: -1 });
    expect(await store.readStream('plan-a', { fromRevision: 2 })).toEqual([]);
    await store.append('plan-a', events.slice(2), { expectedRevision: 1 });
    expect((await store.readStream('plan-a', { fromRevision: 2 })).map((e) => e.id)).toEqual([events[2]!.id]);
    expect(await store.readStream('plan-a', { fromRevision: 3 })).toEqual([]);
    // Another program adds a row directly: the next read still looks.
    const db = new Database(path);
    db.exec(`INSERT INTO events (position, id, stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash)
             SELECT position + 100, id || '-copy', stream, revision + 1, recorded_at, type, version, data, actor, reason, prev_hash, hash FROM events WHERE revision = 2`);
    db.close();
    expect((await store.readStream('plan-a', { fromRevision: 3 })).map((e) => e.id)).toEqual([`${events[2]!.id}-copy`]);
    await store.close();
  });
});
