import { describe, expect, it } from 'vitest';
import { evolveOutcomesAll, indicatorView, initialOutcomeState, milestoneViews, targetAt, type DomainEvent } from '../../src/index.js';
import { asRecorded } from '../../src/testing/index.js';
import { childProtection, neet, plan, recorded } from './given-outcomes.js';

const fold = (events: DomainEvent[]) => evolveOutcomesAll(initialOutcomeState(), asRecorded(events, 'outcomes-dev-plan'));
const sn = (value: number) => ({ name: 'statistical neighbours', value, source: 'DfE SFA 2018' });

describe('derived facts through the polarity', () => {
  it('given 68 then 54 per 10,000 (lower is better) against statistical neighbours at 54.6: improving and better than them', () => {
    const view = indicatorView(fold([childProtection(), recorded('2017-03', 68), recorded('2018-03', 54, [sn(54.6)])]).indicators.get('cp-rate')!);
    expect(view.latest).toMatchObject({ period: '2018-03', value: 54 });
    expect(view.previous).toEqual({ period: '2017-03', value: 68 });
    expect(view.direction).toBe('improving');
    expect(view.comparators['statistical neighbours']).toEqual({ value: 54.6, better: true, relation: 'better', source: 'DfE SFA 2018' });
    expect(view.sentence).toBe('Children on a child protection plan: 54 per 10,000 in March 2018, improving from 68 per 10,000 in March 2017; better than statistical neighbours (54.6 per 10,000).');
  });

  it('the same figures for an indicator where higher is better read as declining and worse', () => {
    const higher = { ...childProtection(), data: { ...(childProtection().data as object), better: 'higher' } } as DomainEvent;
    const view = indicatorView(fold([higher, recorded('2017-03', 68), recorded('2018-03', 54, [sn(54.6)])]).indicators.get('cp-rate')!);
    expect(view.direction).toBe('declining');
    expect(view.comparators['statistical neighbours']!.better).toBe(false);
  });

  it('values equal at the shown decimals are maintained and in line with a comparator', () => {
    const view = indicatorView(fold([childProtection(), recorded('2017-03', 54.6), recorded('2018-03', 54.64, [sn(54.6)])]).indicators.get('cp-rate')!);
    expect(view.direction).toBe('maintained');
    expect(view.comparators['statistical neighbours']!.relation).toBe('same');
  });

  it('direction from the baseline uses the set baseline, else the first value', () => {
    const events = [childProtection(), recorded('2017-03', 68), recorded('2018-03', 70)];
    expect(indicatorView(fold(events).indicators.get('cp-rate')!).directionFromBaseline).toBe('declining');
    const withBaseline = [...events, { type: 'IndicatorBaselineSet', data: { indicatorId: 'cp-rate', period: '2016-03', value: 75 } } as DomainEvent];
    expect(indicatorView(fold(withBaseline).indicators.get('cp-rate')!).directionFromBaseline).toBe('improving');
  });

  it('a period query reads the indicator as it stood in that period', () => {
    const view = indicatorView(fold([childProtection(), recorded('2017-03', 68), recorded('2018-03', 54)]).indicators.get('cp-rate')!, '2017-12');
    expect(view.latest?.value).toBe(68);
    expect(view.previous).toBeNull();
  });
});

