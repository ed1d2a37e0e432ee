import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail } from '../../src/index.js';

const admin = { actor: { id: 'ann', name: 'Ann Admin', role: 'admin' as const } };

describe("a plan's kept-current state", () => {
  it('folds each event once when many readers ask at the same moment (a dashboard loads summary and exceptions together)', async () => {
    const store = createMemoryStore();
    const writer = createRagtrail({ store });
    await writer.createPlan({ planId: 'dev', title: 'Development plan', organisation: 'Thurrock Council' }, admin);
    await writer.execute('dev', 'AddPriority', { priorityId: 'p1', number: 1, title: 'Workforce' }, admin);
    for (const ref of ['P1.1', 'P1.2', 'P1.3']) await writer.execute('dev', 'AddAction', { ref, priorityId: 'p1', title: ref }, admin);
    await writer.execute('dev', 'OpenReview', { period: '2018-03', reviewer: 'Board', reviewDate: '2018-03-31' }, admin);
    for (const ref of ['P1.1', 'P1.2', 'P1.3']) await writer.execute('dev', 'RecordEntry', { action: ref, period: '2018-03', score: 3 }, admin);

    // A second process's view of the same store, asked by several requests at once.
    const reader = createRagtrail({ store, checkpointEvery: 2 });
    const [a, b, c] = await Promise.all([reader.loadPlan('dev'), reader.summary('dev', {}), reader.plans()]);
    expect(a.actionOrder).toEqual(['p1-1', 'p1-2', 'p1-3']);
    expect(b.priorities[0]!.current.counts.find((l) => l.value === 3)!.count).toBe(3);
    expect(c[0]!.actions).toBe(3);

    // And again after more events arrive, still at once.
    await writer.execute('dev', 'AddAction', { ref: 'P1.4', priorityId: 'p1', title: 'P1.4' }, admin);
    const again = await Promise.all([reader.loadPlan('dev'), reader.loadPlan('dev'), reader.loadPlan('dev')]);
    for (const state of again) expect(state.actionOrder).toEqual(['p1-1', 'p1-2', 'p1-3', 'p1-4']);
    expect((await reader.loadPlan('dev')).revision).toBe((await writer.loadPlan('dev')).revision);
  });
});

describe('tokens read by many requests at once', () => {
  it('authenticates every one of them, each token once in the list', async () => {
    const store = createMemoryStore();
    const issuer = createRagtrail({ store });
    const issued = await Promise.all(['Ann', 'Bob', 'Cat'].map((name) => issuer.issueToken({ name, role: 'viewer' }, admin)));
    const server = createRagtrail({ store });
    const who = await Promise.all(issued.map((t) => server.authenticate(t.token)));
    expect(who.map((a) => a?.name)).toEqual(['Ann', 'Bob', 'Cat']);
    expect((await server.tokens()).map((t) => t.name).sort()).toEqual(['Ann', 'Bob', 'Cat']);
  });

  it('lets other work run between the pages of a first fold, so a server answers while a long plan loads', async () => {
    const store = createMemoryStore();
    const writer = createRagtrail({ store });
    await writer.createPlan({ planId: 'long', title: 'Long plan', organisation: 'Thurrock Council' }, admin);
    const batch = await writer.batch('long');
    for (let i = 0; i < 40; i++) batch.execute('AddAction', { ref: `A${i}`, title: `Action ${i}` }, admin);
    await batch.commit();

    const reader = createRagtrail({ store, checkpointEvery: 10, snapshotEvery: 0 });
    const order: string[] = [];
    const loading = reader.loadPlan('long').then((state) => (order.push('loaded'), state));
    setImmediate(() => order.push('another request'));
    expect((await loading).actionOrder).toHaveLength(40);
    expect(order).toEqual(['another request', 'loaded']);
  });

  it('answers "as known at" a moment after the last event from the state it keeps, reading nothing', async () => {
    const store = createMemoryStore();
    let reads = 0;
    const counted = { ...store, kind: store.kind, readStream: async (...args: Parameters<typeof store.readStream>) => (reads++, store.readStream(...args)) };
    const rt = createRagtrail({ store: counted, snapshotEvery: 0 });
    await rt.createPlan({ planId: 'dev', title: 'Development plan', organisation: 'Thurrock Council' }, admin);
    await rt.execute('dev', 'AddAction', { ref: 'A1', title: 'First' }, admin);
    const live = await rt.loadPlan('dev');
    const before = reads;
    const later = await rt.loadPlan('dev', new Date(Date.parse(live.lastRecordedAt!) + 1000).toISOString());
    expect(later).toBe(live);
    // At most the one read that asks the store whether anything is new.
    expect(reads - before).toBeLessThanOrEqual(1);
  });
});
