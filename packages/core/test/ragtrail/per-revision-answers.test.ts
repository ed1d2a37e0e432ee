import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail } from '../../src/index.js';
import { actors, admin, officer, reviewer, seedPlan, steppingClock } from '../../src/testing/index.js';

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

describe('the coverage of recommendations, kept while nothing it reads changes', () => {
  /** An inspection plan of two recommendations, a later plan carrying the first, and a plan carrying nothing. */
  async function plans() {
    const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock('2018-04-01T09:00:00.000Z') });
    await seedPlan(rt);
    await rt.createPlan({ planId: 'ofsted-2016', title: 'Ofsted SIF tracker', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, { actor: admin });
    await rt.execute('ofsted-2016', 'AddAction', { ref: 'Ofsted 1', title: 'Reduce reliance on agency social workers' }, { actor: admin });
    await rt.execute('ofsted-2016', 'AddAction', { ref: 'Ofsted 2', title: 'Improve management oversight' }, { actor: admin });
    await rt.executeOutcome('dev-plan', 'LinkCarryOver', { action: 'P1.1', fromPlan: 'ofsted-2016', fromReference: 'Ofsted 1' }, { actor: reviewer });
    return rt;
  }

  it('given no change, the same coverage is answered again, to the coverage and to the dashboard view, without computing it', async () => {
    const rt = await plans();
    const first = await rt.coverage('ofsted-2016');
    expect(await rt.coverage('ofsted-2016')).toBe(first);
    expect((await rt.coverageView('ofsted-2016')).rows.map((r) => r.recommendation)).toEqual(first.recommendations);
    expect((await rt.coverageView('ofsted-2016')).rows[0]!.recommendation).toBe(first.recommendations[0]);
    // "As known at" is computed afresh, and equal while nothing changed since.
    const asOf = await rt.coverage('ofsted-2016', { asOf: '2030-01-01T00:00:00Z' });
    expect(asOf).not.toBe(first);
    expect(asOf).toEqual(first);
  });

  it('given a change to the plan, its outcomes, or a plan carrying it, the coverage is computed afresh and shows the change', async () => {
    const rt = await plans();
    const first = await rt.coverage('ofsted-2016');
    await rt.execute('ofsted-2016', 'AddAction', { ref: 'Ofsted 3', title: 'Strengthen the front door' }, { actor: admin });
    const added = await rt.coverage('ofsted-2016');
    expect(added).not.toBe(first);
    expect(added.recommendations.map((r) => r.ref)).toEqual(['Ofsted 1', 'Ofsted 2', 'Ofsted 3']);
    // The carrying plan scores its action: the plan asked about is unchanged, its coverage is not.
    await rt.execute('dev-plan', 'OpenReview', { period: '2017-06', reviewer: 'Rory Patterson', reviewDate: '2017-06-28' }, { actor: reviewer });
    await rt.execute('dev-plan', 'RecordEntry', { action: 'P1.1', period: '2017-06', score: 2, update: 'Agency staff 40' }, { actor: officer, reason: 'Two agency staff returned' });
    const scored = await rt.coverage('ofsted-2016');
    expect(scored).not.toBe(added);
    expect(scored.recommendations[0]!.carriedBy[0]!.latest).toMatchObject({ period: '2017-06', score: 2 });
    // The carrying plan's outcomes link a second recommendation.
    await rt.executeOutcome('dev-plan', 'LinkCarryOver', { action: 'P1.2', fromPlan: 'ofsted-2016', fromReference: 'Ofsted 2' }, { actor: reviewer });
    const linked = await rt.coverage('ofsted-2016');
    expect(linked).not.toBe(scored);
    expect(linked.recommendations[1]!.carriedBy.map((c) => c.ref)).toEqual(['P1.2']);
    expect(linked.exceptions).toEqual(['Ofsted 3 "Strengthen the front door" is carried by no action in a later plan']);
  });

  it('given many changes beside the plan at one revision of it, each coverage answered is of the latest state, and kept until the next change (at most 64 questions a revision)', async () => {
    const rt = await plans();
    const first = await rt.coverage('ofsted-2016');
    // Each change to the carrying plan is a new question at the inspection plan's same revision.
    for (let i = 0; i < 64; i++) {
      await rt.execute('dev-plan', 'AttachEvidence', { action: 'P1.1', title: `Minutes ${i}`, kind: 'document', observedOn: '2017-05-28', link: `https://example.org/minutes/${i}` }, { actor: officer });
      await rt.coverage('ofsted-2016');
    }
    // Each was a new question at the same revision of the inspection plan; the answer now is the latest state's.
    const now = await rt.coverage('ofsted-2016');
    expect(now).toBe(await rt.coverage('ofsted-2016'));
    expect(now.recommendations[0]!.evidence).toHaveLength(first.recommendations[0]!.evidence.length + 64);
  });
});
