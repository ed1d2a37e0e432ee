import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, type EventStore } from '../../src/index.js';

const admin = { actor: { id: 'ann', name: 'Ann Admin', role: 'admin' as const } };

/** A store that, like one numbering from a shared sequence, does not say its positions were consecutive. */
function silentAboutPositions(store: EventStore): { store: EventStore; reads: () => number } {
  let reads = 0;
  return {
    store: {
      ...store,
      kind: store.kind,
      append: async (stream, events, options) => {
        const { firstPosition: _unsaid, ...result } = await store.append(stream, events, options);
        return result;
      },
      readStream: async (stream, options) => {
        reads++;
        return store.readStream(stream, options);
      },
    },
    reads: () => reads,
  };
}

async function importLike(store: EventStore, beforeCommit: () => void = () => {}) {
  const rt = createRagtrail({ store });
  // Another plan first, so the batch's positions do not start at 1.
  await rt.createPlan({ planId: 'other', title: 'Other plan', organisation: 'Thurrock Council' }, admin);
  const batch = await rt.batch('dev');
  batch.execute('CreatePlan', { title: 'Development plan', organisation: 'Thurrock Council' } as never, admin);
  batch.execute('AddPriority', { priorityId: 'p1', number: 1, title: 'Workforce' }, admin);
  for (const ref of ['P1.1', 'P1.2', 'P1.3']) batch.execute('AddAction', { ref, priorityId: 'p1', title: ref }, admin);
  beforeCommit();
  const result = await batch.commit();
  return { rt, result };
}

describe("a batch's answer", () => {
  it('gives every event the position the store gave it, without reading back when the store says they are consecutive', async () => {
    const memory = createMemoryStore();
    const counted = silentAboutPositions(memory);
    const direct = { ...memory, readStream: counted.store.readStream };
    let readsBefore = -1;
    const { result } = await importLike(direct as EventStore, () => (readsBefore = counted.reads()));
    expect(counted.reads()).toBe(readsBefore);
    const stored = await memory.readStream('plan-dev');
    expect(result.events.map((e) => [e.id, e.position, e.hash])).toEqual(stored.map((e) => [e.id, e.position, e.hash]));
    expect(result.events[0]!.position).toBeGreaterThan(1);
  });

  it('reads the positions back from a store that does not say', async () => {
    const memory = createMemoryStore();
    const silent = silentAboutPositions(memory);
    let readsBefore = -1;
    const { rt, result } = await importLike(silent.store, () => (readsBefore = silent.reads()));
    expect(silent.reads()).toBe(readsBefore + 1);
    const stored = await memory.readStream('plan-dev');
    expect(result.events.map((e) => [e.id, e.position])).toEqual(stored.map((e) => [e.id, e.position]));
    // The plan as a reader folds it is the plan the batch decided.
    expect((await rt.loadPlan('dev')).actionOrder).toEqual(['p1-1', 'p1-2', 'p1-3']);
  });
});
