import { describe, it } from 'vitest';
import type { DomainEvent } from '../../src/index.js';
import { actors, given as givenPlan } from '../../src/testing/index.js';
import { actionAdded, planCreated } from '../fixtures.js';
import { childProtection, given, neet, recorded } from './given-outcomes.js';

const sn = { name: 'statistical neighbours', value: 54.6, source: 'DfE SFA 2018' };

describe('indicators: defining', () => {
  it('an admin defines an indicator with its polarity, unit, source and links to priorities and actions', () => {
    given([]).when({
      type: 'DefineIndicator',
      data: { indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', source: 'DfE Characteristics of children in need', priorities: ['1'] },
    }).then([childProtection()]);
  });

  it('only admins define indicators; an id is used once', () => {
    given([]).when({ type: 'DefineIndicator', data: { name: 'X', better: 'higher' }, actor: actors.reviewer }).thenThrows({ code: 'forbidden', rule: 'role' });
    given([childProtection()]).when({ type: 'DefineIndicator', data: { indicatorId: 'cp-rate', name: 'Again', better: 'higher' } }).thenThrows({ rule: 'unique', field: 'data.indicatorId' });
  });

  it('a band polarity needs a band, and only it has one', () => {
    given([]).when({ type: 'DefineIndicator', data: { name: 'Caseload', better: 'band' } }).thenThrows({ rule: 'band-required', field: 'data.band' });
    given([]).when({ type: 'DefineIndicator', data: { name: 'Caseload', better: 'higher', band: { low: 15, high: 20 } } }).thenThrows({ rule: 'band-only' });
    given([]).when({ type: 'DefineIndicator', data: { name: 'Caseload', better: 'sideways' } }).thenThrows({ code: 'invalid', field: 'data.better' });
  });

  it('links must name priorities and actions the plan has', () => {
    given([]).when({ type: 'DefineIndicator', data: { name: 'X', better: 'higher', priorities: ['9'] } }).thenThrows({ code: 'not-found', field: 'data.priorities.0' });
    given([]).when({ type: 'DefineIndicator', data: { name: 'X', better: 'higher', actions: ['P7.7'] } }).thenThrows({ code: 'not-found', field: 'data.actions.0' });
  });
});

describe('indicators: values, comparators and corrections', () => {
  it('an officer records a value with the comparators published for the period, each with its source', () => {
    given([childProtection()])
      .when({ type: 'RecordIndicatorValue', data: { indicator: 'cp-rate', period: '2018-03', value: 54, comparators: [sn] }, actor: actors.officer })
      .then([recorded('2018-03', 54, [sn])]);
  });

  it("a comparator without its own source takes the value's source and release", () => {
    given([childProtection()])
      .when({ type: 'RecordIndicatorValue', data: { indicator: 'cp-rate', period: '2018-03', value: 54, release: 'SFR 2018', comparators: [{ name: 'England', value: 45.3 }] }, actor: actors.officer })
      .then([{ type: 'IndicatorValueRecorded', data: { indicatorId: 'cp-rate', period: '2018-03', value: 54, source: 'DfE Characteristics of children in need', release: 'SFR 2018', comparators: [{ name: 'England', value: 45.3, source: 'DfE Characteristics of children in need, SFR 2018' }] } }]);
  });

  it('a comparator with no provenance at all is refused', () => {
    const bare = { ...childProtection(), data: { ...(childProtection().data as object), source: '' } } as ReturnType<typeof childProtection>;
    given([bare]).when({ type: 'RecordIndicatorValue', data: { indicator: 'cp-rate', period: '2018-03', value: 54, comparators: [{ name: 'England', value: 45 }] }, actor: actors.officer })
      .thenThrows({ rule: 'comparator-provenance', field: 'data.comparators.0.source' });
  });

  it('a period is recorded once; a restated value is a correction', () => {
    given([childProtection(), recorded('2018-03', 54)]).when({ type: 'RecordIndicatorValue', data: { indicator: 'cp-rate', period: '2018-03', value: 55 }, actor: actors.officer })
      .thenThrows({ rule: 'recorded-once', field: 'data.period' });
  });

  it('a reviewer corrects with a reason; the correction keeps before and after, and must change something', () => {
    const history = [childProtection(), recorded('2018-03', 54, [sn])];
    given(history).when({ type: 'CorrectIndicatorValue', data: { indicator: 'cp-rate', period: '2018-03', value: 53.8 }, actor: actors.reviewer, reason: 'Final release restated the rate' })
      .then([{ type: 'IndicatorValueCorrected', data: { indicatorId: 'cp-rate', period: '2018-03', before: { value: 54, comparators: [sn] }, after: { value: 53.8, comparators: [sn] } } }]);
    given(history).when({ type: 'CorrectIndicatorValue', data: { indicator: 'cp-rate', period: '2018-03', value: 53.8 }, actor: actors.reviewer }).thenThrows({ rule: 'reason-on-correction' });
    given(history).when({ type: 'CorrectIndicatorValue', data: { indicator: 'cp-rate', period: '2018-03', value: 54 }, actor: actors.reviewer, reason: 'x' }).thenThrows({ rule: 'correction-changes' });
    given(history).when({ type: 'CorrectIndicatorValue', data: { indicator: 'cp-rate', period: '2018-03', value: 50 }, actor: actors.officer, reason: 'x' }).thenThrows({ code: 'forbidden' });
    given(history).when({ type: 'CorrectIndicatorValue', data: { indicator: 'cp-rate', period: '2017-03', value: 50 }, actor: actors.reviewer, reason: 'x' }).thenThrows({ code: 'not-found', field: 'data.period' });
  });
});

describe('targets, baselines and milestones', () => {
  it('a reviewer sets trajectory points with a tolerance; a band indicator has no trajectory', () => {
    given([childProtection()]).when({ type: 'SetIndicatorTarget', data: { indicator: 'cp-rate', by: '2019-03', value: 50, tolerance: 2 }, actor: actors.reviewer })
      .then([{ type: 'IndicatorTargetSet', data: { indicatorId: 'cp-rate', by: '2019-03', value: 50, tolerance: 2 } }]);
    given([childProtection()]).when({ type: 'SetIndicatorTarget', data: { indicator: 'cp-rate', by: '2019-03', value: 50 }, actor: actors.officer }).thenThrows({ code: 'forbidden' });
    const band: DomainEvent = { type: 'IndicatorDefined', data: { indicatorId: 'caseload', name: 'Caseload', unit: '', better: 'band', band: { low: 15, high: 20 }, decimals: 0, frequency: 'monthly', source: 'digest', tolerance: 1, priorityIds: [], actionIds: [] } };
    given([band]).when({ type: 'SetIndicatorTarget', data: { indicator: 'caseload', by: '2019-03', value: 18 }, actor: actors.reviewer }).thenThrows({ rule: 'band-has-no-trajectory' });
  });

  it('links a milestone to an indicator and refuses milestones the action does not have', () => {
    given([neet()]).when({ type: 'LinkMilestone', data: { action: 'P1.1', milestone: 1, indicator: 'neet', value: 6.2 }, actor: actors.reviewer })
      .then([{ type: 'MilestoneLinked', data: { actionId: 'p1-1', milestone: 1, indicatorId: 'neet', value: 6.2 } }]);
    given([neet()]).when({ type: 'LinkMilestone', data: { action: 'P1.1', milestone: 3, indicator: 'neet', value: 5 }, actor: actors.reviewer }).thenThrows({ field: 'data.milestone', code: 'not-found' });
    given([neet()]).when({ type: 'LinkMilestone', data: { action: 'P1.1', milestone: 1, indicator: 'nope', value: 5 }, actor: actors.reviewer }).thenThrows({ field: 'data.indicator' });
  });

  it('records a milestone met with evidence the plan holds', () => {
    given([]).when({ type: 'RecordMilestone', data: { action: 'P1.1', milestone: 2, status: 'met', on: '2014-03-20', evidence: 'ev-1' }, actor: actors.officer })
      .then([{ type: 'MilestoneStatusRecorded', data: { actionId: 'p1-1', milestone: 2, status: 'met', on: '2014-03-20', evidenceId: 'ev-1' } }]);
    given([]).when({ type: 'RecordMilestone', data: { action: 'P1.1', milestone: 2, status: 'met', on: '2014-03-20', evidence: 'ev-9' }, actor: actors.officer }).thenThrows({ field: 'data.evidence' });
  });

  it('re-plans with a new date, who approved it and why', () => {
    given([]).when({ type: 'ReplanMilestone', data: { action: 'P1.1', milestone: 1, due: '2013-09-30', approvedBy: 'CYP Partnership' }, actor: actors.reviewer, reason: 'Connexions contract re-let' })
      .then([{ type: 'MilestoneReplanned', data: { actionId: 'p1-1', milestone: 1, previousDueDate: '2013-03-31', newDueDate: '2013-09-30', approvedBy: 'CYP Partnership' } }]);
    given([]).when({ type: 'ReplanMilestone', data: { action: 'P1.1', milestone: 1, due: '2013-09-30', approvedBy: 'x' }, actor: actors.reviewer }).thenThrows({ rule: 'reason-on-replan' });
    given([]).when({ type: 'ReplanMilestone', data: { action: 'P1.1', milestone: 1, due: '2013-03-31', approvedBy: 'x' }, actor: actors.reviewer, reason: 'x' }).thenThrows({ rule: 'date-changes' });
  });
});

describe('carried-over recommendations', () => {
  const tracker = () => givenPlan([
    { type: 'PlanCreated', data: { ...(planCreated().data as object), planId: 'ofsted-2016' } } as ReturnType<typeof planCreated>,
    actionAdded('Ofsted 1', null), actionAdded('Ofsted 2', null),
  ]).state;

  it('an action names the recommendation it carries, by plan and reference', () => {
    given([], { fromPlan: tracker() }).when({ type: 'LinkCarryOver', data: { action: 'P1.1', fromPlan: 'ofsted-2016', fromReference: 'ofsted 1' }, actor: actors.reviewer })
      .then([{ type: 'CarryOverLinked', data: { actionId: 'p1-1', fromPlanId: 'ofsted-2016', fromReference: 'Ofsted 1' } }]);
  });

  it('the plan and reference must exist; changing a link needs a reason', () => {
    given([], { fromPlan: tracker() }).when({ type: 'LinkCarryOver', data: { action: 'P1.1', fromPlan: 'ofsted-2016', fromReference: 'Ofsted 9' }, actor: actors.reviewer }).thenThrows({ field: 'data.fromReference' });
    given([], { fromPlan: null }).when({ type: 'LinkCarryOver', data: { action: 'P1.1', fromPlan: 'nowhere', fromReference: 'Ofsted 1' }, actor: actors.reviewer }).thenThrows({ field: 'data.fromPlan' });
    const linked: DomainEvent[] = [{ type: 'CarryOverLinked', data: { actionId: 'p1-1', fromPlanId: 'ofsted-2016', fromReference: 'Ofsted 1' } }];
    given(linked, { fromPlan: tracker() }).when({ type: 'LinkCarryOver', data: { action: 'P1.1', fromPlan: 'ofsted-2016', fromReference: 'Ofsted 2' }, actor: actors.reviewer }).thenThrows({ rule: 'reason-on-correction' });
    given(linked, { fromPlan: tracker() }).when({ type: 'LinkCarryOver', data: { action: 'P1.1', fromPlan: 'ofsted-2016', fromReference: 'Ofsted 1' }, actor: actors.reviewer, reason: 'x' }).thenThrows({ rule: 'link-changes' });
    given(linked, { fromPlan: tracker() }).when({ type: 'LinkCarryOver', data: { action: 'P1.1', fromPlan: 'ofsted-2016', fromReference: 'Ofsted 2' }, actor: actors.reviewer, reason: 'Board minute 12: it carries Ofsted 2' })
      .then([{ type: 'CarryOverLinked', data: { actionId: 'p1-1', fromPlanId: 'ofsted-2016', fromReference: 'Ofsted 2' } }]);
  });
});
