import { ruleBroken } from '../../shared/errors.js';
import { periodEnd, periodLabel, previousPeriod } from '../../shared/period.js';
import { directionBetween, findLevel, type ScoringLevel } from '../../scheme/scheme.js';
import type { DomainEvent } from '../../events/catalogue.js';
import { entryAt, latestEntryBefore, type ActionState, type PlanState } from '../state.js';
import type { CommandMetadata } from './command.js';
import type { CommandData } from './schemas.js';
import { findAction, requireLevel, requirePlan, requireReason } from './guards.js';

/** A level that demands evidence is refused unless evidence dated on or before the period's end is attached. */
function requireEvidence(state: PlanState, action: ActionState, level: ScoringLevel, period: string): void {
  if (!level.requiresEvidence) return;
  const end = periodEnd(period);
  const dated = (state.evidence.get(action.actionId) ?? []).filter((e) => e.observedOn <= end);
  if (dated.length === 0)
    throw ruleBroken('score', 'evidence-required', `Score ${level.value} (${level.label}) needs evidence dated on or before ${end}: attach evidence to ${action.ref} first`);
}

/**
 * The removal level is earned: the action must have held an evidenced completed level for the
 * plan's number of consecutive periods immediately before this one.
 */
function requireSustained(state: PlanState, action: ActionState, level: ScoringLevel, period: string): void {
  if (!level.allowsRemoval) return;
  let p = period;
  for (let held = 0; held < state.sustainPeriods; held++) {
    p = previousPeriod(p, state.cadence);
    const entry = entryAt(state, action.actionId, p);
    const entryLevel = entry ? findLevel(state.scheme, entry.score) : undefined;
    if (!entryLevel || !entryLevel.requiresEvidence || entryLevel.allowsRemoval)
      throw ruleBroken('score', 'sustained-before-removal', `Score ${level.value} (${level.label}) needs ${action.ref} to have held an evidenced completed level for ${state.sustainPeriods} consecutive periods before ${periodLabel(period)}; ${periodLabel(p)} ${entry ? `was scored ${entry.score}` : 'has no entry'}`);
  }
}

function requireActive(action: ActionState, period: string): void {
  if (action.retiredInPeriod !== null && period > action.retiredInPeriod)
    throw ruleBroken('period', 'action-retired', `${action.ref} left the active plan in ${periodLabel(action.retiredInPeriod)} and takes no later entries`);
}

export function recordEntry(data: CommandData<'RecordEntry'>, state: PlanState, metadata: CommandMetadata): DomainEvent[] {
  requirePlan(state);
  const action = findAction(state, data.action);
  requireActive(action, data.period);
  const review = state.reviews.get(data.period);
  if (!review) throw ruleBroken('period', 'review-open', `There is no review of ${periodLabel(data.period)}: open the review before recording entries`);
  if (review.status === 'signed-off')
    throw ruleBroken('period', 'signed-off', `The review of ${periodLabel(data.period)} is signed off: change its entries by correction, with a reason`);
  const level = requireLevel(state, data.score);
  const previous = latestEntryBefore(state, action.actionId, data.period);
  const previousScore = previous?.entry.score ?? null;
  const derivedDirection = directionBetween(state.scheme, previousScore, data.score);
  if (previousScore !== null && previousScore !== data.score)
    requireReason(metadata, 'reason-on-score-change', `the score changes from ${previousScore} in ${periodLabel(previous!.period)} to ${data.score}`);
  if (data.direction !== null && derivedDirection !== null && data.direction !== derivedDirection)
    requireReason(metadata, 'reason-on-direction-disagreement', `the stated direction "${data.direction}" disagrees with the scores, which show "${derivedDirection}"`);
  requireEvidence(state, action, level, data.period);
  requireSustained(state, action, level, data.period);
  const events: DomainEvent[] = [
    {
      type: 'EntryRecorded',
      data: {
        actionId: action.actionId, period: data.period, score: data.score, update: data.update,
        statedDirection: data.direction, derivedDirection, previousScore, source: data.source,
      },
    },
  ];
  if (level.allowsRemoval && action.retiredInPeriod === null)
    events.push({ type: 'ActionRetired', data: { actionId: action.actionId, period: data.period } });
  return events;
}

export function correctEntry(data: CommandData<'CorrectEntry'>, state: PlanState, metadata: CommandMetadata): DomainEvent[] {
  requirePlan(state);
  const action = findAction(state, data.action);
  const entry = entryAt(state, action.actionId, data.period);
  if (!entry) throw ruleBroken('period', 'entry-exists', `${action.ref} has no entry for ${periodLabel(data.period)} to correct: record one instead`);
  requireReason(metadata, 'reason-on-correction', 'every correction says why the recorded entry was wrong');
  const before = { score: entry.score, update: entry.update, statedDirection: entry.statedDirection };
  const after = {
    score: data.score ?? entry.score,
    update: data.update ?? entry.update,
    statedDirection: data.direction === undefined ? entry.statedDirection : data.direction,
  };
  if (after.score === before.score && after.update === before.update && after.statedDirection === before.statedDirection)
    throw ruleBroken('score', 'correction-changes-something', 'The correction is the same as the recorded entry: nothing to correct');
  const level = requireLevel(state, after.score);
  if (after.score !== before.score) {
    requireEvidence(state, action, level, data.period);
    requireSustained(state, action, level, data.period);
  }
  const derivedDirection = directionBetween(state.scheme, latestEntryBefore(state, action.actionId, data.period)?.entry.score ?? null, after.score);
  const afterSignOff = state.reviews.get(data.period)?.status === 'signed-off';
  const events: DomainEvent[] = [
    { type: 'EntryCorrected', data: { actionId: action.actionId, period: data.period, before, after, derivedDirection, afterSignOff } },
  ];
  if (level.allowsRemoval && action.retiredInPeriod === null)
    events.push({ type: 'ActionRetired', data: { actionId: action.actionId, period: data.period } });
  return events;
}
