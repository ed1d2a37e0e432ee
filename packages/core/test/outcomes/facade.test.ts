import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, DomainError, GENESIS_HASH } from '../../src/index.js';
import { admin, officer, reviewer, seedPlan, steppingClock } from '../../src/testing/index.js';

async function setUp() {
  const store = createMemoryStore();
  const rt = createRagtrail({ store, now: steppingClock('2018-04-01T09:00:00.000Z') });
  await seedPlan(rt);
  await rt.executeOutcome('dev-plan', 'DefineIndicator', { indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', source: 'DfE CIN census', priorities: ['p1'], actions: ['P1.1'] }, { actor: admin });
  return { store, rt };
}

describe('outcomes through the facade: their own stream, the shared command handler', () => {
  it('records 68 then 54 against statistical neighbours at 54.6 and reads improving and better than them', async () => {
    const { rt } = await setUp();
    await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2017-03', value: 68 }, { actor: officer });
    const result = await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 54, comparators: [{ name: 'statistical neighbours', value: 54.6, source: 'DfE SFA 2018' }] }, { actor: officer });
    expect(result.events[0]).toMatchObject({ stream: 'outcomes-dev-plan', type: 'IndicatorValueRecorded', actor: officer });
    const [cp] = (await rt.indicators('dev-plan')).indicators;
    expect(cp).toMatchObject({ direction: 'improving', comparators: { 'statistical neighbours': { better: true, value: 54.6 } } });
    expect(cp!.sentence).toContain('better than statistical neighbours');
  });

  it('"as known at" shows the value the board had before a correction', async () => {
    const { rt } = await setUp();
    const first = await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 54 }, { actor: officer });
    await rt.executeOutcome('dev-plan', 'CorrectIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 53.8 }, { actor: reviewer, reason: 'final release' });
    expect((await rt.indicators('dev-plan', { asOf: first.events[0]!.recordedAt })).indicators[0]!.latest?.value).toBe(54);
    expect((await rt.indicators('dev-plan')).indicators[0]!.latest).toMatchObject({ value: 53.8, corrections: 1 });
  });

  it('the outcome audit trail says who changed what, when and why, with before and after, as the log stood then', async () => {
    const { rt } = await setUp();
    const first = await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 54 }, { actor: officer });
    await rt.executeOutcome('dev-plan', 'CorrectIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 53.8 }, { actor: reviewer, reason: 'final release' });
    const { records } = await rt.outcomeAudit('dev-plan');
    expect(records.map((r) => r.type)).toEqual(['IndicatorDefined', 'IndicatorValueRecorded', 'IndicatorValueCorrected']);
    expect(records[2]).toMatchObject({ actor: reviewer, reason: 'final release', ref: 'cp-rate', period: '2018-03', changes: [{ field: 'value', before: 54, after: 53.8 }] });
    expect((await rt.outcomeAudit('dev-plan', { asOf: first.events[0]!.recordedAt })).total).toBe(2);
  });

  it('refuses an unknown plan and a pinned revision that moved on, as plan commands do', async () => {
    const { rt } = await setUp();
    await expect(rt.executeOutcome('nope', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 1 }, { actor: officer })).rejects.toMatchObject({ code: 'not-found', field: 'planId' });
    await expect(rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 1 }, { actor: officer, expectedRevision: 7 })).rejects.toBeInstanceOf(DomainError);
  });

  it('a batch of outcome commands is one append or none', async () => {
    const { rt, store } = await setUp();
    const before = await store.streamRevision('outcomes-dev-plan');
    await expect(rt.executeOutcomes('dev-plan', [
      { type: 'RecordIndicatorValue', data: { indicator: 'cp-rate', period: '2017-03', value: 68 } },
      { type: 'RecordIndicatorValue', data: { indicator: 'cp-rate', period: '2017-03', value: 70 } },
    ], { actor: officer })).rejects.toMatchObject({ rule: 'recorded-once' });
    expect(await store.streamRevision('outcomes-dev-plan')).toBe(before);
  });

  it('verify covers the outcome stream: a forged outcome event is named', async () => {
    const { rt, store } = await setUp();
    expect(await rt.verify({ planId: 'dev-plan' })).toMatchObject({ ok: true, streams: 2 });
    const [first] = await store.readStream('outcomes-dev-plan', { maxCount: 1 });
    await store.append('outcomes-forged', [{ ...first!, stream: 'outcomes-forged', prevHash: GENESIS_HASH, hash: 'f'.repeat(64) }], { expectedRevision: -1 });
    expect(await rt.verify()).toMatchObject({ ok: false, firstBreak: { stream: 'outcomes-forged' } });
  });

  it('off-target indicators and overdue milestones join the exceptions as sentences', async () => {
    const { rt } = await setUp();
    await rt.executeOutcome('dev-plan', 'SetIndicatorTarget', { indicator: 'cp-rate', by: '2018-03', value: 50, tolerance: 2 }, { actor: reviewer });
    await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 54 }, { actor: officer });
    const { exceptions } = await rt.outcomeExceptions('dev-plan');
    expect(exceptions).toEqual([expect.objectContaining({ kind: 'off-target', message: expect.stringContaining('off target (50 per 10,000)') })]);
  });
});

