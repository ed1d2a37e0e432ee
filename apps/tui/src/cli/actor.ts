import { Actor, Role, slugify } from '@ragtrail/core';
import { UserError } from './user-error.js';

export const ACTOR_FORMAT = 'RAGTRAIL_ACTOR="Name:role" (roles: viewer, officer, reviewer, board, admin)';

/**
 * Who is acting, from `--actor NAME --role ROLE`, `--actor "Name:role"` or RAGTRAIL_ACTOR="Name:role"; flags win.
 * Null when neither says: queries need no one, commands that change a plan refuse.
 */
export function resolveActor(options: { actor?: string; role?: string }, env: Record<string, string | undefined>): Actor | null {
  let name = options.actor?.trim();
  let role = options.role?.trim();
  // --actor "Name:role" reads like RAGTRAIL_ACTOR; a colon followed by something else stays in the name.
  const colon = name?.lastIndexOf(':') ?? -1;
  if (name && colon > 0 && Role.safeParse(name.slice(colon + 1).trim()).success) {
    role ??= name.slice(colon + 1).trim();
    name = name.slice(0, colon).trim();
  }
  const fromEnv = env.RAGTRAIL_ACTOR?.trim();
  if (fromEnv) {
    const colon = fromEnv.lastIndexOf(':');
    const envName = colon < 0 ? fromEnv : fromEnv.slice(0, colon).trim();
    const envRole = colon < 0 ? undefined : fromEnv.slice(colon + 1).trim();
    name ??= envName;
    role ??= envRole;
  }
  if (!name && !role) return null;
  if (!name) throw new UserError(`--role ${role} needs a name: add --actor "Your Name"`);
  if (!role) throw new UserError(`Say which role ${name} acts in: add --role ROLE or use ${ACTOR_FORMAT}`);
  const parsed = Role.safeParse(role);
  if (!parsed.success) throw new UserError(`Unknown role "${role}": use one of ${Role.options.join(', ')}`);
  return Actor.parse({ id: `cli:${slugify(name) || 'someone'}`, name, role: parsed.data });
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new UserError(`Say who you are: add --actor "Your Name" --role ROLE, or set ${ACTOR_FORMAT}`);
  return actor;
}
