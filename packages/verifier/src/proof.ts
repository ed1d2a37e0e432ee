/*
 * The proof file shapes of docs/integrity.md, checked by hand here (core checks the same shapes with zod), so
 * that this package needs no dependency. Extra fields (the event itself, say) are allowed and ignored.
 */
import { hashLeaf, verifyConsistency, verifyInclusion, type Check } from './merkle.js';
import type { Checkpoint } from './note.js';

export type InclusionProof = { type: 'inclusion'; leafIndex: number; treeSize: number; leafHash?: string; eventHash?: string; path: string[]; checkpoint?: string };
export type ConsistencyProof = { type: 'consistency'; fromSize: number; toSize: number; fromRoot: string; path: string[]; checkpoint?: string };
export type Proof = InclusionProof | ConsistencyProof;

const HEX = /^[0-9a-f]{64}$/;
const hex = (v: unknown, field: string): string => {
  if (typeof v !== 'string' || !HEX.test(v)) throw new Error(`proof ${field}: must be 64 lowercase hexadecimal characters (a SHA-256)`);
  return v;
};
const size = (v: unknown, field: string): number => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new Error(`proof ${field}: must be a whole number, 0 or more`);
  return v;
};
const hashes = (v: unknown, field: string, max: number): string[] => {
  if (!Array.isArray(v)) throw new Error(`proof ${field}: must be a list of hashes`);
  if (v.length > max) throw new Error(`proof ${field}: must hold at most ${max} hashes`);
  return v.map((h, i) => hex(h, `${field}.${i}`));
};
const optionalText = (v: unknown, field: string): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length > 64 * 1024) throw new Error(`proof ${field}: must be text of at most 65536 characters`);
  return v;
};

export function parseProof(text: string): Proof {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`the proof is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('the proof must be a JSON object');
  const o = value as Record<string, unknown>;
  const checkpoint = optionalText(o.checkpoint, 'checkpoint');
  if (o.type === 'inclusion') {
    const leafIndex = size(o.leafIndex, 'leafIndex');
    const treeSize = size(o.treeSize, 'treeSize');
    if (leafIndex >= treeSize) throw new Error('proof leafIndex: leafIndex must be below treeSize');
    if ((o.leafHash === undefined) === (o.eventHash === undefined)) throw new Error('proof leafHash: give exactly one of leafHash and eventHash');
    const leaf = o.leafHash !== undefined ? { leafHash: hex(o.leafHash, 'leafHash') } : { eventHash: hex(o.eventHash, 'eventHash') };
    return { type: 'inclusion', leafIndex, treeSize, ...leaf, path: hashes(o.path, 'path', 64), ...(checkpoint === undefined ? {} : { checkpoint }) };
  }
  if (o.type === 'consistency') {
    const fromSize = size(o.fromSize, 'fromSize');
    const toSize = size(o.toSize, 'toSize');
    if (fromSize > toSize) throw new Error('proof fromSize: fromSize must not exceed toSize');
    return { type: 'consistency', fromSize, toSize, fromRoot: hex(o.fromRoot, 'fromRoot'), path: hashes(o.path, 'path', 128), ...(checkpoint === undefined ? {} : { checkpoint }) };
  }
  throw new Error('proof type must be "inclusion" or "consistency"');
}

/** Checks a proof against a checkpoint whose signature has been verified; the proof must end at its size. */
export function checkProof(proof: Proof, checkpoint: Checkpoint): Check {
  const bytes = (h: string): Buffer => Buffer.from(h, 'hex');
  if (proof.type === 'inclusion') {
    if (proof.treeSize !== checkpoint.size) return { ok: false, reason: `the proof is for a tree of ${proof.treeSize} leaves but the checkpoint is for ${checkpoint.size}` };
    const leaf = proof.leafHash !== undefined ? bytes(proof.leafHash) : hashLeaf(bytes(proof.eventHash!));
    return verifyInclusion(leaf, proof.leafIndex, proof.treeSize, proof.path.map(bytes), checkpoint.root);
  }
  if (proof.toSize !== checkpoint.size) return { ok: false, reason: `the proof reaches a tree of ${proof.toSize} leaves but the checkpoint is for ${checkpoint.size}` };
  return verifyConsistency(proof.fromSize, proof.toSize, bytes(proof.fromRoot), checkpoint.root, proof.path.map(bytes));
}
