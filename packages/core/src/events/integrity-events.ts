import { z } from 'zod';

/**
 * The integrity stream's facts (docs/integrity.md): which public key signs this log's checkpoints,
 * and each checkpoint taken. The private key never enters the log.
 */
export const SigningKeyRecorded = z.object({
  /** The key's name, which is also every checkpoint's origin line. */
  name: z.string().min(1),
  /** The 4-byte C2SP key id, in hex. */
  keyId: z.string().regex(/^[0-9a-f]{8}$/),
  /** The 32-byte Ed25519 public key, in base64. */
  publicKey: z.string().min(1),
  /** The C2SP verifier key string readers hand to a verifier. */
  verifierKey: z.string().min(1),
});

/**
 * Schema of the event recorded for each signed checkpoint of the log: the tree size and Merkle root it
 * commits to, the signed note, and what prompted it.
 */
export const CheckpointTaken = z.object({
  /** Events the checkpoint covers: the first treeSize events of the global order. */
  treeSize: z.number().int().nonnegative(),
  /** The Merkle root of those events, in hex. */
  rootHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The signed checkpoint text (C2SP tlog-checkpoint), byte for byte. */
  note: z.string().min(1),
  /** For a checkpoint of the log as it stood at an earlier moment: that moment. */
  asOf: z.string().optional(),
  /** What prompted it: a review's sign-off ("plan-x review 2017-04") or a request. */
  occasion: z.string().optional(),
});
