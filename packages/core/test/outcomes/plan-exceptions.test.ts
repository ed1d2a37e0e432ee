import { describe, expect, it } from 'vitest';
import { officer, seedNeetObjective } from '../../src/testing/index.js';

/** The Children and Young People's Plan shape, with a second milestone no indicator decides. */
const givenNeetObjective = () => seedNeetObjective([{ text: 'Careers service recommissioned', dueDate: '2013-03-31', dueText: 'March 2013' }]);

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
