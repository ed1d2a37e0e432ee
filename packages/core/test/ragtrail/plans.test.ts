import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail } from '../../src/index.js';

const admin = { actor: { id: 'ann', name: 'Ann Admin', role: 'admin' as const } };

describe('listing the plans', () => {
  it('lists every active plan with its size and latest review, and reports progress plan by plan', async () => {
    const rt = createRagtrail({ store: createMemoryStore() });
    await rt.createPlan({ planId: 'tracker', title: 'Ofsted recommendations', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, admin);
    await rt.execute('tracker', 'AddAction', { ref: 'Ofsted 1', title: 'Performance data' }, admin);
    await rt.execute('tracker', 'OpenReview', { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, admin);
    await rt.createPlan({ planId: 'dev', title: 'Development plan', organisation: 'Thurrock Council' }, admin);
    // Tokens live in their own stream: not a plan.
    await rt.issueToken({ name: 'Inspector Jones', role: 'viewer' }, admin);
    const progress: [number, number][] = [];
    const plans = await rt.plans({ onProgress: (done, total) => progress.push([done, total]) });
    expect(plans).toEqual([
      expect.objectContaining({ planId: 'tracker', actions: 1, priorities: 0, latestPeriod: '2017-04', schemeId: 'ofsted-tracker-3' }),
      expect.objectContaining({ planId: 'dev', actions: 0, latestPeriod: null, schemeId: 'development-plan-5' }),
    ]);
    expect(progress).toEqual([[1, 2], [2, 2]]);
  });
});
