import { invalid, notFound, ruleBroken } from '../../shared/errors.js';
import type { ActionState, PlanState } from '../state.js';
import { findLevel, type ScoringLevel } from '../../scheme/scheme.js';
import type { CommandMetadata } from './command.js';

export function requirePlan(state: PlanState): void {
  if (state.status !== 'active') throw notFound('planId', 'No such plan: create it first');
}

// Reference -> action id, kept beside each `actions` record: immutable states share an unchanged
// record, and a batch's draft grows its record in place, so the index catches up with
// `actionOrder` (actions are only ever added) instead of being rebuilt per command. Ids, not
// action objects, are kept: a draft may replace an action object, never its id or reference.
const refIndexes = new WeakMap<PlanState['actions'], { indexed: number; ids: Map<string, string> }>();

/** The plan's action with this reference (any case), if any. */
export function actionByRef(state: PlanState, ref: string): ActionState | undefined {
  let index = refIndexes.get(state.actions);
  if (index === undefined) refIndexes.set(state.actions, (index = { indexed: 0, ids: new Map() }));
  for (; index.indexed < state.actionOrder.length; index.indexed++) {
    const action = state.actions.get(state.actionOrder[index.indexed]!);
    if (action) index.ids.set(action.ref.trim().toLowerCase(), action.actionId);
  }
  const id = index.ids.get(ref.trim().toLowerCase());
  return id === undefined ? undefined : state.actions.get(id);
}

export function findAction(state: PlanState, selector: string, field = 'action'): ActionState {
  const byId = state.actions.get(selector);
  if (byId) return byId;
  const byRef = actionByRef(state, selector);
  if (byRef) return byRef;
  throw notFound(field, `No action "${selector}" in plan ${state.planId}: give an action id or reference such as "${state.actions.get(state.actionOrder[0] ?? '')?.ref ?? 'Ofsted 1'}"`);
}

export function requireLevel(state: PlanState, score: number, field = 'score'): ScoringLevel {
  const level = findLevel(state.scheme, score);
  if (!level)
    throw invalid(field, 'scheme-level', `Score ${score} is not a level of the scheme "${state.scheme.name}": use one of ${state.scheme.levels.map((l) => `${l.value} (${l.label})`).join(', ')}`);
  return level;
}

export function requireReason(metadata: CommandMetadata, rule: string, why: string): string {
  const reason = metadata.reason?.trim();
  if (!reason) throw ruleBroken('reason', rule, `A reason is required: ${why}`);
  return reason;
}

/** "P2.1" -> "p2-1", "Ofsted 3" -> "ofsted-3": stable ids from the references people use. */
export const slugify = (text: string): string =>
  text.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'item';
