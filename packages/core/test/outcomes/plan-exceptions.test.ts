import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, type Ragtrail } from '../../src/index.js';
import { admin, officer, reviewer, steppingClock } from '../../src/testing/index.js';

/** The Children and Young People's Plan shape: an objective with NEET milestones for March 2013 and 2014, followed by an indicator. */
async function givenNeetObjective(): Promise<Ragtrail> {
  const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock('2013-01-01T09:00:00.000Z') });
  await rt.createPlan({ planId: 'cypp', title: "Children and Young People's Plan", organisation: 'Thurrock Council' }, { actor: admin });
  await rt.execute('cypp', 'AddPriority', { number: 1, title: 'Skills' }, { actor: admin });
  await rt.execute('cypp', 'AddAction', {
    ref: 'O1', priorityId: 'p1', title: 'Reduce NEET', dueDate: '2014-12-31',
    milestones: [
      { text: '6.2% of 16-18 year olds NEET by March 2013', dueDate: '2013-03-31', dueText: 'March 2013' },
      { text: 'Careers service recommissioned', dueDate: '2013-03-31', dueText: 'March 2013' },
    ],
  }, { actor: admin });
  await rt.execute('cypp', 'OpenReview', { period: '2013-04', reviewer: 'Rory Patterson', reviewDate: '2013-04-28' }, { actor: reviewer });
  await rt.execute('cypp', 'RecordEntry', { action: 'O1', period: '2013-04', score: 2, update: 'Behind trajectory' }, { actor: officer });
  await rt.executeOutcome('cypp', 'DefineIndicator', { indicatorId: 'neet', name: 'NEET 16-18', unit: '%', better: 'lower', decimals: 1, source: 'Connexions', priorities: ['p1'] }, { actor: admin });
  await rt.executeOutcome('cypp', 'LinkMilestone', { action: 'O1', milestone: 1, indicator: 'neet', value: 6.2 }, { actor: reviewer });
  await rt.executeOutcome('cypp', 'SetIndicatorTarget', { indicator: 'neet', by: '2013-03', value: 6.2, tolerance: 0.3 }, { actor: reviewer });
  await rt.executeOutcome('cypp', 'RecordIndicatorValue', { indicator: 'neet', period: '2013-03', value: 6.8, source: 'Connexions March return' }, { actor: officer });
  return rt;
}

describe("the plan's exceptions include its outcomes", () => {
  it('given NEET at 6.8% against a milestone of 6.2%, when the board reads April 2013, then both outcome exceptions are sentences beside the actions', async () => {
    const rt = await givenNeetObjective();
    const result = await rt.exceptions('cypp', { period: '2013-04' });
    expect(result.period).toBe('2013-04');
    // The actions' list keeps its shape: the April entry is at Amber, nothing else is wrong with it.
    expect(result.exceptions.map((e) => e.kind)).toEqual([]);
    expect(result.outcomes).toEqual([
      { kind: 'off-target', ref: 'neet', actionId: null, indicatorId: 'neet', message: expect.stringContaining('NEET 16-18: 6.8% in March 2013') },
      { kind: 'milestone', ref: 'O1 #1', actionId: 'o1', indicatorId: 'neet', message: 'NEET 16-18: 6.8% in March 2013 against a milestone of 6.2%' },
      { kind: 'milestone', ref: 'O1 #2', actionId: 'o1', indicatorId: null, message: 'O1 milestone 2 "Careers service recommissioned" was due on 2013-03-31 and is not recorded as met' },
    ]);
    expect(result.outcomes[0]!.message).toContain('off target (6.2%)');
  });

  it('given a period before the milestones fell due, then no milestone is an exception yet', async () => {
    const rt = await givenNeetObjective();
    const { outcomes } = await rt.exceptions('cypp', { period: '2013-02' });
    expect(outcomes.filter((o) => o.kind === 'milestone')).toEqual([]);
  });

  it('given a milestone recorded as met, then it leaves the exceptions; the default period is the latest reviewed', async () => {
    const rt = await givenNeetObjective();
    await rt.executeOutcome('cypp', 'RecordMilestone', { action: 'O1', milestone: 2, status: 'met', on: '2013-03-20' }, { actor: officer });
    const result = await rt.exceptions('cypp');
    expect(result.period).toBe('2013-04');
    expect(result.outcomes.map((o) => o.ref)).toEqual(['neet', 'O1 #1']);
  });

  it('as known at a moment before the value was recorded, only the date-driven milestones are exceptions', async () => {
    const rt = await givenNeetObjective();
    const { records } = await rt.outcomeAudit('cypp');
    const beforeValue = records.find((r) => r.type === 'SetIndicatorTarget' || r.type === 'IndicatorTargetSet')!.recordedAt;
    const { outcomes } = await rt.exceptions('cypp', { period: '2013-04', asOf: beforeValue });
    expect(outcomes.map((o) => o.ref)).toEqual(['O1 #1', 'O1 #2']);
    expect(outcomes[0]!.message).toBe('O1 milestone 1 "6.2% of 16-18 year olds NEET by March 2013" was due on 2013-03-31 and is not recorded as met');
  });

  it('refuses a period that is not YYYY-MM, naming the field', async () => {
    const rt = await givenNeetObjective();
    await expect(rt.exceptions('cypp', { period: 'April' })).rejects.toMatchObject({ code: 'invalid', field: 'period' });
  });
});
