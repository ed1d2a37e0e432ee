import { describe, it, expect } from 'vitest';
import {
  ConcurrencyError, createMemoryStore, createRagtrail, GENESIS_HASH, replayPlans, toRecorded, verifyStore,
  type EventStore, type StoredEvent,
} from '../src/index.js';
import { seal, toRecordedTrusted, upcast, verifyStream } from '../src/internal.js';
import { actors, sealedEvents } from '../src/testing/index.js';

describe('the hash chain', () => {
  const chain = (): StoredEvent[] => sealedEvents('plan-x', 4).map((e, i) => ({ ...e, position: i + 1 }));

  it('verifies an untouched stream', () => {
    expect(verifyStream(chain())).toBeNull();
  });

  it('names an edited event', () => {
    const events = chain();
    events[2] = { ...events[2]!, data: { ...(events[2]!.data as object), reviewer: 'Someone else' } };
    expect(verifyStream(events)).toMatchObject({ revision: 2, eventId: events[2]!.id, problem: 'hash-mismatch' });
  });

  it('names the gap a deleted event leaves, and a reordering', () => {
    const events = chain();
    expect(verifyStream([events[0]!, events[2]!, events[3]!])).toMatchObject({ revision: 2, problem: 'revision-gap' });
    const swapped = [events[0]!, { ...events[2]!, revision: 1 }, { ...events[1]!, revision: 2 }, events[3]!];
    expect(verifyStream(swapped)).toMatchObject({ eventId: events[2]!.id, problem: 'broken-link' });
  });

  it('names an event re-hashed after editing, because its successor no longer links to it', () => {
    const events = chain();
    const forged = seal({ ...events[1]!, reason: 'rewritten' });
    expect(verifyStream([events[0]!, { ...forged, position: 2 }, events[2]!, events[3]!])).toMatchObject({ revision: 2, problem: 'broken-link' });
  });

  it('starts from the genesis hash', () => {
    expect(chain()[0]!.prevHash).toBe(GENESIS_HASH);
  });
});

