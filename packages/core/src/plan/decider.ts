import { parseInput } from '../shared/errors.js';
import { requireRole } from '../access/permissions.js';
import type { DomainEvent } from '../events/catalogue.js';
import type { CommandMetadata } from './commands/command.js';
import { commandSchemas, type CommandInput, type PlanCommandType } from './commands/schemas.js';
import { addAction, addPriority, createPlan } from './commands/structure.js';
import { openReview, signOffReview } from './commands/reviews.js';
import { correctEntry, recordEntry } from './commands/entries.js';
import { attachEvidence, rescheduleAction } from './commands/evidence.js';
import { importFigures } from './commands/figures.js';
import { evolve } from './evolve.js';
import { initialPlanState, type PlanState } from './state.js';

/** A plan command as a front end sends it: untrusted data, validated by the decider. */
export type PlanCommand = { [K in PlanCommandType]: { type: K; data: CommandInput<K>; metadata: CommandMetadata } }[PlanCommandType];

/**
 * decide(command, state) -> events. Validates the input against the command's schema, checks the
 * actor's role, then the plan's rules; throws DomainError naming the field and the rule.
 */
export function decide(command: PlanCommand, state: PlanState): DomainEvent[] {
  const { metadata } = command;
  requireRole(metadata.actor.role, command.type);
  switch (command.type) {
    case 'CreatePlan': {
      const data = parseInput(commandSchemas.CreatePlan, command.data, 'data');
      return createPlan(data, state, data.planId ?? state.planId);
    }
    case 'AddPriority':
      return addPriority(parseInput(commandSchemas.AddPriority, command.data, 'data'), state);
    case 'AddAction':
      return addAction(parseInput(commandSchemas.AddAction, command.data, 'data'), state);
    case 'OpenReview':
      return openReview(parseInput(commandSchemas.OpenReview, command.data, 'data'), state);
    case 'RecordEntry':
      return recordEntry(parseInput(commandSchemas.RecordEntry, command.data, 'data'), state, metadata);
    case 'CorrectEntry':
      return correctEntry(parseInput(commandSchemas.CorrectEntry, command.data, 'data'), state, metadata);
    case 'SignOffReview':
      return signOffReview(parseInput(commandSchemas.SignOffReview, command.data, 'data'), state);
    case 'AttachEvidence':
      return attachEvidence(parseInput(commandSchemas.AttachEvidence, command.data, 'data'), state);
    case 'RescheduleAction':
      return rescheduleAction(parseInput(commandSchemas.RescheduleAction, command.data, 'data'), state, metadata);
    case 'ImportFigures':
      return importFigures(parseInput(commandSchemas.ImportFigures, command.data, 'data'), state);
  }
}

export const planDecider = { decide, evolve, initialState: initialPlanState };

export const planStream = (planId: string): string => `plan-${planId}`;
export const planIdOfStream = (stream: string): string | null => (stream.startsWith('plan-') ? stream.slice(5) : null);
