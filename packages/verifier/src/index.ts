/**
 * @ragtrail/verifier: checks ragtrail's signed checkpoints and Merkle proofs using only Node's own modules.
 * The functions here deliberately repeat the few that @ragtrail/core uses to make them, so that an auditor
 * can run and read the checker without installing or trusting ragtrail itself.
 */
export { hashChildren, hashLeaf, verifyConsistency, verifyInclusion, type Check } from './merkle.js';
export { decodeUtf8, parseVerifierKey, verifyCheckpoint, type Checkpoint, type CheckpointCheck, type VerifierKey } from './note.js';
export { CHECKPOINT_BEGIN, CHECKPOINT_END, extractCheckpoint, extractCheckpoints } from './extract.js';
export { checkProof, parseProof, type ConsistencyProof, type InclusionProof, type Proof } from './proof.js';
export { verify, type Verdict, type VerifyInput } from './verify.js';
export { runCli, USAGE, type CliIo } from './cli.js';
