import { actionsInOrder, type Actor, type OutcomeCommandOf, type Ragtrail } from '@ragtrail/core';
import { demoPlanIds } from './history.js';
import { carriedMention } from '../tracker/carried-mention.js';

/*
 * The demo's outcomes, with the figures of the source documents: the 2018 scrutiny progress
 * report on the development plan (003) and the Children and Young People's Plan 2013-16 (004).
 * Every figure below is the documents' own; months the documents leave open are chosen for the
 * demo and said so.
 */

const developmentPlan = demoPlanIds.developmentPlan;
const tracker = demoPlanIds.tracker;
/** The Children and Young People's Plan 2013-16: three of its objectives, with their numeric milestones. */
export const childrensPlanId = demoPlanIds.childrensPlan;

const people = {
  admin: { id: 'demo:admin', name: 'Demo administrator', role: 'admin' },
  reviewer: { id: 'demo:reviewer', name: 'Plan reviewer (demo)', role: 'reviewer' },
  officer: { id: 'demo:officer', name: 'Plan officer (demo)', role: 'officer' },
} as const satisfies Record<string, Actor>;
const why = (text: string) => `Demo history: ${text}`;

const scrutiny = 'Scrutiny progress report, Children’s Services Overview and Scrutiny, June 2018';
const sn = (value: number) => ({ name: 'statistical neighbours', value, source: scrutiny });

