import { invalid, notFound, ruleBroken } from '../../shared/errors.js';
import { shippedSchemes, ScoringScheme } from '../../scheme/scheme.js';
import type { DomainEvent } from '../../events/catalogue.js';
import type { PlanState } from '../state.js';
import type { CommandData } from './schemas.js';
import { actionByRef, requirePlan, slugify } from './guards.js';

export function createPlan(data: CommandData<'CreatePlan'>, state: PlanState, planId: string): DomainEvent[] {
  if (state.status !== 'empty') throw ruleBroken('planId', 'unique', `Plan ${state.planId} already exists`);
  const scheme = typeof data.scheme === 'string' ? shippedSchemes.find((s) => s.id === data.scheme) : ScoringScheme.parse(data.scheme);
  if (!scheme)
    throw invalid('scheme', 'known-scheme', `Unknown scoring scheme "${String(data.scheme)}": use ${shippedSchemes.map((s) => s.id).join(' or ')}, or give the levels`);
  return [{ type: 'PlanCreated', data: { ...data, planId, scheme } }];
}

/**
 * Priorities a plan may have. Real plans have a handful (the source documents: 5 to 16), and every
 * answer about a plan sends its priorities whole, so their number is bounded like any other size.
 */
export const MAX_PRIORITIES = 200;

export function addPriority(data: CommandData<'AddPriority'>, state: PlanState): DomainEvent[] {
  requirePlan(state);
  if (state.priorities.size >= MAX_PRIORITIES)
    throw ruleBroken('priorityId', 'priorities-bounded', `This plan has ${state.priorities.size} priorities, the most a plan may have (${MAX_PRIORITIES}): group actions under fewer priorities`);
  const priorityId = data.priorityId ?? `p${data.number}`;
  if (state.priorities.has(priorityId)) throw ruleBroken('priorityId', 'unique', `Priority ${priorityId} already exists`);
  if ([...state.priorities.values()].some((p) => p.number === data.number))
    throw ruleBroken('number', 'unique', `Priority number ${data.number} is already used in this plan`);
  return [{ type: 'PriorityAdded', data: { priorityId, number: data.number, title: data.title, description: data.description } }];
}

export function addAction(data: CommandData<'AddAction'>, state: PlanState): DomainEvent[] {
  requirePlan(state);
  const actionId = data.actionId ?? slugify(data.ref);
  if (state.actions.has(actionId)) throw ruleBroken('actionId', 'unique', `Action ${actionId} already exists`);
  if (actionByRef(state, data.ref))
    throw ruleBroken('ref', 'unique', `Reference "${data.ref}" is already used in this plan`);
  if (data.priorityId !== null && !state.priorities.has(data.priorityId))
    throw notFound('priorityId', `No priority ${data.priorityId} in this plan: add the priority first`);
  const { actionId: _ignored, ...rest } = data;
  return [{ type: 'ActionAdded', data: { ...rest, actionId } }];
}
