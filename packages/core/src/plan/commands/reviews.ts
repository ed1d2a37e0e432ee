import { notFound, ruleBroken } from '../../shared/errors.js';
import { periodLabel } from '../../shared/period.js';
import type { DomainEvent } from '../../events/catalogue.js';
import { entryAt, isActiveIn, type PlanState } from '../state.js';
import type { CommandData } from './schemas.js';
import { requirePlan } from './guards.js';

export function openReview(data: CommandData<'OpenReview'>, state: PlanState): DomainEvent[] {
  requirePlan(state);
  const existing = state.reviews.get(data.period);
  if (existing)
    throw ruleBroken('period', 'one-review-per-period', `The review of ${periodLabel(data.period)} is already ${existing.status === 'open' ? 'open' : 'signed off'}`);
  return [{ type: 'ReviewOpened', data }];
}

export function signOffReview(data: CommandData<'SignOffReview'>, state: PlanState): DomainEvent[] {
  requirePlan(state);
  const review = state.reviews.get(data.period);
  if (!review) throw notFound('period', `There is no review of ${periodLabel(data.period)} to sign off: open it first`);
  if (review.status === 'signed-off')
    throw ruleBroken('period', 'sign-off-once', `The review of ${periodLabel(data.period)} was already signed off by ${review.signedOffBy?.name} at ${review.signedOffAt}`);
  const entries = [...state.actions.values()].filter((a) => isActiveIn(a, data.period) && entryAt(state, a.actionId, data.period)).length;
  return [{ type: 'ReviewSignedOff', data: { period: data.period, entries } }];
}