/** The scrutiny report's indicators (003, sections 3.3-3.8), linked to the plan's priorities and actions. */
const scrutinyIndicators: OutcomeCommandOf[] = [
  { type: 'DefineIndicator', data: { indicatorId: 'agency-social-workers', name: 'Agency social workers', unit: 'count', better: 'lower', decimals: 0, frequency: 'monthly', source: 'Workforce data', priorities: ['p1'], actions: ['P1.1'] } },
  { type: 'DefineIndicator', data: { indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', decimals: 1, source: 'DfE Characteristics of children in need', priorities: ['p3'], actions: ['P3.1'] } },
  { type: 'DefineIndicator', data: { indicatorId: 'lac-rate', name: 'Looked-after children', unit: 'per 10,000', better: 'lower', decimals: 1, source: 'DfE Children looked after in England', priorities: ['p4'], actions: ['P4.6'] } },
  { type: 'DefineIndicator', data: { indicatorId: 'placed-within-20-miles', name: 'Children in care placed within 20 miles of home', unit: '%', better: 'higher', decimals: 1, source: 'Placements data', priorities: ['p4'], actions: ['P4.1'] } },
  { type: 'DefineIndicator', data: { indicatorId: 'fostering-assessments-in-time', name: 'Fostering assessments within the national 8-month timescale', unit: '%', better: 'higher', decimals: 1, source: 'Fostering service data', priorities: ['p4'], actions: ['P4.1'] } },
  { type: 'DefineIndicator', data: { indicatorId: 'supervision-in-time', name: 'Supervision within timescale', unit: '%', better: 'higher', decimals: 0, frequency: 'monthly', source: 'Performance data digest', priorities: ['p8'], actions: ['P8.2'] } },
  { type: 'DefineIndicator', data: { indicatorId: 'net-foster-carers', name: 'Net increase in approved foster carers', unit: 'count', better: 'higher', decimals: 0, source: 'Fostering service data', priorities: ['p4'], actions: ['P4.1'] } },
  { type: 'RecordIndicatorValue', data: { indicator: 'agency-social-workers', period: '2016-03', value: 60, release: 'at the SIF inspection, March 2016' } },
  { type: 'RecordIndicatorValue', data: { indicator: 'agency-social-workers', period: '2018-05', value: 39, release: scrutiny } },
  { type: 'RecordIndicatorValue', data: { indicator: 'cp-rate', period: '2017-03', value: 68 } },
  { type: 'RecordIndicatorValue', data: { indicator: 'cp-rate', period: '2018-03', value: 54, release: scrutiny, comparators: [sn(54.6)] } },
  { type: 'RecordIndicatorValue', data: { indicator: 'lac-rate', period: '2017-03', value: 82 } },
  { type: 'RecordIndicatorValue', data: { indicator: 'lac-rate', period: '2018-03', value: 73.3, release: scrutiny, comparators: [sn(68)] } },
  { type: 'RecordIndicatorValue', data: { indicator: 'placed-within-20-miles', period: '2018-03', value: 87, release: scrutiny, comparators: [sn(82)] } },
  // 2017/18: 18 of 23 assessments; the year is recorded at its end, March 2018.
  { type: 'RecordIndicatorValue', data: { indicator: 'fostering-assessments-in-time', period: '2018-03', value: 78.2, release: scrutiny } },
  // "Current performance" in the June 2018 report: May 2018 is the demo's choice of month.
  { type: 'RecordIndicatorValue', data: { indicator: 'supervision-in-time', period: '2018-05', value: 85, release: scrutiny } },
  // "A net increase of 60 approved carers by 2020": by March 2020, the end of that year's plan.
  { type: 'SetIndicatorTarget', data: { indicator: 'net-foster-carers', by: '2020-03', value: 60 } },
];

/** The CYP plan's objectives with the documents' "where are we now" and milestones (004). */
const objectives = [
  {
    priority: { number: 1, title: 'Raise attainment at the end of all Key Stages with a particular focus on Early Years Foundation Stage, Key Stage One and Key Stage Two' },
    ref: 'O1.3', title: 'Increase our capacity to provide early-education to two-year olds in line with national targets',
    baseline: '70 places are offered to eligible families from targeted groups', target: 'Sufficient numbers of high quality places available',
    milestones: [{ text: '400 places by September 2013', dueDate: '2013-09-30', dueText: 'September 2013' }, { text: '800 places by September 2014', dueDate: '2014-09-30', dueText: 'September 2014' }],
    indicator: { indicatorId: 'early-education-places', name: 'Early-education places for two-year-olds', unit: 'places', better: 'higher' as const, decimals: 0, baseline: 70, points: [['2013-09', 400], ['2014-09', 800]] as const },
  },
  {
    priority: { number: 2, title: 'Ensure progression routes to higher level qualifications and employment' },
    ref: 'O2.3', title: 'Reduce the number of young people aged 16-18 who are NEET by 0.5% per annum until we are above the national average',
    baseline: '6.8% of 16-18 year olds are NEET', target: 'Performance is better than national levels on NEET',
    milestones: [{ text: '6.2% 16-18 year olds are NEET by March 2013', dueDate: '2013-03-31', dueText: 'March 2013' }, { text: '5.7% 16-18 year olds are NEET by March 2014', dueDate: '2014-03-31', dueText: 'March 2014' }],
    indicator: { indicatorId: 'neet-16-18', name: 'NEET 16-18', unit: '%', better: 'lower' as const, decimals: 1, baseline: 6.8, points: [['2013-03', 6.2], ['2014-03', 5.7]] as const },
  },
  {
    priority: { number: 3, title: 'Mitigate the impact of child poverty' },
    ref: 'O3.2', title: 'Increase parental employment and skills by providing access to adult training and skills development',
    baseline: '64.1% of adults in Thurrock are qualified to level 2', target: 'Level 2 increase by 5% per annum to reach above England average',
    milestones: [{ text: 'L2 (adults) 69.1% by October 2013', dueDate: '2013-10-31', dueText: 'October 2013' }, { text: 'L2 (adults) 74.1% by October 2014', dueDate: '2014-10-31', dueText: 'October 2014' }],
    indicator: { indicatorId: 'adults-level-2', name: 'Adults qualified to level 2', unit: '%', better: 'higher' as const, decimals: 1, baseline: 64.1, points: [['2013-10', 69.1], ['2014-10', 74.1]] as const },
  },
];
// The plan gives "where are we now" without a month; it starts in April 2013, so the demo dates the baselines December 2012.
// Baselines are not recorded as values: the documents give no later figures, so the milestones fall due unmet.
const baselinePeriod = '2012-12';

async function loadChildrensPlan(rt: Ragtrail, setTime: (at: string) => void): Promise<number> {
  setTime('2013-01-15T10:00:00Z');
  let events = (await rt.createPlan({ planId: childrensPlanId, title: "Children and Young People's Plan 2013-16", organisation: 'Thurrock Council', scheme: 'development-plan-5' }, { actor: people.admin, reason: why("the plan's objectives, as the plan sets them out") })).events.length;
  const batch = await rt.batch(childrensPlanId);
  for (const o of objectives) {
    const caller = { actor: people.admin, reason: why("the plan's objectives, as the plan sets them out") };
    batch.execute('AddPriority', { number: o.priority.number, title: o.priority.title }, caller);
    batch.execute('AddAction', { ref: o.ref, priorityId: `p${o.priority.number}`, title: o.title, baseline: o.baseline, target: o.target, milestones: o.milestones }, caller);
  }
  events += (await batch.commit()).events.length;
  const commands: OutcomeCommandOf[] = objectives.flatMap((o): OutcomeCommandOf[] => [
    { type: 'DefineIndicator', data: { ...o.indicator, frequency: 'annual', source: "Children and Young People's Plan 2013-16", priorities: [`p${o.priority.number}`], actions: [o.ref] } },
    { type: 'SetIndicatorBaseline', data: { indicator: o.indicator.indicatorId, period: baselinePeriod, value: o.indicator.baseline } },
    ...o.indicator.points.map(([by, value]): OutcomeCommandOf => ({ type: 'SetIndicatorTarget', data: { indicator: o.indicator.indicatorId, by, value } })),
    ...o.indicator.points.map(([, value], i): OutcomeCommandOf => ({ type: 'LinkMilestone', data: { action: o.ref, milestone: i + 1, indicator: o.indicator.indicatorId, value } })),
  ]);
  events += (await rt.executeOutcomes(childrensPlanId, commands, { actor: people.admin, reason: why("the plan's objectives, baselines and milestones") })).events.length;
  return events;
}

/**
 * Adds the demo's outcomes to plans that have none yet: the scrutiny report's indicators on the
 * development plan, its actions' carried-over Ofsted recommendations (each action names "Ofsted N"
 * in its title), and the CYP plan with its numeric milestones. `setTime` moves the demo's clock.
 */
export async function loadDemoOutcomes(rt: Ragtrail, setTime: (at: string) => void = () => {}): Promise<{ events: number; planIds: string[] }> {
  let events = 0;
  const planIds: string[] = [];
  if ((await rt.planExists(developmentPlan)) && (await rt.indicators(developmentPlan)).indicators.length === 0) {
    setTime('2018-07-31T16:00:00Z');
    const defs = scrutinyIndicators.filter((c) => c.type === 'DefineIndicator');
    events += (await rt.executeOutcomes(developmentPlan, defs, { actor: people.admin, reason: why('indicators of the scrutiny report') })).events.length;
    const rest = scrutinyIndicators.filter((c) => c.type !== 'DefineIndicator');
    const values = rest.filter((c) => c.type === 'RecordIndicatorValue');
    events += (await rt.executeOutcomes(developmentPlan, values, { actor: people.officer, reason: why('figures of the scrutiny report') })).events.length;
    events += (await rt.executeOutcomes(developmentPlan, rest.filter((c) => c.type !== 'RecordIndicatorValue'), { actor: people.reviewer, reason: why('the fostering recruitment target') })).events.length;
    if (await rt.planExists(tracker)) {
      const recommendations = actionsInOrder(await rt.loadPlan(tracker));
      const links: OutcomeCommandOf[] = [];
      for (const action of actionsInOrder(await rt.loadPlan(developmentPlan))) {
        // The same reading of "(Ofsted N)" as the import's.
        const named = carriedMention(action.ref, [{ text: action.title, column: 'title' }])?.reference;
        const carried = named === undefined ? undefined : recommendations.find((r) => r.ref.toLowerCase() === named.toLowerCase());
        if (carried) links.push({ type: 'LinkCarryOver', data: { action: action.ref, fromPlan: tracker, fromReference: carried.ref } });
      }
      if (links.length > 0) events += (await rt.executeOutcomes(developmentPlan, links, { actor: people.reviewer, reason: why('the plan names the Ofsted recommendation each action carries') })).events.length;
    }
  }
  if (!(await rt.planExists(childrensPlanId))) {
    events += await loadChildrensPlan(rt, setTime);
    planIds.push(childrensPlanId);
  }
  return { events, planIds };
}