/** The inspection plan the dev plan carries from: two recommendations; answers the command that added the second. */
async function inspectionPlan(rt: Awaited<ReturnType<typeof setUp>>['rt']) {
  await rt.createPlan({ planId: 'ofsted-2016', title: 'Ofsted SIF tracker', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, { actor: admin });
  await rt.execute('ofsted-2016', 'AddAction', { ref: 'Ofsted 1', title: 'Reduce reliance on agency social workers' }, { actor: admin });
  return rt.execute('ofsted-2016', 'AddAction', { ref: 'Ofsted 2', title: 'Improve management oversight' }, { actor: admin });
}

describe('coverage of an inspection plan', () => {
  it('lists the later actions carrying each recommendation, and makes an uncarried one an exception', async () => {
    const { rt } = await setUp();
    const added = await inspectionPlan(rt);
    await rt.executeOutcome('dev-plan', 'LinkCarryOver', { action: 'P1.1', fromPlan: 'ofsted-2016', fromReference: 'Ofsted 1' }, { actor: reviewer });
    const result = await rt.coverage('ofsted-2016');
    expect(result.recommendations[0]).toMatchObject({
      ref: 'Ofsted 1', status: 'open', exception: null,
      carriedBy: [{ planId: 'dev-plan', ref: 'P1.1', latest: { period: '2017-05', score: 3 } }],
      indicators: [{ planId: 'dev-plan', indicatorId: 'cp-rate' }],
    });
    expect(result.recommendations[1]!.carriedBy).toEqual([]);
    expect(result.exceptions).toEqual(['Ofsted 2 "Improve management oversight" is carried by no action in a later plan']);
    // As known before the link was recorded, nothing carried either recommendation.
    expect((await rt.coverage('ofsted-2016', { asOf: added.events.at(-1)!.recordedAt })).exceptions).toHaveLength(2);
  });
});

describe("coverage as a plan's readers see it", () => {
  it('shows the earlier plan this plan carries from, whole, and the inspection plan its own recommendations once carried; as of before the link, neither', async () => {
    const { rt } = await setUp();
    const before = await inspectionPlan(rt);
    await rt.createPlan({ planId: 'unrelated', title: 'Another plan', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, { actor: admin });
    await rt.executeOutcome('dev-plan', 'LinkCarryOver', { action: 'P1.1', fromPlan: 'ofsted-2016', fromReference: 'Ofsted 1' }, { actor: reviewer });

    const later = await rt.coverageView('dev-plan');
    expect(later.rows.map((r) => [r.fromPlanId, r.recommendation.ref])).toEqual([['ofsted-2016', 'Ofsted 1'], ['ofsted-2016', 'Ofsted 2']]);
    expect(later.rows[1]!.recommendation.exception).toContain('carried by no action');
    expect((await rt.coverageView('ofsted-2016')).rows.map((r) => r.recommendation.ref)).toEqual(['Ofsted 1', 'Ofsted 2']);
    expect((await rt.coverageView('unrelated')).rows).toEqual([]);

    const asOf = before.events.at(-1)!.recordedAt;
    expect((await rt.coverageView('dev-plan', { asOf })).rows).toEqual([]);
    expect((await rt.coverageView('ofsted-2016', { asOf })).rows).toEqual([]);
  });

  it("says when a plan was last written, its outcome stream included, without replaying either", async () => {
    const { store, rt } = await setUp();
    const planTime = (await rt.loadPlan('dev-plan')).lastRecordedAt!;
    const outcomeEvents = await store.readStream('outcomes-dev-plan');
    expect(await rt.lastRecordedAt('dev-plan')).toBe(outcomeEvents.at(-1)!.recordedAt);
    expect(outcomeEvents.at(-1)!.recordedAt > planTime).toBe(true);
    await rt.execute('dev-plan', 'AddAction', { ref: 'P2.2', priorityId: 'p2', title: 'Later action' }, { actor: admin });
    expect(await rt.lastRecordedAt('dev-plan')).toBe((await rt.loadPlan('dev-plan')).lastRecordedAt);
    await expect(rt.lastRecordedAt('no-such-plan')).rejects.toBeInstanceOf(DomainError);
  });
});
