import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, planStateToJson, toRecorded, type EventStore, type ReadModelStore } from '../../src/index.js';
import { foldPlan } from '../../src/internal.js';
import { admin, seedPlan, steppingClock } from '../../src/testing/seed-plan.js';
import { expectDeeplyFrozen } from '../deeply-frozen.js';

/** The store as a process opening it sees it, counting the events it reads from the log. */
function counting(store: EventStore): EventStore & { eventsRead: () => number } {
  let read = 0;
  return Object.assign(Object.create(store) as EventStore, {
    readStream: async (...args: Parameters<EventStore['readStream']>) => {
      const events = await store.readStream(...args);
      read += events.length;
      return events;
    },
    readAll: async (...args: Parameters<EventStore['readAll']>) => {
      const events = await store.readAll(...args);
      read += events.length;
      return events;
    },
    eventsRead: () => read,
  });
}

const models = (store: EventStore): ReadModelStore => store.readModels!;


/** A plan's snapshot once it is saved (saves run after the reader that triggered them has its answer). */
async function snapshotOf(store: EventStore, planId: string) {
  const until = Date.now() + 5000;
  for (;;) {
    const entry = await models(store).get('plan-snapshot', planId);
    if (entry) return entry;
    if (Date.now() > until) throw new Error(`no snapshot of plan ${planId} was saved`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the plan catalogue beside the log', () => {
  it('lists the plans in a new process without reading a single event, the same as folding them', async () => {
    const store = createMemoryStore();
    const writer = createRagtrail({ store, now: steppingClock() });
    await seedPlan(writer, 'dev');
    await seedPlan(writer, 'tracker');
    await writer.execute('dev', 'AddAction', { ref: 'P2.2', priorityId: 'p2', title: 'Family hubs' }, { actor: admin });

    const opened = counting(store);
    const listed = await createRagtrail({ store: opened }).plans();
    expect(opened.eventsRead()).toBe(0);
    const dev = foldPlan((await store.readStream('plan-dev')).map(toRecorded));
    expect(listed.map((p) => p.planId)).toEqual(['dev', 'tracker']);
    expect(listed[0]).toEqual({
      planId: 'dev', title: 'Development Plan 2017-19', organisation: 'Thurrock Council', schemeId: dev.scheme.id,
      actions: 4, priorities: 2, revision: dev.revision, latestPeriod: '2017-05', lastHash: dev.lastHash,
    });
  });

  it('folds only the plan whose entry is behind its stream (a write whose catalogue update was lost), and stores it again', async () => {
    const store = createMemoryStore();
    const writer = createRagtrail({ store, now: steppingClock() });
    await seedPlan(writer, 'dev');
    await seedPlan(writer, 'tracker');
    // Another process appended to tracker and died before its catalogue write.
    const behind = (await models(store).get('plan-catalogue', 'tracker'))!;
    await writer.execute('tracker', 'AddAction', { ref: 'P9', title: 'Late action' }, { actor: admin });
    await models(store).put('plan-catalogue', [behind]);

    const opened = counting(store);
    const listed = await createRagtrail({ store: opened, snapshotEvery: 0 }).plans();
    expect(opened.eventsRead()).toBe(await store.streamRevision('plan-tracker') + 1);
    expect(listed.find((p) => p.planId === 'tracker')).toMatchObject({ actions: 4, revision: await store.streamRevision('plan-tracker') });
    expect((await models(store).get('plan-catalogue', 'tracker'))!.revision).toBe(await store.streamRevision('plan-tracker'));
  });

  it('verify holds the catalogue against a rebuild, names an edited entry, and drops it so the next list folds the plan', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store, now: steppingClock() });
    await seedPlan(rt, 'dev');
    expect((await rt.verify()).readModels).toEqual({ ok: true, catalogue: { checked: 1 }, snapshots: { checked: 0 }, problems: [] });

    const entry = (await models(store).get('plan-catalogue', 'dev'))!;
    const forged = JSON.parse(entry.value) as { listing: { title: string } };
    forged.listing.title = 'Nothing to see here';
    await models(store).put('plan-catalogue', [{ ...entry, value: JSON.stringify(forged) }]);
    const verdict = await rt.verify();
    expect(verdict.ok).toBe(false);
    expect(verdict.readModels?.problems).toEqual([`plan catalogue: the entry for plan dev at revision ${entry.revision} differs from the plan rebuilt from the log`]);
    expect((await createRagtrail({ store }).plans())[0]!.title).toBe('Development Plan 2017-19');
    expect((await rt.verify()).ok).toBe(true);
  });

  it('is rebuilt from the log on demand', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store, now: steppingClock() });
    await seedPlan(rt, 'dev');
    await models(store).remove('plan-catalogue');
    expect(await rt.rebuildCatalogue()).toBe(1);
    const opened = counting(store);
    expect((await createRagtrail({ store: opened }).plans()).map((p) => p.planId)).toEqual(['dev']);
    expect(opened.eventsRead()).toBe(0);
  });
});