describe('schema evolution', () => {
  it('loads an ActionAdded stored at v1, with the lead as one cell, as v2', () => {
    const v1 = {
      actionId: 'ofsted-1', ref: 'Ofsted 1', priorityId: null, title: 'Ensure accurate performance data', description: '',
      subActions: [], owners: ["Director of Children's Services"], dueDate: null, dueText: '', successMeasure: '', carriedOverFrom: null,
      lead: 'Iqbal Vaza, Strategic Lead I Performance, Quality & Business Support',
    };
    expect(upcast('ActionAdded', 1, v1)).toEqual({
      type: 'ActionAdded',
      data: { ...v1, lead: { name: 'Iqbal Vaza', jobTitle: 'Strategic Lead I Performance, Quality & Business Support' }, baseline: '', target: '', milestones: [] },
    });
  });

  it('replays a stored log that mixes versions, without rewriting what is stored', async () => {
    const store = createMemoryStore();
    // Recorded times never go backwards along the log, so the plan is created before the legacy event's time.
    const rt = createRagtrail({ store, now: () => new Date('2016-05-01T09:00:00.000Z') });
    const { planId } = await rt.createPlan({ planId: 'old', title: 'Old plan', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, { actor: actors.admin });
    const [created] = await store.readStream('plan-old');
    const legacy = seal({
      id: 'legacy-1', stream: 'plan-old', revision: 1, recordedAt: '2016-06-01T09:00:00.000Z', type: 'ActionAdded', version: 1,
      data: { actionId: 'ofsted-3', ref: 'Ofsted 3', priorityId: null, title: 'Improve return interviews', lead: 'Clare Moore', owners: [] },
      actor: actors.admin, reason: null, prevHash: created!.hash,
    });
    await store.append('plan-old', [legacy], { expectedRevision: 0 });
    const fresh = createRagtrail({ store });
    const plan = await fresh.loadPlan(planId);
    expect(plan.actions.get('ofsted-3')!.lead).toEqual({ name: 'Clare Moore', jobTitle: '' });
    expect((await store.readStream('plan-old'))[1]!.version).toBe(1);
    expect((await fresh.verify()).ok).toBe(true);
    // The trusted decode of a full rebuild still upcasts (and validates) the old version.
    const stored = await store.readStream('plan-old');
    expect(toRecordedTrusted(stored[1]!)).toEqual(toRecorded(stored[1]!));
    expect(toRecordedTrusted(stored[0]!)).toBe(stored[0]);
    expect((await replayPlans(store)).get('plan-old')).toEqual(plan);
  });

  it('the trusted decode refuses what it cannot upcast: a newer version, an unknown type, bad old data', () => {
    const [event] = sealedEvents('s', 1).map((e) => ({ ...e, position: 1 }));
    expect(() => toRecordedTrusted({ ...event!, version: 9 })).toThrow(/newer than this library/);
    expect(() => toRecordedTrusted({ ...event!, type: 'PlanDeleted' })).toThrow(/Unknown event type PlanDeleted/);
    expect(() => toRecordedTrusted({ ...event!, type: 'ActionAdded', version: 1, data: { ref: 'x' } })).toThrow();
  });

  it('refuses an event from a newer version than this library knows', () => {
    expect(() => toRecorded({ ...sealedEvents('s', 1)[0]!, version: 9, position: 1 })).toThrow(/newer than this library/);
  });
});

describe('command handling under concurrency', () => {
  /** A store that loses the first race of every append, as if another process wrote first. */
  function racingStore(inner: EventStore, sneak: () => Promise<void>): EventStore {
    let raced = false;
    return {
      ...inner,
      async append(stream, events, options) {
        if (!raced) {
          raced = true;
          await sneak();
        }
        return inner.append(stream, events, options);
      },
    };
  }

  it('re-decides on fresh state after losing a race, so both changes land', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store });
    const { planId } = await rt.createPlan({ planId: 'race', title: 'T', organisation: 'O' }, { actor: actors.admin });
    const other = createRagtrail({ store });
    const racing = createRagtrail({ store: racingStore(store, async () => void (await other.execute(planId, 'AddPriority', { number: 1, title: 'First' }, { actor: actors.admin }))) });
    await racing.execute(planId, 'AddPriority', { number: 2, title: 'Second' }, { actor: actors.admin });
    const plan = await createRagtrail({ store }).loadPlan(planId);
    expect([...plan.priorities.keys()].sort()).toEqual(['p1', 'p2']);
    expect((await rt.verify()).ok).toBe(true);
  });

  it('re-decides with the rules: a racing duplicate is refused, not written twice', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store });
    const { planId } = await rt.createPlan({ planId: 'race2', title: 'T', organisation: 'O' }, { actor: actors.admin });
    const other = createRagtrail({ store });
    const racing = createRagtrail({ store: racingStore(store, async () => void (await other.execute(planId, 'AddPriority', { number: 1, title: 'First' }, { actor: actors.admin }))) });
    await expect(racing.execute(planId, 'AddPriority', { number: 1, title: 'Also first' }, { actor: actors.admin })).rejects.toMatchObject({ rule: 'unique' });
    expect(await store.streamRevision('plan-race2')).toBe(1);
  });

  it('with a pinned revision, a stale caller gets a precondition failure naming the current revision', async () => {
    const rt = createRagtrail({ store: createMemoryStore() });
    const { planId } = await rt.createPlan({ planId: 'pin', title: 'T', organisation: 'O' }, { actor: actors.admin });
    await rt.execute(planId, 'AddPriority', { number: 1, title: 'P' }, { actor: actors.admin, expectedRevision: 0 });
    await expect(rt.execute(planId, 'AddPriority', { number: 2, title: 'P2' }, { actor: actors.admin, expectedRevision: 0 })).rejects.toMatchObject({ code: 'precondition', details: { currentRevision: 1 } });
  });

  it('surfaces a typed conflict when the store keeps refusing', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store, maxAttempts: 2 });
    const { planId } = await rt.createPlan({ planId: 'busy', title: 'T', organisation: 'O' }, { actor: actors.admin });
    const refusing: EventStore = { ...store, append: async (stream) => Promise.reject(new ConcurrencyError(stream, 0, 7)) };
    const stuck = createRagtrail({ store: refusing, maxAttempts: 2 });
    await expect(stuck.execute(planId, 'AddPriority', { number: 1, title: 'P' }, { actor: actors.admin })).rejects.toMatchObject({ code: 'conflict', details: { currentRevision: 7 } });
  });
});

describe('access tokens', () => {
  it('issues a token shown once, stores only its hash, and resolves it to a principal until revoked', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store });
    const issued = await rt.issueToken({ name: 'Ofsted Inspector', role: 'viewer' }, { actor: actors.admin });
    expect(issued.token).toMatch(/^rgt_/);
    expect(JSON.stringify(await store.readAll())).not.toContain(issued.token);
    expect(await rt.authenticate(issued.token)).toMatchObject({ name: 'Ofsted Inspector', role: 'viewer' });
    expect(await rt.authenticate('rgt_wrong')).toBeNull();
    await rt.revokeToken(issued.tokenId, { actor: actors.admin });
    expect(await rt.authenticate(issued.token)).toBeNull();
    await expect(rt.issueToken({ name: 'x', role: 'admin' }, { actor: actors.officer })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('verifies every stream of the store', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store });
    await rt.issueToken({ name: 'A', role: 'viewer' }, { actor: actors.admin });
    await rt.createPlan({ title: 'T', organisation: 'O' }, { actor: actors.admin });
    expect(await verifyStore(store)).toMatchObject({ ok: true, streams: 2, events: 2 });
  });
});
