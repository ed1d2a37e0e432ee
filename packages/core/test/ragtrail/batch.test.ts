import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, DomainError, verifyStore } from '../../src/index.js';

const admin = { actor: { id: 'ann', name: 'Ann Admin', role: 'admin' as const } };
const officer = { actor: { id: 'iqbal', name: 'Iqbal Vaza', role: 'officer' as const } };

async function buildPlan(run: (type: string, data: object, caller: typeof admin | typeof officer) => Promise<unknown> | void) {
  await run('CreatePlan', { planId: 'dev', title: 'Development plan', organisation: 'Thurrock Council' }, admin);
  await run('AddPriority', { priorityId: 'p1', number: 1, title: 'Workforce' }, admin);
  for (const ref of ['P1.1', 'P1.2', 'P1.3']) await run('AddAction', { ref, priorityId: 'p1', title: `Action ${ref}` }, admin);
  await run('OpenReview', { period: '2018-03', reviewer: 'Improvement Board', reviewDate: '2018-03-31' }, admin);
  for (const [ref, score] of [['P1.1', 3], ['P1.2', 2], ['P1.3', 1]] as const) await run('RecordEntry', { action: ref, period: '2018-03', score, update: `March update for ${ref}` }, officer);
}

describe('a batch of commands on one plan', () => {
  it('decides each command on the state the ones before it left, and writes them all in one append', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store });
    const batch = await rt.batch('dev');
    expect(batch.state.status).toBe('empty');
    await buildPlan((type, data, caller) => batch.execute(type as 'AddAction', data as never, caller));
    expect(batch.state.actionOrder).toHaveLength(3);
    expect(await store.readAll()).toEqual([]);
    const result = await batch.commit();
    expect(result).toMatchObject({ planId: 'dev', revision: 8 });
    expect(result.events.map((e) => e.type)).toEqual(['PlanCreated', 'PriorityAdded', 'ActionAdded', 'ActionAdded', 'ActionAdded', 'ReviewOpened', 'EntryRecorded', 'EntryRecorded', 'EntryRecorded']);
    expect(result.events.map((e) => e.actor.name).slice(-1)).toEqual(['Iqbal Vaza']);
    expect((await verifyStore(store)).ok).toBe(true);

    // The same commands one by one give the same plan.
    const oneByOne = createRagtrail({ store: createMemoryStore() });
    await buildPlan((type, data, caller) => oneByOne.execute('dev', type as 'AddAction', data as never, caller));
    expect(await rt.summary('dev', { period: '2018-03' })).toEqual(await oneByOne.summary('dev', { period: '2018-03' }));
  });

  it('finds actions by reference as they are added and changed within the batch', async () => {
    const rt = createRagtrail({ store: createMemoryStore() });
    const batch = await rt.batch('dev');
    const because = { ...admin, reason: 'Board agreed a later date' };
    batch.execute('CreatePlan', { planId: 'dev', title: 'Development plan', organisation: 'Thurrock Council' }, admin);
    batch.execute('AddAction', { ref: 'P1.1', title: 'First', dueDate: '2018-01-31' }, admin);
    batch.execute('RescheduleAction', { action: 'p1.1', newDueDate: '2018-06-30', approvedBy: 'Lyn Carpenter' }, because);
    batch.execute('AddAction', { ref: 'P1.2', title: 'Second' }, admin);
    batch.execute('RescheduleAction', { action: 'P1.2', newDueDate: '2018-07-31', approvedBy: 'Lyn Carpenter' }, because);
    batch.execute('RescheduleAction', { action: 'P1.1', newDueDate: '2018-09-30', approvedBy: 'Lyn Carpenter' }, because);
    expect(() => batch.execute('AddAction', { actionId: 'other', ref: 'p1.2', title: 'Again' }, admin)).toThrow(/already used/);
    const { events } = await batch.commit();
    expect(events.filter((e) => e.type === 'ActionRescheduled').map((e) => e.data)).toEqual([
      expect.objectContaining({ actionId: 'p1-1', previousDueDate: '2018-01-31', newDueDate: '2018-06-30' }),
      expect.objectContaining({ actionId: 'p1-2', previousDueDate: null, newDueDate: '2018-07-31' }),
      expect.objectContaining({ actionId: 'p1-1', previousDueDate: '2018-06-30', newDueDate: '2018-09-30' }),
    ]);
  });

  it("refuses a command as execute would, keeps what was decided before it, and writes nothing until commit", async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store });
    const batch = await rt.batch('dev');
    await buildPlan((type, data, caller) => batch.execute(type as 'AddAction', data as never, caller));
    let refusal: unknown;
    try {
      batch.execute('RecordEntry', { action: 'P1.9', period: '2018-03', score: 3 }, officer);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ field: 'action' });
    expect(() => batch.execute('AddAction', { ref: 'P1.4', title: 'x' }, officer)).toThrow(/An officer may not add an action: that needs the reviewer or admin role/);
    expect(await store.readAll()).toEqual([]);
    expect((await batch.commit()).events).toHaveLength(9);
  });

  it('writes nothing when the plan moved on since the batch began, and says so', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store });
    await rt.createPlan({ planId: 'dev', title: 'Development plan', organisation: 'Thurrock Council' }, admin);
    const batch = await rt.batch('dev');
    batch.execute('AddPriority', { number: 1, title: 'Workforce' }, admin);
    await rt.execute('dev', 'AddPriority', { number: 2, title: 'Early help' }, admin);
    await expect(batch.commit()).rejects.toMatchObject({ code: 'conflict', details: { currentRevision: 1 } });
    expect((await rt.loadPlan('dev')).revision).toBe(1);
    await expect(batch.commit()).rejects.toThrow(/committed/);
  });

  it('refuses to begin on a revision the caller did not expect (If-Match)', async () => {
    const rt = createRagtrail({ store: createMemoryStore() });
    await rt.createPlan({ planId: 'dev', title: 'Development plan', organisation: 'Thurrock Council' }, admin);
    await expect(rt.batch('dev', { expectedRevision: 3 })).rejects.toMatchObject({ code: 'precondition', details: { currentRevision: 0 } });
    expect((await rt.batch('dev', { expectedRevision: 0 })).state.revision).toBe(0);
  });

  it('validates an actor object again when its fields change between commands, whoever reuses it', async () => {
    const rt = createRagtrail({ store: createMemoryStore() });
    const actor: { id: string; name: string; role: 'admin' | 'viewer' } = { id: 'ann', name: 'Ann Admin', role: 'admin' };
    const batch = await rt.batch('dev');
    batch.execute('CreatePlan', { title: 'Development plan', organisation: 'Thurrock Council' } as never, { actor });
    batch.execute('AddAction', { ref: 'A1', title: 'First' }, { actor });
    actor.role = 'viewer';
    expect(() => batch.execute('AddAction', { ref: 'A2', title: 'Second' }, { actor })).toThrow(/viewer/);
    actor.role = 'admin';
    actor.name = ' ';
    expect(() => batch.execute('AddAction', { ref: 'A2', title: 'Second' }, { actor })).toThrow(DomainError);
  });
});
