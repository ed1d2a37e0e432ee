import { describe, it } from 'vitest';
import { actors, given } from '../../src/testing/index.js';
import { actionAdded, planCreated, priorityAdded } from '../fixtures.js';
import { developmentPlanScheme } from '../../src/index.js';
import { MAX_PRIORITIES } from '../../src/plan/commands/structure.js';

describe('creating plans, priorities and actions', () => {
  it('creates a plan with a shipped scheme named by id', () => {
    given([])
      .when({ type: 'CreatePlan', data: { planId: 'dev-plan', title: "Children's Social Care Development Plan 2017-19", organisation: 'Thurrock Council', scheme: 'development-plan-5' } })
      .then([planCreated()]);
  });

  it('refuses an unknown scheme, naming the field', () => {
    given([]).when({ type: 'CreatePlan', data: { planId: 'x', title: 'T', organisation: 'O', scheme: 'nope' } }).thenThrows({ code: 'invalid', field: 'scheme', rule: 'known-scheme' });
  });

  it("accepts a plan's own scheme and refuses one with duplicate levels", () => {
    const own = { ...developmentPlanScheme, id: 'own', levels: developmentPlanScheme.levels.slice(0, 3) };
    given([]).when({ type: 'CreatePlan', data: { planId: 'x', title: 'T', organisation: 'O', scheme: own } }).then([{
      type: 'PlanCreated',
      data: { planId: 'x', title: 'T', organisation: 'O', description: '', cadence: 'monthly', scheme: own, sustainPeriods: 3, overallMethod: 'mean-of-priorities' },
    }]);
    const bad = { ...own, levels: [own.levels[0], own.levels[0]] };
    given([]).when({ type: 'CreatePlan', data: { planId: 'x', title: 'T', organisation: 'O', scheme: bad } }).thenThrows({ code: 'invalid', field: 'data.scheme.levels' });
  });

  it('refuses to create a plan twice', () => {
    given([planCreated()]).when({ type: 'CreatePlan', data: { planId: 'dev-plan', title: 'T', organisation: 'O' } }).thenThrows({ rule: 'unique' });
  });

  it('refuses a missing title with the field and the rule', () => {
    given([]).when({ type: 'CreatePlan', data: { planId: 'x', title: '  ', organisation: 'O' } }).thenThrows({ code: 'invalid', field: 'data.title', rule: 'too_small' });
  });

  it('adds a numbered priority and refuses a duplicate number', () => {
    given([planCreated()]).when({ type: 'AddPriority', data: { number: 1, title: 'Priority 1' } }).then([priorityAdded(1)]);
    given([planCreated(), priorityAdded(1)]).when({ type: 'AddPriority', data: { priorityId: 'other', number: 1, title: 'Again' } }).thenThrows({ field: 'number', rule: 'unique' });
  });

  it('refuses a priority past the most a plan may have, and takes the last one before it', () => {
    const some = (n: number) => [planCreated(), ...Array.from({ length: n }, (_, i) => priorityAdded(i + 1))];
    given(some(MAX_PRIORITIES - 1)).when({ type: 'AddPriority', data: { number: MAX_PRIORITIES, title: 'The last' } }).then([priorityAdded(MAX_PRIORITIES, 'The last')]);
    given(some(MAX_PRIORITIES)).when({ type: 'AddPriority', data: { number: MAX_PRIORITIES + 1, title: 'One more' } }).thenThrows({ code: 'rule', field: 'priorityId', rule: 'priorities-bounded' });
  });

  it('adds an action under a priority, with an id derived from its reference', () => {
    given([planCreated(), priorityAdded(1)])
      .when({
        type: 'AddAction',
        data: { ref: 'P1.1', priorityId: 'p1', title: 'Action P1.1', lead: { name: 'Clare Moore', jobTitle: 'Strategic Lead' }, owners: ["Head of Children's Social Care"] },
      })
      .then([actionAdded('P1.1')]);
  });

  it('refuses an action under a priority that does not exist, and a reused reference', () => {
    given([planCreated()]).when({ type: 'AddAction', data: { ref: 'P9.1', priorityId: 'p9', title: 'T' } }).thenThrows({ code: 'not-found', field: 'priorityId' });
    given([planCreated(), priorityAdded(1), actionAdded('P1.1')]).when({ type: 'AddAction', data: { actionId: 'other', ref: 'p1.1', priorityId: 'p1', title: 'T' } }).thenThrows({ field: 'ref', rule: 'unique' });
  });

  it('refuses commands on a plan that does not exist', () => {
    given([]).when({ type: 'AddPriority', data: { number: 1, title: 'P' } }).thenThrows({ code: 'not-found' });
  });

  it('lets only admins create plans and viewers change nothing', () => {
    given([]).when({ type: 'CreatePlan', data: { planId: 'x', title: 'T', organisation: 'O' }, actor: actors.officer }).thenThrows({ code: 'forbidden', rule: 'role' });
    given([planCreated()]).when({ type: 'AddPriority', data: { number: 1, title: 'P' }, actor: actors.viewer }).thenThrows({ code: 'forbidden' });
  });
});
