import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, evolveAll, initialPlanState, type RecordedEvent } from '../../src/index.js';
import { CheckpointedFold } from '../../src/internal.js';

const admin = { actor: { id: 'ann', name: 'Ann Admin', role: 'admin' as const } };

/** A plan with `actions` actions, scored in one review: about twice as many events. */
async function longPlan(actions: number): Promise<RecordedEvent[]> {
  const rt = createRagtrail({ store: createMemoryStore() });
  const batch = await rt.batch('long');
  batch.execute('CreatePlan', { title: 'Long plan', organisation: 'Thurrock Council' } as never, admin);
  batch.execute('AddPriority', { priorityId: 'p1', number: 1, title: 'Workforce' }, admin);
  batch.execute('OpenReview', { period: '2018-03', reviewer: 'Board', reviewDate: '2018-03-31' }, admin);
  for (let i = 1; i <= actions; i++) {
    batch.execute('AddAction', { ref: `A${i}`, priorityId: 'p1', title: `Action ${i}` }, admin);
    batch.execute('RecordEntry', { action: `A${i}`, period: '2018-03', score: 1 + (i % 3) }, admin);
  }
  return (await batch.commit()).events;
}

describe('a checkpointed fold', () => {
  it('gives, from the checkpoint before any count, the state folding every event from the start gives', async () => {
    const events = await longPlan(600);
    const fold = new CheckpointedFold(10);
    // Handed in as a kept stream does: pieces of uneven length.
    for (let at = 0; at < events.length; ) {
      const next = Math.min(events.length, at + 1 + ((at * 7) % 97));
      fold.add(events.slice(at, next));
      at = next;
    }
    expect(fold.length).toBe(events.length);
    expect(fold.current.revision).toBe(events.length - 1);
    for (const count of [0, 1, 9, 10, 11, 57, 300, 777, 1000, events.length - 1, events.length]) {
      const { state, covers } = fold.checkpointBefore(count);
      expect(covers).toBeLessThanOrEqual(count);
      const fromCheckpoint = evolveAll(state, events.slice(covers, count));
      const fromStart = evolveAll(initialPlanState(), events.slice(0, count));
      expect(fromCheckpoint.revision).toBe(fromStart.revision);
      expect(fromCheckpoint.actionOrder).toEqual(fromStart.actionOrder);
      expect([...fromCheckpoint.entries.keys()]).toEqual([...fromStart.entries.keys()]);
    }
  });

  it('keeps checkpoints further apart as the log grows, so a long log is not copied once per interval', async () => {
    const events = await longPlan(1500);
    const fold = new CheckpointedFold(10);
    fold.add(events);
    const kept = new Set<number>();
    for (let count = 0; count <= events.length; count++) {
      const { covers } = fold.checkpointBefore(count);
      kept.add(covers);
      // Never more than an eighth of the log (or the interval) to fold after the nearest checkpoint.
      expect(count - covers).toBeLessThan(Math.max(10, Math.floor(covers / 8)) + 1);
    }
    // A fixed interval of 10 would keep 301 states of a plan growing to 1,500 actions.
    expect(kept.size).toBeLessThan(60);
    expect(kept.size).toBeGreaterThan(8);
  });

  it('takes a state folded elsewhere from its own as the fold of the next events, and refuses one that does not follow', async () => {
    const events = await longPlan(200);
    const fold = new CheckpointedFold(10);
    fold.add(events.slice(0, 50));
    const folded = evolveAll(fold.current, events.slice(50));
    fold.adopt(folded, events.length - 50);
    expect(fold.current).toBe(folded);
    expect(fold.length).toBe(events.length);
    // The next events fold on from the adopted state, and the adopted state is a checkpoint.
    expect(fold.checkpointBefore(events.length).covers).toBe(events.length);
    expect(() => fold.adopt(folded, 3)).toThrow(RangeError);
  });

  it('folds pages in place between checkpoints, and is back at its last frozen state when an event cannot be folded', async () => {
    const events = await longPlan(100);
    const fold = new CheckpointedFold(1000);
    fold.add(events.slice(0, 50));
    const frozen = fold.current;
    expect(Object.isFrozen(frozen)).toBe(true);
    fold.add(events.slice(50, 80));
    expect(fold.peek().revision).toBe(79);
    const unfoldable = { ...events[85]!, data: null } as unknown as RecordedEvent;
    expect(() => fold.add([...events.slice(80, 85), unfoldable])).toThrow(TypeError);
    expect(fold.length).toBe(50);
    expect(fold.current).toBe(frozen);
    fold.add(events.slice(50));
    expect(fold.current.revision).toBe(events.length - 1);
    expect(fold.current.actionOrder).toEqual(evolveAll(initialPlanState(), events).actionOrder);
  });
});
