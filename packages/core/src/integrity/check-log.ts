import type { Checkpoint } from './checkpoint.js';
import type { MerkleTree } from './merkle.js';
import { verifyConsistency } from './merkle-verify.js';

/**
 * Does today's log extend a checkpoint (already signature-checked)? Answers with the kind of break so `verify`
 * can name it: the log is shorter than the checkpoint, or its first N events no longer hash to the checkpointed
 * root. The consistency proof is made and checked as an outside verifier would, so the two cannot disagree.
 */
export type LogCheck =
  | { ok: true; checkpointSize: number; logSize: number }
  | { ok: false; problem: 'log-shorter' | 'root-mismatch'; checkpointSize: number; logSize: number; message: string };

/**
 * Checks that the log behind `tree` still contains, unchanged, everything a trusted checkpoint covered, and
 * says why not when it does not.
 */
export function checkLogExtends(tree: MerkleTree, checkpoint: Checkpoint): LogCheck {
  const sizes = { checkpointSize: checkpoint.size, logSize: tree.size };
  if (tree.size < checkpoint.size) {
    return { ok: false, problem: 'log-shorter', ...sizes, message: `the log has ${tree.size} events but the checkpoint of ${checkpoint.origin} covers ${checkpoint.size}: events were removed` };
  }
  const proof = tree.consistencyProof(checkpoint.size, tree.size);
  const checked = verifyConsistency(checkpoint.size, tree.size, checkpoint.root, tree.rootAt(tree.size), proof);
  if (!checked.ok) {
    return { ok: false, problem: 'root-mismatch', ...sizes, message: `the first ${checkpoint.size} events of the log no longer hash to the root of the checkpoint of ${checkpoint.origin}: the log was changed` };
  }
  return { ok: true, ...sizes };
}
