import { z } from 'zod';
import { Role } from '../access/roles.js';

/**
 * Schema of the event recorded when an admin issues an API token: its id, holder name, role and the hash of
 * its secret.
 */
export const TokenIssued = z.object({
  tokenId: z.string().min(1),
  name: z.string().trim().min(1),
  role: Role,
  /** SHA-256 of the secret: the secret itself is shown once and never stored. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Schema of the event recorded when an API token is revoked; from then on the token authenticates nobody. */
export const TokenRevoked = z.object({ tokenId: z.string().min(1) });
