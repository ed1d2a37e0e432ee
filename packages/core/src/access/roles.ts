import { z } from 'zod';

/**
 * The five roles a person or API token acts in, from viewer (reads only) to admin; `permissions` grants each
 * command to some of them.
 */
export const Role = z.enum(['viewer', 'officer', 'reviewer', 'board', 'admin']);
export type Role = z.infer<typeof Role>;

/** The role as a refusal names its holder: "An officer may not ...", "A board member may not ...". */
export const holderOf = (role: Role): string =>
  ({ viewer: 'A viewer', officer: 'An officer', reviewer: 'A reviewer', board: 'A board member', admin: 'An admin' })[role];

/**
 * Who issues a command: an id, a display name and the role they act in. Every recorded event carries its
 * actor, which is how the audit trail says who did what.
 */
export const Actor = z.object({
  id: z.string().trim().min(1, 'must not be empty'),
  name: z.string().trim().min(1, 'must not be empty'),
  role: Role,
});
export type Actor = z.infer<typeof Actor>;
