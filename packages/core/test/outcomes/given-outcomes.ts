import {
  decideOutcome, evolveOutcomesAll, initialOutcomeState, type Actor, type DomainEvent, type OutcomeCommand, type OutcomeState, type PlanState,
} from '../../src/index.js';
import { actors, asRecorded, decisionOf, given as givenPlan } from '../../src/testing/index.js';
import { actionAdded, planCreated, priorityAdded } from '../fixtures.js';

/** The development plan the outcome tests read: priorities 1 and 2, P1.1 with two NEET milestones, P2.1, evidence on P1.1. */
export function planEvents(): DomainEvent[] {
  const p11 = actionAdded('P1.1', 'p1');
  if (p11.type === 'ActionAdded')
    p11.data.milestones = [
      { text: '6.2% of 16-18 year olds NEET by March 2013', dueDate: '2013-03-31', dueText: 'March 2013' },
      { text: '5.7% of 16-18 year olds NEET by March 2014', dueDate: '2014-03-31', dueText: 'March 2014' },
    ];
  return [
    planCreated(), priorityAdded(1), priorityAdded(2), p11, actionAdded('P2.1', 'p2'),
    { type: 'EvidenceAttached', data: { evidenceId: 'ev-1', actionId: 'p1-1', title: 'Connexions return', kind: 'data', observedOn: '2013-04-10', link: 'https://example.org/neet', contentHash: null } },
  ];
}

export const plan = (): PlanState => givenPlan(planEvents()).state;

/**
 * given(outcome events).when(command).then(events) | thenThrows(rule), against the plan above
 * (or `fromPlan` for carry-overs). Every path asserts.
 */
export function given(events: readonly DomainEvent[], reads: { plan?: PlanState; fromPlan?: PlanState | null } = {}) {
  const state: OutcomeState = evolveOutcomesAll(initialOutcomeState(), asRecorded(events, 'outcomes-dev-plan'));
  return {
    state,
    when(command: { type: OutcomeCommand['type']; data: unknown; actor?: Actor; reason?: string | null }) {
      const run = () =>
        decideOutcome({
          type: command.type, data: command.data, plan: reads.plan ?? plan(), fromPlan: reads.fromPlan ?? null,
          metadata: { actor: command.actor ?? actors.admin, reason: command.reason ?? null, now: new Date('2018-05-01T10:00:00Z') },
        } as OutcomeCommand, state);
      return decisionOf(run);
    },
  };
}

/** Child protection plans per 10,000: lower is better, as the source documents argue it. */
export const childProtection = (extra: Partial<{ tolerance: number; actionIds: string[] }> = {}): DomainEvent => ({
  type: 'IndicatorDefined',
  data: {
    indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', band: null, decimals: 1, frequency: 'annual',
    source: 'DfE Characteristics of children in need', tolerance: extra.tolerance ?? 0, priorityIds: ['p1'], actionIds: extra.actionIds ?? [],
  },
});

export const recorded = (period: string, value: number, comparators: { name: string; value: number; source: string }[] = [], indicatorId = 'cp-rate'): DomainEvent => ({
  type: 'IndicatorValueRecorded', data: { indicatorId, period, value, source: 'DfE Characteristics of children in need', release: '', comparators },
});

export const neet = (): DomainEvent => ({
  type: 'IndicatorDefined',
  data: { indicatorId: 'neet', name: 'NEET 16-18', unit: '%', better: 'lower', band: null, decimals: 1, frequency: 'annual', source: 'Connexions', tolerance: 0, priorityIds: [], actionIds: ['p1-1'] },
});
