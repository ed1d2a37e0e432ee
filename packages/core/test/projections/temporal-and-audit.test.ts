import { describe, it, expect } from 'vitest';
import { createMemoryStore, createRagtrail, type Ragtrail } from '../../src/index.js';
import { actors } from '../../src/testing/index.js';

/** A clock the test moves by hand, so "as known at" questions have exact answers. */
const clockAt = (iso: string) => {
  let now = new Date(iso);
  return { now: () => now, set: (next: string) => void (now = new Date(next)) };
};

async function aprilReviewedThenCorrected(): Promise<{ rt: Ragtrail; planId: string }> {
  const clock = clockAt('2017-04-28T09:00:00Z');
  const rt = createRagtrail({ store: createMemoryStore(), now: clock.now, checkpointEvery: 3 });
  const { planId } = await rt.createPlan({ planId: 'tracker', title: 'Ofsted improvement plan', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, { actor: actors.admin });
  await rt.execute(planId, 'AddAction', { ref: 'Ofsted 1', title: 'Ensure accurate performance data is analysed', dueDate: '2017-12-31' }, { actor: actors.admin });
  await rt.execute(planId, 'AddAction', { ref: 'Ofsted 2', title: 'Strengthen oversight of early help' }, { actor: actors.admin });
  await rt.execute(planId, 'OpenReview', { period: '2017-03', reviewer: 'Rory Patterson', reviewDate: '2017-03-28' }, { actor: actors.reviewer });
  await rt.execute(planId, 'OpenReview', { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, { actor: actors.reviewer });
  await rt.execute(planId, 'RecordEntry', { action: 'Ofsted 1', period: '2017-03', score: 2, update: 'Digest in build' }, { actor: actors.officer });
  await rt.execute(planId, 'RecordEntry', { action: 'Ofsted 2', period: '2017-03', score: 2, update: 'Review under way' }, { actor: actors.officer });
  await rt.execute(planId, 'RecordEntry', { action: 'Ofsted 1', period: '2017-04', score: 1, update: 'Actions a, b and c completed', direction: 'Improving' }, { actor: actors.officer, reason: 'Digest live' });
  await rt.execute(planId, 'RecordEntry', { action: 'Ofsted 2', period: '2017-04', score: 2, update: 'Phase 1 done', direction: 'Improving' }, { actor: actors.officer, reason: 'Direction as stated by the service' });
  clock.set('2017-05-02T10:00:00Z');
  await rt.execute(planId, 'SignOffReview', { period: '2017-04' }, { actor: actors.board });
  clock.set('2017-05-20T10:00:00Z');
  await rt.execute(planId, 'CorrectEntry', { action: 'Ofsted 1', period: '2017-04', score: 2 }, { actor: actors.reviewer, reason: 'Action c was not complete at the time of review' });
  return { rt, planId };
}

describe('temporal queries: what did the board see?', () => {
  it("answers April's summary as known on 10 May, before the later correction", async () => {
    const { rt, planId } = await aprilReviewedThenCorrected();
    const asBoardSaw = await rt.summary(planId, { period: '2017-04', asOf: '2017-05-10' });
    const now = await rt.summary(planId, { period: '2017-04' });
    expect(asBoardSaw.priorities[0]!.current.mean).toBe(1.5);
    expect(now.priorities[0]!.current.mean).toBe(2);
    expect(asBoardSaw.review?.status).toBe('signed-off');
    const beforeSignOff = await rt.summary(planId, { period: '2017-04', asOf: '2017-05-01T23:59:59Z' });
    expect(beforeSignOff.review?.status).toBe('open');
  });

  it('as known at now equals the live query', async () => {
    const { rt, planId } = await aprilReviewedThenCorrected();
    expect(await rt.summary(planId, { period: '2017-04', asOf: '2030-01-01T00:00:00Z' })).toEqual(await rt.summary(planId, { period: '2017-04' }));
  });

  it('refuses an as-of that is not a date, naming the field, and a moment before the plan existed', async () => {
    const { rt, planId } = await aprilReviewedThenCorrected();
    await expect(rt.summary(planId, { asOf: 'last Tuesday' })).rejects.toMatchObject({ code: 'invalid', field: 'asOf' });
    await expect(rt.summary(planId, { asOf: '2016-01-01' })).rejects.toMatchObject({ code: 'not-found', field: 'asOf' });
  });
});

describe('the audit trail', () => {
  it('lists every change with who, when, why and the before and after', async () => {
    const { rt, planId } = await aprilReviewedThenCorrected();
    const { total, records } = await rt.audit(planId);
    expect(total).toBe((await rt.history(planId)).length);
    const correction = records.find((r) => r.type === 'EntryCorrected')!;
    expect(correction).toMatchObject({
      actor: { name: actors.reviewer.name, role: 'reviewer' },
      reason: 'Action c was not complete at the time of review',
      ref: 'Ofsted 1',
      period: '2017-04',
      recordedAt: '2017-05-20T10:00:00.000Z',
      changes: [{ field: 'score', before: 1, after: 2 }],
    });
    // A new action lists what it was given, not the fields it left empty.
    const added = records.find((r) => r.type === 'ActionAdded' && r.ref === 'Ofsted 1')!;
    expect(added.changes.map((c) => c.field)).toEqual(['actionId', 'ref', 'title', 'dueDate']);
    expect(added.changes).toContainEqual({ field: 'dueDate', before: null, after: '2017-12-31' });
  });

  it('filters by action, by actor and by time, and pages', async () => {
    const { rt, planId } = await aprilReviewedThenCorrected();
    const forOfsted1 = await rt.audit(planId, { action: 'ofsted 1' });
    expect(forOfsted1.records.every((r) => r.ref === 'Ofsted 1')).toBe(true);
    expect(forOfsted1.records.map((r) => r.type)).toEqual(['ActionAdded', 'EntryRecorded', 'EntryRecorded', 'EntryCorrected']);
    expect((await rt.audit(planId, { actor: actors.board.name })).records.map((r) => r.type)).toEqual(['ReviewSignedOff']);
    expect((await rt.audit(planId, { since: '2017-05-01' })).records.map((r) => r.type)).toEqual(['ReviewSignedOff', 'EntryCorrected']);
    const page = await rt.audit(planId, { offset: 2, limit: 3 });
    expect(page.records.map((r) => r.revision)).toEqual([2, 3, 4]);
  });

  it('as known at a moment, the trail ends at that moment', async () => {
    const { rt, planId } = await aprilReviewedThenCorrected();
    const { records } = await rt.audit(planId, { asOf: '2017-05-10' });
    expect(records.some((r) => r.type === 'EntryCorrected')).toBe(false);
  });
});

describe('exceptions and evidence of sustained improvement', () => {
  it('flags the worst level, disagreement of stated and derived direction, and overdue actions', async () => {
    const { rt, planId } = await aprilReviewedThenCorrected();
    const { exceptions } = await rt.exceptions(planId, { period: '2017-04', asOf: '2017-05-10' });
    expect(exceptions.map((e) => [e.kind, e.ref])).toEqual([['direction-disagrees', 'Ofsted 2']]);
    await rt.execute(planId, 'OpenReview', { period: '2018-01', reviewer: 'Rory Patterson', reviewDate: '2018-01-28' }, { actor: actors.reviewer });
    const later = await rt.exceptions(planId, { period: '2018-01' });
    expect(later.exceptions.map((e) => [e.kind, e.ref])).toEqual([
      ['overdue', 'Ofsted 1'],
      ['not-updated', 'Ofsted 1'],
      ['not-updated', 'Ofsted 2'],
    ]);
  });

  it('gives each action its trajectory, how long it held its level, corrections after sign-off and disagreements', async () => {
    const { rt, planId } = await aprilReviewedThenCorrected();
    const { actions } = await rt.evidence(planId, { period: '2017-04' });
    const [o1, o2] = actions;
    expect(o1!.trajectory.map((t) => [t.period, t.score, t.corrections])).toEqual([['2017-03', 2, 0], ['2017-04', 2, 1]]);
    expect(o1!.heldPeriods).toBe(2);
    expect(o1!.corrections).toMatchObject([{ afterSignOff: true, reason: 'Action c was not complete at the time of review', before: { score: 1 }, after: { score: 2 } }]);
    expect(o2!.disagreements).toEqual([{ period: '2017-04', stated: 'Improving', derived: 'Maintained', previousScore: 2, score: 2 }]);
    // Each action lists its own corrections only, and only those of periods up to the one asked.
    expect(o2!.corrections).toEqual([]);
    const march = await rt.evidence(planId, { period: '2017-03' });
    expect(march.actions.map((a) => a.corrections)).toEqual([[], []]);
    const justO1 = await rt.evidence(planId, { action: 'Ofsted 1' });
    expect(justO1.actions.map((a) => a.corrections.map((c) => c.period))).toEqual([['2017-04']]);
    await expect(rt.evidence(planId, { action: 'Ofsted 99' })).rejects.toMatchObject({ code: 'not-found', field: 'action' });
  });

  it('says whether an action meets the removal rule', async () => {
    const rt = createRagtrail({ store: createMemoryStore() });
    const { planId } = await rt.createPlan({ title: 'Dev plan', organisation: 'Thurrock Council' }, { actor: actors.admin });
    await rt.execute(planId, 'AddAction', { ref: 'P1.1', title: 'Supervision compliance' }, { actor: actors.admin });
    await rt.execute(planId, 'AttachEvidence', { action: 'P1.1', title: 'Supervision audit: 85% compliance', kind: 'audit', observedOn: '2018-01-05', link: 'https://intranet.example/supervision' }, { actor: actors.officer });
    for (const period of ['2018-01', '2018-02', '2018-03']) {
      await rt.execute(planId, 'OpenReview', { period, reviewer: 'R', reviewDate: `${period}-28` }, { actor: actors.reviewer });
      await rt.execute(planId, 'RecordEntry', { action: 'P1.1', period, score: 4, update: 'Sustained' }, { actor: actors.officer });
    }
    const [action] = (await rt.evidence(planId)).actions;
    expect(action).toMatchObject({ heldPeriods: 3, meetsRemovalRule: true, retiredInPeriod: null });
    expect(action!.evidence.map((e) => e.observedOn)).toEqual(['2018-01-05']);
    const [two] = (await rt.evidence(planId, { period: '2018-02' })).actions;
    expect(two).toMatchObject({ heldPeriods: 2, meetsRemovalRule: false });
  });
});
