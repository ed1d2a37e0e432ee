import { InvalidArgumentError, type Command } from 'commander';
import { StatedDirection, type Actor } from '@ragtrail/core';
import { resolveActor, requireActor } from './actor.js';
import type { Io } from './io.js';

export interface GlobalOptions {
  store?: string;
  actor?: string;
  role?: string;
}

/** The options given to this command and the program around it. */
export const optionsOf = <T>(command: Command): T & GlobalOptions => command.optsWithGlobals<T & GlobalOptions>();

/** The acting person for a command that changes something: the program's --actor/--role, else RAGTRAIL_ACTOR. */
export function actorOf(command: Command, io: Io, options: { roleMeansSomethingElse?: boolean } = {}): Actor {
  const program = programOf(command).opts<GlobalOptions>();
  const role = options.roleMeansSomethingElse ? undefined : program.role;
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
  const parsed = StatedDirection.safeParse(v.charAt(0).toUpperCase() + v.slice(1));
  if (!parsed.success) throw new InvalidArgumentError(`must be one of ${StatedDirection.options.join(', ').toLowerCase()}.`);
  return parsed.data;
}

export const jsonFlag = ['--json', 'print only JSON on stdout'] as const;
