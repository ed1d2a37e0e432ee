import { notFound, ruleBroken } from '../../shared/errors.js';
import { periodLabel } from '../../shared/period.js';
import type { DomainEvent } from '../../events/catalogue.js';
import { entryAt, isActiveIn, type PlanState } from '../state.js';
import type { CommandMetadata } from './command.js';
import type { CommandData } from './schemas.js';
import { requirePlan, requireReason } from './guards.js';

/**
 * Reviews a plan may have: fifty years of monthly reviews. Every answer about a plan sends its
 * reviews whole, so their number is bounded like any other size.
 */
export const MAX_REVIEWS = 600;

export function openReview(data: CommandData<'OpenReview'>, state: PlanState): DomainEvent[] {
  requirePlan(state);
  if (state.reviews.size >= MAX_REVIEWS)
    throw ruleBroken('period', 'reviews-bounded', `This plan has ${state.reviews.size} reviews, the most a plan may have (${MAX_REVIEWS}): start a new plan for a new period of improvement`);
  const existing = state.reviews.get(data.period);
  if (existing)
    throw ruleBroken('period', 'one-review-per-period', `The review of ${periodLabel(data.period)} is already ${existing.status === 'open' ? 'open' : 'signed off'}`);
  return [{ type: 'ReviewOpened', data }];
}

/**
 * A board that signs off with actions not updated this period signs off scores carried forward
 * from earlier months: it must say so, naming how many, so the log shows it knew.
 */
function requireAcknowledgedNotUpdated(metadata: CommandMetadata, notUpdated: number, active: number, period: string): void {
  if (notUpdated === 0) return;
  const why = `${notUpdated} of ${active} actions were not updated for ${periodLabel(period)} (their earlier scores are carried forward): acknowledge it in the reason, naming how many (${notUpdated})`;
  const reason = requireReason(metadata, 'acknowledge-not-updated', why);
  if (!new RegExp(`(^|[^0-9])${notUpdated}([^0-9]|$)`).test(reason))
    throw ruleBroken('reason', 'acknowledge-not-updated', `The reason must name how many actions were not updated: ${why}`);
}

export function signOffReview(data: CommandData<'SignOffReview'>, state: PlanState, metadata: CommandMetadata): DomainEvent[] {
  requirePlan(state);
  const review = state.reviews.get(data.period);
  if (!review) throw notFound('period', `There is no review of ${periodLabel(data.period)} to sign off: open it first`);
  if (review.status === 'signed-off')
    throw ruleBroken('period', 'sign-off-once', `The review of ${periodLabel(data.period)} was already signed off by ${review.signedOffBy?.name} at ${review.signedOffAt}`);
  const active = [...state.actions.values()].filter((a) => isActiveIn(a, data.period));
  const entries = active.filter((a) => entryAt(state, a.actionId, data.period)).length;
  requireAcknowledgedNotUpdated(metadata, active.length - entries, active.length, data.period);
  return [{ type: 'ReviewSignedOff', data: { period: data.period, entries } }];
}
