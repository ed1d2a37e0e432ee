/** The log-wide Merkle tree, signed checkpoints and proofs (docs/integrity.md). */
export { MerkleTree } from './merkle.js';
export { verifyConsistency, verifyInclusion, type ProofCheck } from './merkle-verify.js';
export {
  decodeNote, formatVerifierKey, parseNote, parseVerifierKey, signNote, verifyNote,
  type NoteCheck, type NoteSignature, type NoteSigner, type ParsedNote, type VerifierKey,
} from './signed-note.js';
export {
  signCheckpoint, verifyCheckpoint,
  type Checkpoint, type CheckpointCheck,
} from './checkpoint.js';
export { loadOrCreateSigningKey, loadSigningKey, type SigningKey } from './signing-key.js';
export {
  ConsistencyProofJson, InclusionProofJson, ProofJson, checkProofAgainst, consistencyProofJson, inclusionProofJson, parseProofJson,
} from './proof-json.js';
export { CHECKPOINT_BEGIN, CHECKPOINT_END, extractCheckpoint, extractCheckpoints, markCheckpoint } from './extract-checkpoint.js';
export { checkLogExtends, type LogCheck } from './check-log.js';
export { RecordedOrderError } from './recorded-order.js';
export { signerForStore } from './store-signer.js';
