import { ruleBroken } from '../../shared/errors.js';
import type { DomainEvent } from '../../events/catalogue.js';
import type { PlanState } from '../state.js';
import type { CommandMetadata } from './command.js';
import type { CommandData } from './schemas.js';
import { findAction, requirePlan, requireReason } from './guards.js';

export function attachEvidence(data: CommandData<'AttachEvidence'>, state: PlanState): DomainEvent[] {
  requirePlan(state);
  const action = findAction(state, data.action);
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
  if (action.dueDate === data.newDueDate) throw ruleBroken('newDueDate', 'date-changes', `${action.ref} is already due on ${data.newDueDate}`);
  requireReason(metadata, 'reason-on-reschedule', 'a new due date must say why the old one moved');
  return [{ type: 'ActionRescheduled', data: { actionId: action.actionId, previousDueDate: action.dueDate, newDueDate: data.newDueDate, approvedBy: data.approvedBy } }];
}
