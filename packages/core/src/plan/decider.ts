import { invalid, parseInput } from '../shared/errors.js';
import { requireRole } from '../access/permissions.js';
import type { DomainEvent } from '../events/catalogue.js';
import type { CommandMetadata } from './commands/command.js';
import { commandSchemas, type CommandData, type CommandInput, type PlanCommandType } from './commands/schemas.js';
import { addAction, addPriority, createPlan } from './commands/structure.js';
import { openReview, signOffReview } from './commands/reviews.js';
import { correctEntry, recordEntry } from './commands/entries.js';
import { attachEvidence, rescheduleAction } from './commands/evidence.js';
import { importFigures } from './commands/figures.js';
import { evolve } from './evolve.js';
import { initialPlanState, type PlanState } from './state.js';

/** A plan command as a front end sends it: untrusted data, validated by the decider. */
export type PlanCommand = { [K in PlanCommandType]: { type: K; data: CommandInput<K>; metadata: CommandMetadata } }[PlanCommandType];

type Handler<K extends PlanCommandType> = (data: CommandData<K>, state: PlanState, metadata: CommandMetadata) => DomainEvent[];

const handlers: { [K in PlanCommandType]: Handler<K> } = {
  CreatePlan: (data, state) => {
    if (!data.planId) throw invalid('data.planId', 'required', 'A new plan needs an id');
    return createPlan(data, state, data.planId);
  },
  AddPriority: addPriority,
  AddAction: addAction,
  OpenReview: openReview,
  RecordEntry: recordEntry,
  CorrectEntry: correctEntry,
  SignOffReview: signOffReview,
  AttachEvidence: attachEvidence,
  RescheduleAction: rescheduleAction,
  ImportFigures: importFigures,
};

/**
 * decide(command, state) -> events. Checks the actor's role, validates the input against the
 * command's schema, then the plan's rules; throws DomainError naming the field and the rule.
 */
export function decide(command: PlanCommand, state: PlanState): DomainEvent[] {
  requireRole(command.metadata.actor.role, command.type);
  const data = parseInput(commandSchemas[command.type], command.data, 'data');
  return (handlers[command.type] as Handler<PlanCommandType>)(data as never, state, command.metadata);
}

/**
 * The plan's decide, evolve and initial state as one Decider, for code that runs any decider the same way
 * (given/when/then tests, a command handler).
 */
export const planDecider = { decide, evolve, initialState: initialPlanState };

/** The name of the stream that holds a plan's events (`plan-<planId>`). */
export const planStream = (planId: string): string => `plan-${planId}`;
/** The plan id a stream name stands for, or null when the stream is not a plan's. */
export const planIdOfStream = (stream: string): string | null => (stream.startsWith('plan-') ? stream.slice(5) : null);
