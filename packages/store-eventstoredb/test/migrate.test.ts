import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMemoryStore, createRagtrail, migrateLog, verifyStore, GENESIS_HASH, type EventToAppend, type MigrationProgress } from '@ragtrail/core';
import { seal } from '@ragtrail/core/internal';
import { actors, sealedEvents } from '@ragtrail/core/testing';
import { esdbOnDouble, withoutPositions, writeDemoPlan } from './helpers.js';

describe('migrating a log between the memory store and EventStoreDB (gRPC double)', () => {
  it('copies a real plan into EventStoreDB and back; every event survives and both chains verify', async () => {
    const source = createMemoryStore();
    const planId = await writeDemoPlan(source);
    const esdb = await esdbOnDouble();
    try {
      const progress: MigrationProgress[] = [];
      const there = await migrateLog(source, esdb.store, (p) => progress.push(p));
      const original = await source.readAll();
      expect(there).toMatchObject({ events: original.length, source: { ok: true }, target: { ok: true, events: original.length } });
      expect(withoutPositions(await esdb.store.readAll())).toEqual(withoutPositions(original));
      // Progress covers all three phases and ends with everything done.
      expect([...new Set(progress.map((p) => p.phase))]).toEqual(['verify-source', 'copy', 'verify-target']);
      const lastCopy = progress.filter((p) => p.phase === 'copy').at(-1)!;
      expect(lastCopy).toEqual({ phase: 'copy', done: original.length, total: original.length });

      const back = createMemoryStore();
      const report = await migrateLog(esdb.store, back);
      expect(report.target.ok).toBe(true);
      expect(withoutPositions(await back.readAll())).toEqual(withoutPositions(original));
      // The plan reads the same from EventStoreDB as from where it started.
      const fromEsdb = await createRagtrail({ store: esdb.store }).summary(planId, { period: '2018-02' });
      const fromMemory = await createRagtrail({ store: source }).summary(planId, { period: '2018-02' });
      expect(fromEsdb).toEqual(fromMemory);
    } finally {
      await esdb.stop();
    }
  });

  it('keeps events whose ids are not UUIDs, returning the original ids', async () => {
    const source = createMemoryStore();
    const events: EventToAppend[] = [];
    let prev = { revision: -1, hash: GENESIS_HASH };
    for (const id of ['import-row-1', 'import-row-2']) {
      const event = seal({ id, stream: 'plan-imported', revision: prev.revision + 1, recordedAt: '2018-03-01T09:00:00.000Z', type: 'ReviewOpened', version: 1, data: { period: '2018-03', reviewer: 'Board', reviewDate: '2018-03-01' }, actor: actors.admin, reason: 'spreadsheet import', prevHash: prev.hash });
      events.push(event);
      prev = { revision: event.revision, hash: event.hash };
    }
    await source.append('plan-imported', events, { expectedRevision: -1 });
    const esdb = await esdbOnDouble(false);
    try {
      await migrateLog(source, esdb.store);
      expect((await esdb.store.readStream('plan-imported')).map((e) => e.id)).toEqual(['import-row-1', 'import-row-2']);
    } finally {
      await esdb.stop();
    }
  });

  it('refuses to migrate into an EventStoreDB that already holds a ragtrail log, writing nothing', async () => {
    const source = createMemoryStore();
    await writeDemoPlan(source);
    const esdb = await esdbOnDouble();
    try {
      await esdb.store.append('plan-existing', sealedEvents('plan-existing', 1), { expectedRevision: -1 });
      await expect(migrateLog(source, esdb.store)).rejects.toThrow(/not empty/);
      expect(await esdb.store.listStreams()).toEqual(['plan-existing']);
    } finally {
      await esdb.stop();
    }
  });

  it('lets verify find an event edited inside EventStoreDB, naming the stream and revision', async () => {
    const esdb = await esdbOnDouble();
    try {
      await esdb.store.append('plan-x', sealedEvents('plan-x', 3), { expectedRevision: -1 });
      expect((await verifyStore(esdb.store)).ok).toBe(true);
      // Someone with database access rewrites the data of revision 1 behind ragtrail's back.
      const record = esdb.double.log.stream('plan-x')![1]!;
      record.data = Buffer.from(JSON.stringify({ period: '2017-04', reviewer: 'Someone else', reviewDate: '2017-04-28' }));
      const result = await verifyStore(esdb.store);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.firstBreak).toMatchObject({ stream: 'plan-x', revision: 1 });
    } finally {
      await esdb.stop();
    }
  });

  // Each case starts its own gRPC double: 12 s on a loaded 2-core machine, so a deadline of its own.
  it('property: any interleaving of appends across streams survives memory -> EventStoreDB -> memory', { timeout: 120_000 }, async () => {
    const streamName = fc.constantFrom('plan-a', 'plan-b', 'access');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(streamName, fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 12 }), fc.boolean(), async (writes, batchAppend) => {
        const source = createMemoryStore();
        const tails = new Map<string, { revision: number; hash: string }>();
        for (const [stream, count] of writes) {
          const previous = tails.get(stream);
          const events = sealedEvents(stream, count, previous);
          await source.append(stream, events, { expectedRevision: previous?.revision ?? -1 });
          tails.set(stream, { revision: events.at(-1)!.revision, hash: events.at(-1)!.hash });
        }
        const esdb = await esdbOnDouble(batchAppend);
        try {
          const there = await migrateLog(source, esdb.store);
          const back = createMemoryStore();
          const again = await migrateLog(esdb.store, back);
          expect(there.target.ok && again.target.ok).toBe(true);
          expect(withoutPositions(await back.readAll())).toEqual(withoutPositions(await source.readAll()));
          expect((await esdb.store.listStreams()).sort()).toEqual([...tails.keys()].sort());
        } finally {
          await esdb.stop();
        }
      }),
      { numRuns: 20 },
    );
  });
});
