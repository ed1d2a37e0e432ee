import { z } from 'zod';
import { Role } from '../access/roles.js';

export const TokenIssued = z.object({
  tokenId: z.string().min(1),
  name: z.string().trim().min(1),
  role: Role,
  /** SHA-256 of the secret: the secret itself is shown once and never stored. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
});

export const TokenRevoked = z.object({ tokenId: z.string().min(1) });
