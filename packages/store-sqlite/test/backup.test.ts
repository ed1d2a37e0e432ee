import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore, exportNdjson, importNdjson, verifyStore, type EventStore } from '@ragtrail/core';
import { sealedEvents } from '@ragtrail/core/testing';
import { createSqliteStore } from '../src/index.js';

let dir = '';
const open: EventStore[] = [];
const sqlite = (name: string) => {
  const store = createSqliteStore({ path: join(dir, name) });
  open.push(store);
  return store;
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ragtrail-backup-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

const collect = async (it: AsyncIterable<string>) => {
  const out: string[] = [];
  for await (const line of it) out.push(line);
  return out;
};

/** Interleaves streams so global order differs from stream order. */
async function fill(store: EventStore) {
  // Sealed in the order they are appended: recorded times never go backwards along the global order.
  const tip = (events: { revision: number; hash: string }[]) => ({ revision: events.at(-1)!.revision, hash: events.at(-1)!.hash });
  const a1 = sealedEvents('plan-a', 2);
  const b1 = sealedEvents('plan-b', 3);
  const a2 = sealedEvents('plan-a', 3, tip(a1));
  const b2 = sealedEvents('plan-b', 1, tip(b1));
  await store.append('plan-a', a1, { expectedRevision: -1 });
  await store.append('plan-b', b1, { expectedRevision: -1 });
  await store.append('plan-a', a2, { expectedRevision: 1 });
  await store.append('plan-b', b2, { expectedRevision: 2 });
}

describe('NDJSON backup', () => {
  it('round-trips every event, hash and position exactly into an empty SQLite store', async () => {
    const source = sqlite('source.db');
    await fill(source);
    const backup = await collect(exportNdjson(source));
    const target = sqlite('target.db');
    expect(await importNdjson(target, backup)).toEqual({ events: 9, streams: 2 });
    expect(await target.readAll()).toEqual(await source.readAll());
    expect(await target.listStreams()).toEqual(['plan-a', 'plan-b']);
    expect((await verifyStore(target)).ok).toBe(true);
    expect(await collect(exportNdjson(target))).toEqual(backup);
  });

  it('keeps positions that have gaps (a log that came from another store)', async () => {
    const source = sqlite('source.db');
    await fill(source);
    const shifted = (await source.readAll()).map((e, i) => JSON.stringify({ ...e, position: 10 + i * 3 }));
    const target = sqlite('target.db');
    await importNdjson(target, shifted);
    expect((await target.readAll()).map((e) => e.position)).toEqual(shifted.map((l) => (JSON.parse(l) as { position: number }).position));
  });

  it('imports into the memory store too, where positions 1..N come out the same', async () => {
    const source = sqlite('source.db');
    await fill(source);
    const target = createMemoryStore();
    await importNdjson(target, exportNdjson(source));
    expect(await target.readAll()).toEqual(await source.readAll());
  });

  it('writes nothing when one line of the backup was tampered with', async () => {
    const source = sqlite('source.db');
    await fill(source);
    const backup = await collect(exportNdjson(source));
    backup[6] = backup[6]!.replace('Reviewer', 'Reviewr');
    const target = sqlite('target.db');
    await expect(importNdjson(target, backup)).rejects.toThrow(/broken at revision .*nothing was imported/);
    expect(await target.readAll()).toEqual([]);
  });

  it('refuses a line that is not a stored event, naming the line and the field', async () => {
    const target = sqlite('target.db');
    await expect(importNdjson(target, ['{"id":"x"}'])).rejects.toThrow(/line 1 .*stream/);
  });

  it('refuses a store that already holds events', async () => {
    const source = sqlite('source.db');
    await fill(source);
    await expect(importNdjson(source, await collect(exportNdjson(source)))).rejects.toThrow(/not empty/);
  });
});
