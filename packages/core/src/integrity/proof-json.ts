import { z } from 'zod';
import type { Checkpoint } from './checkpoint.js';
import { hashFromHex, leafHashOfEvent, toHex } from './hashing.js';
import type { MerkleTree } from './merkle.js';
import { verifyConsistency, verifyInclusion, type ProofCheck } from './merkle-verify.js';

/**
 * The proof files ragtrail writes and @ragtrail/verifier reads (docs/integrity.md describes them). Hashes are
 * lowercase hex, as event hashes are; a proof may carry the signed checkpoint it was made against, and may carry
 * other fields (the event itself, say), which checking ignores.
 */
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal characters (a SHA-256)');
const size = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * Schema of an inclusion proof file: that one event (by leaf or event hash) is in the log at a tree size,
 * optionally with the signed checkpoint it ends at.
 */
export const InclusionProofJson = z.object({
  type: z.literal('inclusion'),
  leafIndex: size,
  treeSize: size.min(1),
  /** The Merkle leaf, SHA-256(0x00 || event hash bytes)... */
  leafHash: hex64.optional(),
  /** ...or the event's own hash, from which the verifier computes the leaf. */
  eventHash: hex64.optional(),
  path: z.array(hex64).max(64),
  checkpoint: z.string().max(64 * 1024).optional(),
}).refine((p) => (p.leafHash === undefined) !== (p.eventHash === undefined), { message: 'give exactly one of leafHash and eventHash', path: ['leafHash'] })
  .refine((p) => p.leafIndex < p.treeSize, { message: 'leafIndex must be below treeSize', path: ['leafIndex'] });

/**
 * Schema of a consistency proof file: that the log at `fromSize` is a prefix of the log at `toSize`,
 * optionally with the signed checkpoint it ends at.
 */
export const ConsistencyProofJson = z.object({
  type: z.literal('consistency'),
  fromSize: size,
  toSize: size,
  fromRoot: hex64,
  path: z.array(hex64).max(128),
  checkpoint: z.string().max(64 * 1024).optional(),
}).refine((p) => p.fromSize <= p.toSize, { message: 'fromSize must not exceed toSize', path: ['fromSize'] });

/** Schema of either kind of proof file a verifier accepts, told apart by `type`. */
export const ProofJson = z.union([InclusionProofJson, ConsistencyProofJson]);
export type InclusionProofJson = z.infer<typeof InclusionProofJson>;
export type ConsistencyProofJson = z.infer<typeof ConsistencyProofJson>;
export type ProofJson = z.infer<typeof ProofJson>;

/**
 * Builds the proof file showing that the event with `eventHash` is leaf `leafIndex` of the log at
 * `treeSize`; throws if it is not that leaf.
 */
export function inclusionProofJson(tree: MerkleTree, leafIndex: number, treeSize: number, eventHash: string, checkpoint?: string): InclusionProofJson {
  if (!leafHashOfEvent(eventHash).equals(tree.leafHash(leafIndex))) throw new Error(`event hash ${eventHash} is not leaf ${leafIndex} of the log`);
  const path = tree.inclusionProof(leafIndex, treeSize).map(toHex);
  return { type: 'inclusion', leafIndex, treeSize, eventHash, path, ...(checkpoint === undefined ? {} : { checkpoint }) };
}

/** Builds the proof file showing that the log at `fromSize` is a prefix of the log at `toSize`. */
export function consistencyProofJson(tree: MerkleTree, fromSize: number, toSize: number, checkpoint?: string): ConsistencyProofJson {
  const path = tree.consistencyProof(fromSize, toSize).map(toHex);
  return { type: 'consistency', fromSize, toSize, fromRoot: toHex(tree.rootAt(fromSize)), path, ...(checkpoint === undefined ? {} : { checkpoint }) };
}

/** Parses a proof file, naming the first field that breaks a rule. */
export function parseProofJson(text: string): ProofJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`the proof is not JSON: ${(error as Error).message}`);
  }
  const type = (value as { type?: unknown } | null)?.type;
  const schema = type === 'inclusion' ? InclusionProofJson : type === 'consistency' ? ConsistencyProofJson : null;
  if (!schema) throw new Error('proof type must be "inclusion" or "consistency"');
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`proof ${issue.path.join('.') || 'value'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Checks a proof against a checkpoint whose signature was already verified (the proof must end at its size). */
export function checkProofAgainst(proof: ProofJson, checkpoint: Checkpoint): ProofCheck {
  const bytes = (h: string): Buffer => hashFromHex(h);
  if (proof.type === 'inclusion') {
    if (proof.treeSize !== checkpoint.size) return { ok: false, reason: `the proof is for a tree of ${proof.treeSize} leaves but the checkpoint is for ${checkpoint.size}` };
    const leaf = proof.leafHash !== undefined ? bytes(proof.leafHash) : leafHashOfEvent(proof.eventHash!);
    return verifyInclusion(leaf, proof.leafIndex, proof.treeSize, proof.path.map(bytes), checkpoint.root);
  }
  if (proof.toSize !== checkpoint.size) return { ok: false, reason: `the proof reaches a tree of ${proof.toSize} leaves but the checkpoint is for ${checkpoint.size}` };
  return verifyConsistency(proof.fromSize, proof.toSize, bytes(proof.fromRoot), checkpoint.root, proof.path.map(bytes));
}
