import { invalid, notFound, ruleBroken } from '../../shared/errors.js';
import type { ActionState, PlanState } from '../state.js';
import { findLevel, type ScoringLevel } from '../../scheme/scheme.js';
import type { CommandMetadata } from './command.js';

export function requirePlan(state: PlanState): void {
  if (state.status !== 'active') throw notFound('planId', 'No such plan: create it first');
}

// States are immutable and share an unchanged `actions` record, so its reference index is built
// once per record, not once per command: an import of a long tracker names actions by reference.
const refIndexes = new WeakMap<PlanState['actions'], Map<string, ActionState>>();

/** The plan's action with this reference (any case), if any. */
export function actionByRef(state: PlanState, ref: string): ActionState | undefined {
  let index = refIndexes.get(state.actions);
  if (index === undefined) {
    index = new Map(Object.values(state.actions).map((a) => [a.ref.trim().toLowerCase(), a]));
    refIndexes.set(state.actions, index);
  }
  return index.get(ref.trim().toLowerCase());
}

export function findAction(state: PlanState, selector: string, field = 'action'): ActionState {
  const byId = state.actions[selector];
  if (byId) return byId;
  const byRef = actionByRef(state, selector);
  if (byRef) return byRef;
  throw notFound(field, `No action "${selector}" in plan ${state.planId}: give an action id or reference such as "${state.actions[state.actionOrder[0] ?? '']?.ref ?? 'Ofsted 1'}"`);
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
