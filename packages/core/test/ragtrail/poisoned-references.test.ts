// The cases issue 13 reported: one request with a built-in property name as a reference wrote an
// event no reader could fold, and the plan was broken for good. Each must now be refused with a 4xx
// code and nothing written; a failure inside the store (a 500) must write nothing either.
import { describe, expect, it } from 'vitest';
import {
  createMemoryStore, createRagtrail, DomainError, evolveAll, httpStatusOf, initialPlanState, toRecorded, type EventStore,
} from '../../src/index.js';
import { createCommandHandler } from '../../src/ragtrail/command-handler.js';
import { actors } from '../../src/testing/index.js';

const admin = { actor: actors.admin };
const officer = { actor: actors.officer };

async function planWithOneAction(store: EventStore = createMemoryStore()) {
  const rt = createRagtrail({ store, now: (() => { let t = Date.UTC(2018, 2, 1); return () => new Date((t += 1000)); })() });
  await rt.createPlan({ planId: 'dev', title: 'Development plan', organisation: 'Thurrock Council' }, admin);
  await rt.execute('dev', 'AddPriority', { number: 1, title: 'Workforce' }, admin);
  await rt.execute('dev', 'AddAction', { ref: 'P1.1', priorityId: 'p1', title: 'Supervision' }, admin);
  await rt.execute('dev', 'OpenReview', { period: '2018-03', reviewer: 'Improvement Board', reviewDate: '2018-03-31' }, admin);
  return { rt, store };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('references that name built-in properties', () => {
  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf'])('RecordEntry for action "%s" is not found, and nothing is written', async (ref) => {
    const { rt, store } = await planWithOneAction();
    const before = (await store.readAll()).length;
    const error = await refusal(rt.execute('dev', 'RecordEntry', { action: ref, period: '2018-03', score: 3 }, officer));
    expect({ code: error.code, field: error.field, status: httpStatusOf[error.code] }).toEqual({ code: 'not-found', field: 'action', status: 404 });
    expect(await store.readAll()).toHaveLength(before);
    // The plan is still readable and writable, now and after a restart.
    await rt.execute('dev', 'RecordEntry', { action: 'P1.1', period: '2018-03', score: 3 }, officer);
    const fresh = createRagtrail({ store });
    expect((await fresh.plans()).map((p) => p.planId)).toEqual(['dev']);
    expect((await fresh.summary('dev', { period: '2018-03' })).priorities[0]!.actions[0]!.score).toBe(3);
  });

  it('AttachEvidence and RescheduleAction for action "__proto__" are not found either', async () => {
    const { rt, store } = await planWithOneAction();
    const before = (await store.readAll()).length;
    const evidence = await refusal(rt.execute('dev', 'AttachEvidence', { action: '__proto__', title: 'Audit', kind: 'audit', observedOn: '2018-03-01', link: 'https://x.example/a' }, officer));
    const reschedule = await refusal(rt.execute('dev', 'RescheduleAction', { action: '__proto__', newDueDate: '2018-09-30', approvedBy: 'Board' }, { ...admin, reason: 'later' }));
    expect([evidence.code, reschedule.code]).toEqual(['not-found', 'not-found']);
    const batch = await rt.batch('dev');
    expect((await refusal(Promise.resolve().then(() => batch.execute('RecordEntry', { action: 'constructor', period: '2018-03', score: 2 }, officer)))).code).toBe('not-found');
    expect(await store.readAll()).toHaveLength(before);
  });

  it('AddAction under priority "constructor" is refused: there is no such priority', async () => {
    const { rt, store } = await planWithOneAction();
    const before = (await store.readAll()).length;
    const error = await refusal(rt.execute('dev', 'AddAction', { ref: 'P9.9', priorityId: 'constructor', title: 'Hidden' }, admin));
    expect({ code: error.code, field: error.field }).toEqual({ code: 'not-found', field: 'priorityId' });
    expect(await store.readAll()).toHaveLength(before);
  });

  it('ids and references that are built-in names work as ordinary ones when they exist', async () => {
    const { rt, store } = await planWithOneAction();
    await rt.execute('dev', 'AddPriority', { priorityId: 'constructor', number: 2, title: 'Named like a built-in' }, admin);
    await rt.execute('dev', 'AddAction', { actionId: 'toString', ref: '__proto__', priorityId: 'constructor', title: 'Odd names' }, admin);
    await rt.execute('dev', 'RecordEntry', { action: '__proto__', period: '2018-03', score: 3 }, officer);
    await rt.execute('dev', 'ImportFigures', { period: '2018-03', source: 'board paper', priorities: [{ priorityId: 'p1', figure: 2 }] }, admin);
    const summary = await createRagtrail({ store }).summary('dev', { period: '2018-03' });
    const group = summary.priorities.find((p) => p.priorityId === 'constructor')!;
    expect(group.actions.map((a) => [a.actionId, a.ref, a.score])).toEqual([['toString', '__proto__', 3]]);
    // No figure was imported for "constructor": the lookup must not find Object's constructor.
    expect(group.imported).toBeNull();
  });
});

