import { z } from 'zod';

export const Role = z.enum(['viewer', 'officer', 'reviewer', 'board', 'admin']);
export type Role = z.infer<typeof Role>;

export const Actor = z.object({
  id: z.string().trim().min(1, 'must not be empty'),
  name: z.string().trim().min(1, 'must not be empty'),
  role: Role,
});
export type Actor = z.infer<typeof Actor>;
