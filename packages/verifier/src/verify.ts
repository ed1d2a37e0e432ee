import { extractCheckpoint } from './extract.js';
import { parseVerifierKey, verifyCheckpoint, type Checkpoint, type VerifierKey } from './note.js';
import { checkProof, parseProof, type Proof } from './proof.js';

/** What an auditor hands over: texts as read from files (the checkpoint may be a whole board report). */
export type VerifyInput = { key: string; checkpoint?: string; proof?: string; fromCheckpoint?: string };
export type Verdict = { ok: boolean; reason: string; facts: string[] };

const describe = (c: Checkpoint): string => `log ${c.origin} with ${c.size} events, root ${c.root.toString('base64')}`;

/** Every step answers with what it established; the first failure is the reason, and nothing after it runs. */
export function verify(input: VerifyInput): Verdict {
  const facts: string[] = [];
  const no = (reason: string): Verdict => ({ ok: false, reason, facts });
  let key: VerifierKey;
  let proof: Proof | undefined;
  let note: string | undefined;
  try {
    key = parseVerifierKey(input.key);
  } catch (error) {
    return no(`public key: ${(error as Error).message}`);
  }
  try {
    proof = input.proof === undefined ? undefined : parseProof(input.proof);
    note = input.checkpoint !== undefined ? extractCheckpoint(input.checkpoint) : proof?.checkpoint;
  } catch (error) {
    return no((error as Error).message);
  }
  if (note === undefined) return no('no checkpoint: give a checkpoint file, a report that carries one, or a proof that includes one');
  const current = verifyCheckpoint(note, key);
  if (!current.ok) return no(`checkpoint: ${current.reason}`);
  facts.push(`checkpoint signed by ${key.name}+${key.keyId.toString('hex')}: ${describe(current.checkpoint)}`);

  let earlier: Checkpoint | undefined;
  if (input.fromCheckpoint !== undefined) {
    let oldNote: string;
    try {
      oldNote = extractCheckpoint(input.fromCheckpoint);
    } catch (error) {
      return no(`earlier checkpoint: ${(error as Error).message}`);
    }
    const old = verifyCheckpoint(oldNote, key);
    if (!old.ok) return no(`earlier checkpoint: ${old.reason}`);
    earlier = old.checkpoint;
    facts.push(`earlier checkpoint signed by the same key: ${describe(earlier)}`);
    if (earlier.size > current.checkpoint.size) return no(`the log shrank: ${current.checkpoint.size} events now, ${earlier.size} in the earlier checkpoint`);
    if (earlier.size === current.checkpoint.size || earlier.size === 0) {
      if (earlier.size > 0 && !earlier.root.equals(current.checkpoint.root)) return no(`the two checkpoints of ${earlier.size} events have different roots: the log was rewritten`);
      if (proof === undefined) {
        return { ok: true, reason: earlier.size === 0 ? 'every log extends the empty one' : 'the log is unchanged since the earlier checkpoint', facts };
      }
    } else if (proof?.type !== 'consistency') {
      return no('a consistency proof is needed to show the later log extends the earlier one');
    }
  }

  if (proof === undefined) return { ok: true, reason: 'the checkpoint is signed by the given key', facts };
  if (earlier !== undefined && proof.type === 'consistency') {
    if (proof.fromSize !== earlier.size) return no(`the proof starts from ${proof.fromSize} events but the earlier checkpoint has ${earlier.size}`);
    if (proof.fromRoot !== earlier.root.toString('hex')) return no('the proof starts from a root other than the earlier checkpoint\'s');
  }
  const checked = checkProof(proof, current.checkpoint);
  if (!checked.ok) return no(checked.reason);
  if (proof.type === 'inclusion') {
    const what = proof.eventHash !== undefined ? `the event with hash ${proof.eventHash}` : `the leaf ${proof.leafHash}`;
    return { ok: true, reason: `${what} is event ${proof.leafIndex} of the ${proof.treeSize} in the checkpointed log`, facts };
  }
  const fromRoot = Buffer.from(proof.fromRoot, 'hex').toString('base64');
  return { ok: true, reason: `the log of ${proof.toSize} events extends, unchanged, the log of ${proof.fromSize} events with root ${fromRoot}`, facts };
}