describe('plan snapshots beside the log', () => {
  it('starts a new process from the snapshot, folding only the events after it, to the same state', async () => {
    const store = createMemoryStore();
    const writer = createRagtrail({ store, now: steppingClock(), snapshotEvery: 5 });
    await seedPlan(writer, 'dev');
    await writer.loadPlan('dev');
    const snapshot = await snapshotOf(store, 'dev');
    const last = await store.streamRevision('plan-dev');
    expect(snapshot.revision).toBeGreaterThanOrEqual(5);
    expect(snapshot.hash).toBe((await store.readStream('plan-dev', { fromRevision: snapshot.revision, maxCount: 1 }))[0]!.hash);

    const opened = counting(store);
    const reader = createRagtrail({ store: opened, snapshotEvery: 5 });
    const state = await reader.loadPlan('dev');
    // The event the snapshot covers (to check its hash) and those after it: nothing before.
    expect(opened.eventsRead()).toBe(last - snapshot.revision + 1);
    const full = foldPlan((await store.readStream('plan-dev')).map(toRecorded));
    expect(JSON.stringify(await reader.summary('dev', { period: '2017-05' }))).toBe(JSON.stringify(await createRagtrail({ store, snapshotEvery: 0 }).summary('dev', { period: '2017-05' })));
    expect(state.revision).toBe(full.revision);
    expect(planStateToJson(state)).toEqual(planStateToJson(full));
    expectDeeplyFrozen(state);
  });

  it('answers "as known at" a moment before the snapshot by folding from the first event', async () => {
    const store = createMemoryStore();
    const writer = createRagtrail({ store, now: steppingClock(), snapshotEvery: 5 });
    await seedPlan(writer, 'dev');
    await writer.loadPlan('dev');
    const early = (await store.readStream('plan-dev'))[2]!.recordedAt;
    const reader = createRagtrail({ store, snapshotEvery: 5 });
    const then = await reader.loadPlan('dev', early);
    expect(then.revision).toBe(2);
    expect(then.priorities.size).toBe(2);
  });

  it('ignores, with a warning, a snapshot whose covering hash is not the log\'s, and serves the folded state', async () => {
    const store = createMemoryStore();
    const writer = createRagtrail({ store, now: steppingClock(), snapshotEvery: 5 });
    await seedPlan(writer, 'dev');
    await writer.loadPlan('dev');
    const snapshot = await snapshotOf(store, 'dev');
    const forged = JSON.parse(snapshot.value) as { title: string; lastHash: string };
    forged.title = 'Forged';
    forged.lastHash = 'f'.repeat(64);
    await models(store).put('plan-snapshot', [{ ...snapshot, value: JSON.stringify(forged), hash: forged.lastHash }]);

    const warnings: string[] = [];
    const reader = createRagtrail({ store, snapshotEvery: 5, warn: (m) => warnings.push(m) });
    expect((await reader.loadPlan('dev')).title).toBe('Development Plan 2017-19');
    expect(warnings).toEqual([`plan snapshot: the snapshot of plan dev at revision ${snapshot.revision} names a hash the log does not have there (stale or tampered); ignored, folding the plan from its first event`]);
  });

  it('verify refolds each snapshot and names one edited under a still-matching hash, then drops it', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store, now: steppingClock(), snapshotEvery: 5 });
    await seedPlan(rt, 'dev');
    await rt.loadPlan('dev');
    const snapshot = await snapshotOf(store, 'dev');
    expect((await rt.verify()).readModels).toMatchObject({ ok: true, snapshots: { checked: 1 } });
    await models(store).put('plan-snapshot', [{ ...snapshot, value: snapshot.value.replace('Development Plan 2017-19', 'Forged plan') }]);

    const verdict = await rt.verify();
    expect(verdict.ok).toBe(false);
    expect(verdict.readModels?.problems).toEqual([`plan snapshot: the snapshot of plan dev at revision ${snapshot.revision} differs from the plan refolded from the log`]);
    expect(await models(store).get('plan-snapshot', 'dev')).toBeUndefined();
    expect((await createRagtrail({ store }).loadPlan('dev')).title).toBe('Development Plan 2017-19');
  });

  describe('a long plan, kept in parts', () => {
    /** A plan of `count` actions, written in one batch, and its saved snapshot. */
    async function longPlan(count: number) {
      const store = createMemoryStore();
      const writer = createRagtrail({ store, now: steppingClock(), snapshotEvery: 5 });
      const batch = await writer.batch('long');
      batch.execute('CreatePlan', { title: 'Long plan', organisation: 'Thurrock Council' } as never, { actor: admin });
      // "constructor" among the ids: parts are plain JSON objects keyed by action id.
      for (let i = 0; i < count; i++) batch.execute('AddAction', { ...(i === 7 ? { actionId: 'constructor' } : {}), ref: `A${i}`, title: `Action ${i}` }, { actor: admin });
      await batch.commit();
      await writer.loadPlan('long');
      return { store, snapshot: await snapshotOf(store, 'long') };
    }

    it('saves 1,200 actions as a head and three parts, and a new process reads them back to the folded state, letting other work run between parts', async () => {
      const { store, snapshot } = await longPlan(1_200);
      expect((JSON.parse(snapshot.value) as { parts: number }).parts).toBe(3);
      const r = snapshot.revision;
      expect((await models(store).list('plan-snapshot')).map((e) => e.key).sort()).toEqual(['long', `long/${r}/0`, `long/${r}/1`, `long/${r}/2`]);

      const reader = createRagtrail({ store, snapshotEvery: 5 });
      const order: string[] = [];
      const loading = reader.loadPlan('long').then((state) => (order.push('loaded'), state));
      setImmediate(() => order.push('another request'));
      const state = await loading;
      expect(order).toEqual(['another request', 'loaded']);
      expect(state.actions.get('constructor')?.ref).toBe('A7');
      expect(planStateToJson(state)).toEqual(planStateToJson(foldPlan((await store.readStream('plan-long')).map(toRecorded))));
      // Read back from parts, the state is as deeply frozen as a folded one.
      expectDeeplyFrozen(state);
    });

    it('reads entries back from parts sharing one copy of a person and a reason they repeat, to the folded state', async () => {
      const store = createMemoryStore();
      const writer = createRagtrail({ store, now: steppingClock(), snapshotEvery: 5 });
      const batch = await writer.batch('scored');
      batch.execute('CreatePlan', { title: 'Scored plan', organisation: 'Thurrock Council' } as never, { actor: admin });
      batch.execute('AddPriority', { priorityId: 'p1', number: 1, title: 'Workforce' }, { actor: admin });
      for (const period of ['2018-02', '2018-03']) batch.execute('OpenReview', { period, reviewer: 'Board', reviewDate: `${period}-28` }, { actor: admin });
      for (let i = 0; i < 600; i++) {
        batch.execute('AddAction', { ref: `A${i}`, priorityId: 'p1', title: `Action ${i}` }, { actor: admin });
        // Two reasons, so sharing must keep each entry's own.
        for (const period of ['2018-02', '2018-03']) batch.execute('RecordEntry', { action: `A${i}`, period, score: 1 + (i % 3) }, { actor: admin, reason: i % 2 === 0 ? 'Imported from the tracker' : 'Keyed at the board' });
      }
      await batch.commit();
      await writer.loadPlan('scored');
      expect((JSON.parse((await snapshotOf(store, 'scored')).value) as { parts: number }).parts).toBe(2);

      const state = await createRagtrail({ store, snapshotEvery: 5 }).loadPlan('scored');
      expect(planStateToJson(state)).toEqual(planStateToJson(foldPlan((await store.readStream('plan-scored')).map(toRecorded))));
      expectDeeplyFrozen(state);
      const entries = [...state.entries.values()].flatMap((byPeriod) => [...byPeriod.values()]);
      expect(entries).toHaveLength(1_200);
      // Across both parts, every entry holds the same person object.
      expect(new Set(entries.map((e) => e.recordedBy)).size).toBe(1);
      expect(new Set(entries.map((e) => e.reason))).toEqual(new Set(['Imported from the tracker', 'Keyed at the board']));
    });

    it('ignores a snapshot one of whose parts belongs to another snapshot, with a warning', async () => {
      const { store, snapshot } = await longPlan(1_100);
      const part = (await models(store).get('plan-snapshot', `long/${snapshot.revision}/1`))!;
      await models(store).put('plan-snapshot', [{ ...part, revision: snapshot.revision - 1 }]);
      const warnings: string[] = [];
      const state = await createRagtrail({ store, snapshotEvery: 5, warn: (m) => warnings.push(m) }).loadPlan('long');
      expect(state.actionOrder).toHaveLength(1_100);
      expect(warnings).toEqual(['plan snapshot: the snapshot of plan long does not decode (part 1 is missing or belongs to another snapshot); ignored, folding the plan from its first event']);
    });

    it('verify names a snapshot whose part was edited, and drops the head and every part', async () => {
      const { store, snapshot } = await longPlan(1_100);
      const rt = createRagtrail({ store, snapshotEvery: 5 });
      expect((await rt.verify()).readModels).toMatchObject({ ok: true, snapshots: { checked: 1 } });
      const part = (await models(store).get('plan-snapshot', `long/${snapshot.revision}/1`))!;
      await models(store).put('plan-snapshot', [{ ...part, value: part.value.replace('Action 750', 'Forged action') }]);
      const verdict = await rt.verify();
      expect(verdict.readModels?.problems).toEqual([`plan snapshot: the snapshot of plan long at revision ${snapshot.revision} differs from the plan refolded from the log`]);
      expect(await models(store).list('plan-snapshot')).toEqual([]);
    });
  
    it("replaces the snapshot's parts when a later snapshot is saved, and drops the old ones", async () => {
      const { store, snapshot } = await longPlan(1_100);
      const writer = createRagtrail({ store, now: steppingClock('2030-01-01T09:00:00.000Z'), snapshotEvery: 5 });
      for (let i = 0; i < 6; i++) await writer.execute('long', 'AddAction', { ref: `B${i}`, title: `Later ${i}` }, { actor: admin });
      await writer.loadPlan('long');
      await writer.close();
      const head = (await models(store).get('plan-snapshot', 'long'))!;
      expect(head.revision).toBeGreaterThan(snapshot.revision);
      const keys = (await models(store).list('plan-snapshot')).map((e) => e.key).sort();
      expect(keys).toEqual(['long', `long/${head.revision}/0`, `long/${head.revision}/1`, `long/${head.revision}/2`]);
      expect((await createRagtrail({ store, snapshotEvery: 5 }).loadPlan('long')).actionOrder).toHaveLength(1_106);
    });
  });
});
