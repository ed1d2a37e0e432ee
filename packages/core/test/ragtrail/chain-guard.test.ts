import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, DomainError, type EventStore } from '../../src/index.js';
import { actors } from '../../src/testing/index.js';

/** A store whose copy of one event was edited after it was recorded (as someone with the file could). */
function editedStore(inner: EventStore, revision: number): EventStore {
  const edit = <T extends { stream: string; revision: number; data: unknown }>(e: T): T =>
    e.stream === 'plan-p' && e.revision === revision ? { ...e, data: { ...(e.data as object), title: 'Changed' } } : e;
  return { ...inner, readStream: async (s, o) => (await inner.readStream(s, o)).map(edit), readAll: async (o) => (await inner.readAll(o)).map(edit) };
}

describe('folding checks each event it folds', () => {
  it('stops at an edited event and refuses every write, naming it', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store });
    await rt.createPlan({ planId: 'p', title: 'Plan', organisation: 'Council', scheme: 'development-plan-5' }, { actor: actors.admin });
    await rt.execute('p', 'AddAction', { actionId: 'a1', ref: '1', title: 'First' }, { actor: actors.admin });
    const reader = createRagtrail({ store: editedStore(store, 1) });
    // The edited action is not served: the fold stopped before it.
    expect((await reader.loadPlan('p')).actions.size).toBe(0);
    const refused = await reader.execute('p', 'AddAction', { actionId: 'a2', ref: '2', title: 'Second' }, { actor: actors.admin }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).rule).toBe('chain-holds');
    expect((refused as DomainError).message).toMatch(/broken at plan-p revision 1 .*no longer matches its hash/);
    expect(await store.streamRevision('plan-p')).toBe(1);
  });
});
