import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail } from '../../src/index.js';
import { actors } from '../../src/testing/index.js';

describe('answers kept while a plan is unchanged', () => {
  it('given no change, the same exceptions and summary are answered again without computing them; a change, an as-of question or another period computes afresh', async () => {
    const rt = createRagtrail({ store: createMemoryStore(), now: () => new Date('2017-05-02T09:00:00Z') });
    const { planId } = await rt.createPlan({ planId: 'kept', title: 'Kept answers', organisation: 'Thurrock Council' }, { actor: actors.admin });
    await rt.execute(planId, 'AddAction', { ref: 'P1.1', title: 'Reduce agency social workers', dueDate: '2017-03-31' }, { actor: actors.admin });
    await rt.execute(planId, 'OpenReview', { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, { actor: actors.reviewer });
    const first = await rt.exceptions(planId, { period: '2017-04' });
    expect(first.exceptions.map((e) => e.kind)).toContain('overdue');
    expect((await rt.exceptions(planId, { period: '2017-04' })).exceptions).toBe(first.exceptions);
    const summary = await rt.summary(planId, { period: '2017-04' });
    expect(await rt.summary(planId, { period: '2017-04' })).toBe(summary);
    // Another period, or "as known at", is its own question.
    expect((await rt.exceptions(planId, { period: '2017-03' })).exceptions).not.toBe(first.exceptions);
    expect((await rt.exceptions(planId, { period: '2017-04', asOf: '2017-05-02' })).exceptions).not.toBe(first.exceptions);
    await rt.execute(planId, 'RecordEntry', { action: 'P1.1', period: '2017-04', score: 2, update: 'Agency staff 52' }, { actor: actors.officer });
    const after = await rt.exceptions(planId, { period: '2017-04' });
    expect(after.exceptions).not.toBe(first.exceptions);
    expect(after.exceptions.map((e) => e.kind)).not.toContain('not-updated');
    expect(await rt.summary(planId, { period: '2017-04' })).not.toBe(summary);
  });

  it('keeps a bounded number of answers per plan, whatever periods a client asks about', async () => {
    const rt = createRagtrail({ store: createMemoryStore(), now: () => new Date('2017-05-02T09:00:00Z') });
    const { planId } = await rt.createPlan({ planId: 'bounded', title: 'Bounded answers', organisation: 'Thurrock Council' }, { actor: actors.admin });
    const april = await rt.summary(planId, { period: '2017-04' });
    const periods = Array.from({ length: 64 }, (_, i) => `${2100 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    for (const period of periods) await rt.summary(planId, { period });
    const again = await rt.summary(planId, { period: '2017-04' });
    expect(again).not.toBe(april);
    expect(again).toEqual(april);
  });
});