describe('targets and the RAG rule', () => {
  const target = (by: string, value: number, tolerance: number | null = null): DomainEvent => ({ type: 'IndicatorTargetSet', data: { indicatorId: 'cp-rate', by, value, tolerance } });

  it('on target at or better than the target, within tolerance when it misses by no more than the tolerance, else off target', () => {
    const at = (value: number) => indicatorView(fold([childProtection({ tolerance: 2 }), target('2018-03', 55), recorded('2018-03', value)]).indicators.get('cp-rate')!).rag;
    expect(at(54)).toBe('on-target');
    expect(at(55)).toBe('on-target');
    expect(at(57)).toBe('within-tolerance');
    expect(at(57.1)).toBe('off-target');
  });

  it('the trajectory runs in a straight line from the baseline to each point, and holds after the last', () => {
    const points = [{ by: '2013-03', value: 6.2 }, { by: '2014-03', value: 5.7 }];
    const baseline = { period: '2012-03', value: 6.8 };
    expect(targetAt(points, baseline, '2012-09')).toBeCloseTo(6.5);
    expect(targetAt(points, baseline, '2013-03')).toBe(6.2);
    expect(targetAt(points, baseline, '2013-09')).toBeCloseTo(5.95);
    expect(targetAt(points, baseline, '2016-03')).toBe(5.7);
    expect(targetAt(points, null, '2012-01')).toBe(6.2);
  });

  it('distance to target, and whether the next point is met at the current rate', () => {
    const events = [childProtection(), target('2018-03', 60), target('2019-03', 45), recorded('2017-03', 68), recorded('2018-03', 54)];
    const view = indicatorView(fold(events).indicators.get('cp-rate')!);
    expect(view.target).toMatchObject({ value: 60, distance: -6, next: { by: '2019-03', value: 45 }, willMeetNext: true });
    const slower = indicatorView(fold([...events.slice(0, 3), recorded('2017-03', 56), recorded('2018-03', 54)]).indicators.get('cp-rate')!);
    expect(slower.target?.willMeetNext).toBe(false);
  });

  it('a band indicator is on target inside its band and judged by distance outside it', () => {
    const band: DomainEvent = { type: 'IndicatorDefined', data: { indicatorId: 'caseload', name: 'Caseload', unit: '', better: 'band', band: { low: 15, high: 20 }, decimals: 0, frequency: 'monthly', source: 'digest', tolerance: 2, priorityIds: [], actionIds: [] } };
    const v = (a: number, b: number) => indicatorView(fold([band, recorded('2018-01', a, [], 'caseload'), recorded('2018-02', b, [], 'caseload')]).indicators.get('caseload')!);
    expect(v(25, 21)).toMatchObject({ direction: 'improving', rag: 'within-tolerance' });
    expect(v(18, 12)).toMatchObject({ direction: 'declining', rag: 'off-target' });
    expect(v(16, 19)).toMatchObject({ direction: 'maintained', rag: 'on-target' });
  });
});

describe('milestones', () => {
  const link = (milestone: number, value: number): DomainEvent => ({ type: 'MilestoneLinked', data: { actionId: 'p1-1', milestone, indicatorId: 'neet', value } });

  it('a milestone linked to an indicator is missed by the value for its month, written as a sentence', () => {
    const state = fold([neet(), link(1, 6.2), recorded('2013-03', 6.8, [], 'neet')]);
    const [first] = milestoneViews(plan(), state, '2013-04-15');
    expect(first).toMatchObject({ status: 'missed', decidedBy: 'indicator', link: { actual: { period: '2013-03', value: 6.8 } } });
    expect(first!.exception).toBe('NEET 16-18: 6.8% in March 2013 against a milestone of 6.2%');
  });

  it("the indicator's value wins over what was recorded, and meets a milestone before its date", () => {
    const recordedMissed: DomainEvent = { type: 'MilestoneStatusRecorded', data: { actionId: 'p1-1', milestone: 1, status: 'missed', on: '2013-03-31', evidenceId: null } };
    const state = fold([neet(), link(1, 6.2), recordedMissed, recorded('2013-01', 6.1, [], 'neet')]);
    expect(milestoneViews(plan(), state, '2013-02-01')[0]).toMatchObject({ status: 'met', decidedBy: 'indicator' });
  });

  it('without a value: what was recorded, else upcoming before the date and due after it', () => {
    expect(milestoneViews(plan(), fold([]), '2013-03-01')[0]).toMatchObject({ status: 'upcoming', exception: null });
    const due = milestoneViews(plan(), fold([]), '2013-04-01')[0]!;
    expect(due.status).toBe('due');
    expect(due.exception).toBe('P1.1 milestone 1 "6.2% of 16-18 year olds NEET by March 2013" was due on 2013-03-31 and is not recorded as met');
    const met: DomainEvent = { type: 'MilestoneStatusRecorded', data: { actionId: 'p1-1', milestone: 1, status: 'met', on: '2013-03-20', evidenceId: 'ev-1' } };
    expect(milestoneViews(plan(), fold([met]), '2013-04-01')[0]).toMatchObject({ status: 'met', decidedBy: 'recorded', evidenceId: 'ev-1' });
  });

  it('a re-planned milestone is due on its new date and keeps who approved it and why', () => {
    const replanned: DomainEvent = { type: 'MilestoneReplanned', data: { actionId: 'p1-1', milestone: 1, previousDueDate: '2013-03-31', newDueDate: '2013-09-30', approvedBy: 'CYP Partnership' } };
    const view = milestoneViews(plan(), fold([replanned]), '2013-04-01')[0]!;
    expect(view).toMatchObject({ status: 'upcoming', dueDate: '2013-09-30', plannedDate: '2013-03-31' });
    expect(view.replans).toEqual([expect.objectContaining({ approvedBy: 'CYP Partnership', newDueDate: '2013-09-30' })]);
  });
});
