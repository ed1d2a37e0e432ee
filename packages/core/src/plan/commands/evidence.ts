import { invalid, ruleBroken } from '../../shared/errors.js';
import type { DomainEvent } from '../../events/catalogue.js';
import type { PlanState } from '../state.js';
import type { CommandMetadata } from './command.js';
import type { CommandData } from './schemas.js';
import { findAction, requirePlan, requireReason } from './guards.js';

/** Links a reader may follow safely: no javascript:, data:, file: or anything else a browser would run or open locally. */
const linkSchemes = ['https:', 'http:', 'mailto:'];
// The latest calendar day anywhere on Earth (UTC+14): evidence dated after it cannot have been seen yet.
const latestDayAt = (now: Date) => new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);

/**
 * Evidence items one action may carry. An inspector reads an action's evidence in one list (its
 * page, the evidence pack), so their number is bounded like any other size; real actions carry a
 * handful, and a long record of one kind (monthly audits over years) fits many times over.
 */
export const MAX_EVIDENCE_PER_ACTION = 500;

export function attachEvidence(data: CommandData<'AttachEvidence'>, state: PlanState, metadata: CommandMetadata): DomainEvent[] {
  requirePlan(state);
  if (data.observedOn > latestDayAt(metadata.now))
    throw invalid('observedOn', 'observed-by-now', `Evidence observed on ${data.observedOn} cannot be recorded on ${metadata.now.toISOString().slice(0, 10)}: it has not been observed yet`);
  if (data.link !== null) {
    let scheme: string | null = null;
    try { scheme = new URL(data.link).protocol; } catch { /* not an absolute URL: refused below */ }
    if (scheme === null || !linkSchemes.includes(scheme))
      throw invalid('link', 'link-scheme', `The link must be an absolute https:, http: or mailto: address, not ${JSON.stringify(data.link.slice(0, 40))}`);
  }
  const action = findAction(state, data.action);
  const carried = state.evidence.get(action.actionId)?.length ?? 0;
  if (carried >= MAX_EVIDENCE_PER_ACTION)
    throw ruleBroken('action', 'evidence-bounded', `Action ${action.ref} already carries ${carried} items of evidence, the most one action may (${MAX_EVIDENCE_PER_ACTION}): attach a summary of the older items instead`);
  // Derived from the revision so the decider stays pure and ids stay unique within the plan.
  const evidenceId = data.evidenceId ?? `evidence-${state.revision + 1}`;
  if ([...state.evidence.values()].some((list) => list.some((e) => e.evidenceId === evidenceId)))
    throw ruleBroken('evidenceId', 'unique', `Evidence ${evidenceId} is already attached`);
  const { action: _selector, ...rest } = data;
  return [{ type: 'EvidenceAttached', data: { ...rest, evidenceId, actionId: action.actionId } }];
}

export function rescheduleAction(data: CommandData<'RescheduleAction'>, state: PlanState, metadata: CommandMetadata): DomainEvent[] {
  requirePlan(state);
  const action = findAction(state, data.action);
  const carried = state.evidence.get(action.actionId)?.length ?? 0;
  if (carried >= MAX_EVIDENCE_PER_ACTION)
    throw ruleBroken('action', 'evidence-bounded', `Action ${action.ref} already carries ${carried} items of evidence, the most one action may (${MAX_EVIDENCE_PER_ACTION}): attach a summary of the older items instead`);
  if (action.dueDate === data.newDueDate) throw ruleBroken('newDueDate', 'date-changes', `${action.ref} is already due on ${data.newDueDate}`);
  requireReason(metadata, 'reason-on-reschedule', 'a new due date must say why the old one moved');
  return [{ type: 'ActionRescheduled', data: { actionId: action.actionId, previousDueDate: action.dueDate, newDueDate: data.newDueDate, approvedBy: data.approvedBy } }];
}
