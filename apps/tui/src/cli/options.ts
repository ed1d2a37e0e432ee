import { InvalidArgumentError, type Command } from 'commander';
import type { Actor, StatedDirection } from '@ragtrail/core';
import { statedDirections } from './choices.js';
import type { Io } from './io.js';

export interface GlobalOptions {
  store?: string;
  actor?: string;
  role?: string;
}

/** The options given to this command and the program around it. */
export const optionsOf = <T>(command: Command): T & GlobalOptions => command.optsWithGlobals<T & GlobalOptions>();

/**
 * The acting person for a command that changes something: the program's --actor/--role, else
 * RAGTRAIL_ACTOR. Asynchronous because the rules for actors are the core's, loaded when needed.
 */
export async function actorOf(command: Command, io: Io, options: { roleMeansSomethingElse?: boolean } = {}): Promise<Actor> {
  const program = programOf(command).opts<GlobalOptions>();
  const role = options.roleMeansSomethingElse ? undefined : program.role;
  const { resolveActor, requireActor } = await import('./actor.js');
  return requireActor(resolveActor({ ...(program.actor ? { actor: program.actor } : {}), ...(role ? { role } : {}) }, io.env));
}

export function programOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

export function integer(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('must be a whole number.');
  return Number(value);
}

/** "improving" reads as "Improving": people type lower case, the core names them capitalised. */
export function direction(value: string): StatedDirection {
  const v = value.trim().toLowerCase();
  const found = statedDirections.find((d) => d.toLowerCase() === v);
  if (!found) throw new InvalidArgumentError(`must be one of ${statedDirections.join(', ').toLowerCase()}.`);
  return found;
}

export const jsonFlag = ['--json', 'print only JSON on stdout'] as const;