describe('tokens', () => {
  it('revoking a token that never existed ("constructor") is not found, and the access stream is untouched', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store });
    await rt.issueToken({ name: 'Inspector', role: 'viewer' }, admin);
    const before = await store.readStream('access');
    for (const tokenId of ['constructor', '__proto__', 'no-such-token']) {
      const error = await refusal(rt.revokeToken(tokenId, admin));
      expect({ code: error.code, field: error.field, status: httpStatusOf[error.code] }).toEqual({ code: 'not-found', field: 'tokenId', status: 404 });
    }
    expect(await store.readStream('access')).toEqual(before);
  });
});

describe('a failure that is not the caller\'s (500)', () => {
  it('a store that fails inside an append writes nothing, and the plan goes on working', async () => {
    const inner = createMemoryStore();
    let failNext = false;
    const store: EventStore = { ...inner, append: async (...args: Parameters<EventStore['append']>) => {
      if (failNext) {
        failNext = false;
        throw new Error('disk I/O error');
      }
      return inner.append(...args);
    } };
    const { rt } = await planWithOneAction(store);
    const before = await inner.readAll();
    failNext = true;
    const error = await rt.execute('dev', 'RecordEntry', { action: 'P1.1', period: '2018-03', score: 3 }, officer).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DomainError);
    expect(await inner.readAll()).toEqual(before);
    await rt.execute('dev', 'RecordEntry', { action: 'P1.1', period: '2018-03', score: 3 }, officer);
    expect((await createRagtrail({ store: inner }).loadPlan('dev')).entries.get('p1-1')?.get('2018-03')?.score).toBe(3);
  });

  it('events a decider got wrong (an entry with no action) are refused as unfoldable before the store is asked', async () => {
    const store = createMemoryStore();
    let appends = 0;
    const watched: EventStore = { ...store, append: async (...args: Parameters<EventStore['append']>) => (appends++, store.append(...args)) };
    const handle = createCommandHandler({ store: watched, now: () => new Date('2018-03-10T10:00:00Z'), maxAttempts: 1 });
    const state = initialPlanState();
    const error = await refusal(handle({
      stream: { stream: 'plan-bug', refresh: async () => state, advance: () => undefined },
      subject: 'plan bug',
      // What the old lookup produced for "__proto__": Object.prototype as the action, so no actionId.
      decide: () => [{ type: 'EntryRecorded', data: { period: '2018-03', score: 3, update: '', statedDirection: null, derivedDirection: null, previousScore: null, source: 'recorded' } as never }],
      // The same check the facade runs for plans: decode as a reader would, then fold.
      foldCheck: (s, sealed) => void evolveAll(s, sealed.map((e) => toRecorded({ ...e, position: 0 }))),
    }, admin));
    expect({ code: error.code, rule: error.rule }).toEqual({ code: 'rule', rule: 'foldable' });
    expect(appends).toBe(0);
    expect(await store.readAll()).toEqual([]);
  });
});
