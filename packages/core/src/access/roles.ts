import { z } from 'zod';

export const Role = z.enum(['viewer', 'officer', 'reviewer', 'board', 'admin']);
export type Role = z.infer<typeof Role>;

/** The role as a refusal names its holder: "An officer may not ...", "A board member may not ...". */
export const holderOf = (role: Role): string =>
  ({ viewer: 'A viewer', officer: 'An officer', reviewer: 'A reviewer', board: 'A board member', admin: 'An admin' })[role];

export const Actor = z.object({
  id: z.string().trim().min(1, 'must not be empty'),
  name: z.string().trim().min(1, 'must not be empty'),
  role: Role,
});
export type Actor = z.infer<typeof Actor>;
