import { z } from 'zod';
import { DomainError, parseInput, ValidationError } from '../shared/errors.js';
import { commandSchemas, type PlanCommandType } from '../plan/commands/schemas.js';
import type { Ragtrail } from './ragtrail.js';
import type { Caller, CommandResult } from './types.js';

const commandTypes = Object.keys(commandSchemas) as [PlanCommandType, ...PlanCommandType[]];

/** Many commands for one plan, as a front end receives them (an HTTP body, a JSON file). */
export const BatchInput = z.object({
  commands: z.array(z.object({
    type: z.enum(commandTypes),
    data: z.record(z.string(), z.unknown()),
    /** Why, for this command (corrections, score changes); else the caller's reason. */
    reason: z.string().trim().min(1).optional(),
  })).min(1, 'must hold at least one command').max(5000, 'must hold at most 5000 commands: send several batches'),
});
export type BatchInput = z.input<typeof BatchInput>;

/** A refusal of the n-th command, named so the sender knows which one and which field. */
function atCommand(error: unknown, index: number, type: string): unknown {
  const at = `commands.${index}`;
  if (error instanceof ValidationError)
    return new ValidationError(error.issues.map((i) => ({ ...i, field: `${at}.${i.field}`, message: `command ${index + 1} (${type}): ${i.message}` })));
  if (error instanceof DomainError)
    return new DomainError(error.code, `Command ${index + 1} (${type}): ${error.message}`, error.field ? `${at}.${error.field}` : at, error.rule, error.details);
  return error;
}

/**
 * Runs the commands in order on one plan and writes them together, or writes nothing: the
 * first refusal is thrown naming its command (`commands.3.score`, "Command 4 (RecordEntry): ...").
 * Each command carries its own reason or the caller's; `caller.expectedRevision` pins the start.
 */
export async function runBatch(rt: Ragtrail, planId: string, input: unknown, caller: Caller): Promise<CommandResult> {
  const { commands } = parseInput(BatchInput, input, 'body');
  const batch = await rt.batch(planId, caller.expectedRevision === undefined ? {} : { expectedRevision: caller.expectedRevision });
  commands.forEach((command, index) => {
    try {
      batch.execute(command.type, command.data as never, { actor: caller.actor, reason: command.reason ?? caller.reason ?? null });
    } catch (error) {
      throw atCommand(error, index, command.type);
    }
  });
  return batch.commit();
}
