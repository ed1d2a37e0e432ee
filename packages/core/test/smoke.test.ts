import { describe, it, expect } from 'vitest';
import { createMemoryStore, createRagtrail } from '../src/index.js';
import { actors } from '../src/testing/index.js';

describe('facade smoke', () => {
  it('creates a plan, records entries and summarises', async () => {
    const rt = createRagtrail({ store: createMemoryStore() });
    const { planId } = await rt.createPlan({ title: 'Dev plan', organisation: 'Thurrock' }, { actor: actors.admin });
    await rt.execute(planId, 'AddPriority', { number: 1, title: 'Workforce' }, { actor: actors.admin });
    await rt.execute(planId, 'AddAction', { ref: 'P1.1', priorityId: 'p1', title: 'Recruit' }, { actor: actors.admin });
    await rt.execute(planId, 'OpenReview', { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, { actor: actors.reviewer });
    await rt.execute(planId, 'RecordEntry', { action: 'P1.1', period: '2017-04', score: 2, update: 'started' }, { actor: actors.officer });
    const s = await rt.summary(planId);
    expect(s.priorities[0]!.current.mean).toBe(2);
    expect((await rt.verify()).ok).toBe(true);
  });
});
