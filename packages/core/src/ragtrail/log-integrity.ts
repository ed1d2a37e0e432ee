import { verifyStream, type ChainBreak } from '../chain/hash-chain.js';
import { DomainError } from '../shared/errors.js';
import type { RecordedEvent } from '../events/envelope.js';
import { toRecorded } from '../events/recorded.js';
import { signCheckpoint, verifyCheckpoint, type Checkpoint } from '../integrity/checkpoint.js';
import { checkLogExtends, type LogCheck } from '../integrity/check-log.js';
import { extractCheckpoint } from '../integrity/extract-checkpoint.js';
import { toHex } from '../integrity/hashing.js';
import { LogTree } from '../integrity/log-tree.js';
import { consistencyProofJson, inclusionProofJson, type ConsistencyProofJson, type InclusionProofJson } from '../integrity/proof-json.js';
import { readCheckpointUnverified } from '../integrity/checkpoint.js';
import { formatVerifierKey, keyIdOf, parseVerifierKey } from '../integrity/signed-note.js';
import type { SigningKey } from '../integrity/signing-key.js';
import type { EventStore } from '../store/port.js';
import { verifyStore } from '../store/verify-store.js';
import type { CommandHandler } from './command-handler.js';
import { INTEGRITY_ACTOR, IntegrityView, checkpointTaken, foldCheckIntegrity, keyRecorded, type RecordedKey } from './integrity-stream.js';

/** A signed checkpoint as ragtrail hands it out. */
export interface SignedCheckpoint {
  origin: string;
  treeSize: number;
  /** The Merkle root, hex. */
  rootHash: string;
  /** The C2SP signed note, byte for byte: what a reader copies or a verifier reads. */
  note: string;
  /** Set when the checkpoint covers the log as it stood at an earlier moment. */
  asOf?: string;
}

/** What `verify` found when it held the log against a checkpoint (one handed in, or one the store keeps). */
export type CheckpointVerdict =
  | { ok: true; checkpointSize: number; logSize: number; origin: string }
  | {
      ok: false;
      problem: 'bad-signature' | 'content-changed' | Extract<LogCheck, { ok: false }>['problem'];
      message: string;
      checkpointSize?: number;
      logSize?: number;
      /** The first event whose stream's chain breaks, when the per-stream chains can name it. */
      firstBreak?: ChainBreak;
    };

const noSigner = () =>
  new DomainError('precondition', 'No signing key is configured, so no checkpoint can be signed: the command line and the HTTP app load one beside a SQLite store, or from the file RAGTRAIL_SIGNING_KEY names', 'signer', 'signing-key');

/**
 * The log-wide Merkle tree (over every event's hash, in the store's global order), the log's signing
 * key recorded in the log itself, signed checkpoints (C2SP tlog-checkpoint) and proofs. The private
 * key stays with the caller; only its public half enters the log.
 */
export function createLogIntegrity(deps: { store: EventStore; handle: CommandHandler; signer?: SigningKey | undefined }) {
  const { store, handle, signer } = deps;
  const tree = new LogTree(store);
  const view = new IntegrityView(store);

  const append = (events: ReturnType<typeof keyRecorded>[], reason: string) =>
    handle({ stream: view, subject: 'the integrity record', decide: () => events, foldCheck: foldCheckIntegrity }, { actor: INTEGRITY_ACTOR, reason });

  /**
   * The log's name is fixed by the key's first use: when the log already records this public key, it
   * signs under the recorded name, so renaming or copying the database file does not rename the log.
   */
  const named = (): SigningKey | undefined => {
    if (!signer) return undefined;
    const recorded = [...view.state.keys].reverse().find((k) => k.publicKey === signer.publicKey.toString('base64'));
    if (!recorded || recorded.name === signer.name) return signer;
    return { ...signer, name: recorded.name, keyId: keyIdOf(recorded.name, signer.publicKey), verifierKey: formatVerifierKey(recorded.name, signer.publicKey) };
  };
  const ownKey = (): RecordedKey | null => {
    const key = named();
    return key ? { name: key.name, keyId: key.keyId.toString('hex'), publicKey: key.publicKey.toString('base64'), verifierKey: key.verifierKey } : null;
  };

  /** The public key goes into the log when this key is first used, and again whenever another key signs (a rotation). */
  async function ensureKeyRecorded(): Promise<SigningKey> {
    if (!signer) throw noSigner();
    const state = await view.refresh();
    const own = ownKey()!;
    const latest = state.keys.at(-1);
    if (latest?.verifierKey !== own.verifierKey) await append([keyRecorded(own)], latest ? 'the signing key changed' : 'the signing key was first used');
    return named()!;
  }

  async function sign(asOf?: string): Promise<SignedCheckpoint> {
    const key = await ensureKeyRecorded();
    await tree.refresh();
    const size = asOf === undefined ? tree.size : tree.sizeAt(asOf);
    const root = tree.tree.rootAt(size);
    // The moment is signed with the head, so a report's "as of" cannot be altered without breaking the signature.
    const checkpoint: Checkpoint = { origin: key.name, size, root, extensions: asOf === undefined ? [] : [`as-of ${asOf}`] };
    return { origin: key.name, treeSize: size, rootHash: toHex(root), note: signCheckpoint(checkpoint, key), ...(asOf === undefined ? {} : { asOf }) };
  }

  /** Every key this log has recorded, plus our own: the keys a checkpoint of this log may be signed by. */
  async function trustedKeys(): Promise<RecordedKey[]> {
    const recorded = (await view.refresh()).keys;
    // Our own key under the log's recorded name (named() reads the view just refreshed).
    const own = ownKey();
    return own ? [own, ...recorded] : [...recorded];
  }

  async function checkNote(note: string): Promise<{ ok: true; checkpoint: Checkpoint } | { ok: false; reason: string }> {
    const keys = await trustedKeys();
    // Our own key file vouches for a checkpoint it signed under any name, even when the log lost its key record.
    let claimed: string | null = null;
    try {
      claimed = readCheckpointUnverified(note).origin;
    } catch {
      // An unreadable note fails below, with the verifier's reason.
    }
    if (signer && claimed !== null && !/[\s+]/.test(claimed)) keys.push({ name: claimed, keyId: '', publicKey: '', verifierKey: formatVerifierKey(claimed, signer.publicKey) });
    if (keys.length === 0) return { ok: false, reason: 'this log has no recorded signing key to check the signature with' };
    let reason = 'no key of this log signed it';
    for (const key of keys) {
      const checked = verifyCheckpoint(note, parseVerifierKey(key.verifierKey));
      if (checked.ok) return checked;
      reason = checked.reason;
    }
    return { ok: false, reason };
  }

  /** Holds today's log against a checkpoint: signature, then the consistency proof; names the first broken chain when it can. */
  async function verifyAgainst(document: string, options: { chains?: boolean } = {}): Promise<CheckpointVerdict> {
    let note: string;
    try {
      note = extractCheckpoint(document);
    } catch (error) {
      return { ok: false, problem: 'bad-signature', message: (error as Error).message };
    }
    const signed = await checkNote(note);
    if (!signed.ok) return { ok: false, problem: 'bad-signature', message: `the checkpoint's signature does not hold: ${signed.reason}` };
    await tree.refresh();
    const check = checkLogExtends(tree.tree, signed.checkpoint);
    // The tree's leaves are the stored hashes: an event edited without re-hashing keeps its leaf, so
    // its own hash (the chains) is checked too, and names the first event that differs.
    const chains = options.chains === false && check.ok ? null : await verifyStore(store);
    if (check.ok && (chains === null || chains.ok)) return { ok: true, checkpointSize: check.checkpointSize, logSize: check.logSize, origin: signed.checkpoint.origin };
    if (check.ok && chains && !chains.ok) {
      const b = chains.firstBreak;
      return { ok: false, problem: 'content-changed', checkpointSize: check.checkpointSize, logSize: check.logSize, firstBreak: b, message: `the events' recorded hashes still form the checkpointed tree, but ${b.stream} at revision ${b.revision} no longer matches them (${b.problem}): the log was changed` };
    }
    if (check.ok || !chains) throw new Error('unreachable: a failed check always reads the chains');
    return { ok: false, problem: check.problem, message: check.message, checkpointSize: check.checkpointSize, logSize: check.logSize, ...(chains.ok ? {} : { firstBreak: chains.firstBreak }) };
  }

  return {
    tree,
    view,
    hasSigner: signer !== undefined,
    /** The log's public key in verifier-key form: ours, or the last one the log records. */
    async publicKey(): Promise<RecordedKey> {
      await view.refresh();
      const key = ownKey() ?? view.state.keys.at(-1);
      if (!key) throw noSigner();
      return key;
    },
    /** Signs the log's head (or the head as it stood at `asOf`) without recording anything beyond the key. */
    checkpoint: (options: { asOf?: string } = {}) => sign(options.asOf),
    /** Signs the head and records the checkpoint in the log itself (at sign-off, or on request). */
    async takeCheckpoint(occasion: string): Promise<SignedCheckpoint> {
      const signed = await sign();
      await append([checkpointTaken({ treeSize: signed.treeSize, rootHash: signed.rootHash, note: signed.note, occasion })], `checkpoint: ${occasion}`);
      return signed;
    },
    verifyAgainst,
    /**
     * The checkpoints this store keeps, each held against today's log: catches a log cut or changed
     * below them. They live in the same file as the log, so only a checkpoint held elsewhere stops
     * someone who can edit the file (docs/integrity.md).
     */
    async verifyStored(): Promise<CheckpointVerdict & { checked: number }> {
      const stored = (await view.refresh()).checkpoints;
      // The latest covers the most: a log that extends it extends every earlier one it extended.
      for (const cp of [...stored].reverse()) {
        // The chains are verify's own first step; here only the trees are compared.
        const verdict = await verifyAgainst(cp.note, { chains: false });
        if (!verdict.ok) return { ...verdict, checked: stored.length, message: `against the store's own checkpoint of ${cp.treeSize} events (taken ${cp.recordedAt}): ${verdict.message}` };
        return { ...verdict, checked: stored.length };
      }
      await tree.refresh();
      return { ok: true, checkpointSize: 0, logSize: tree.size, origin: signer?.name ?? '', checked: 0 };
    },
    /**
     * The store's catalogue of streams (SQLite's and PostgreSQL's `streams` table) held against the
     * events themselves: a removed row hides a whole plan from listings, and a revision above the last
     * event means events were cut from the stream's end.
     */
    async verifyCatalogue(): Promise<{ ok: true } | { ok: false; stream: string; message: string }> {
      await tree.refresh();
      const listed = new Set(await store.listStreams());
      for (const [stream, last] of tree.streams) {
        if (!listed.has(stream)) return { ok: false, stream, message: `${stream} has events in the log but is missing from the store's list of streams: its catalogue row was removed` };
        const revision = await store.streamRevision(stream);
        if (revision !== last) return { ok: false, stream, message: `the store says ${stream} is at revision ${revision} but its last event in the log is revision ${last}${revision > last ? ': events were removed from its end' : ''}` };
      }
      return { ok: true };
    },
    /** A consistency proof from an earlier checkpoint (or a report carrying one) to a fresh signed checkpoint of today's log. */
    async consistencyFrom(document: string): Promise<ConsistencyProofJson> {
      let size: number;
      try {
        size = readCheckpointUnverified(extractCheckpoint(document)).size;
      } catch (error) {
        throw new DomainError('invalid', `the earlier checkpoint cannot be read: ${(error as Error).message}`, 'checkpoint', 'checkpoint-format');
      }
      const signed = await sign();
      if (size > signed.treeSize) throw new DomainError('rule', `the earlier checkpoint covers ${size} events but the log has ${signed.treeSize}: events were removed`, 'checkpoint', 'log-extends');
      return consistencyProofJson(tree.tree, size, signed.treeSize, signed.note);
    },
    /** An inclusion proof for one event of a plan, against a fresh signed checkpoint of the whole log. */
    async proof(stream: string, revision: number): Promise<InclusionProofJson & { event: RecordedEvent; checkpointSize: number }> {
      const [event] = await store.readStream(stream, { fromRevision: revision, maxCount: 1 });
      if (!event || event.revision !== revision) throw new DomainError('not-found', `${stream} has no event at revision ${revision}`, 'revision', 'exists');
      const broken = verifyStream(await store.readStream(stream, { maxCount: revision + 1 }));
      if (broken) throw new DomainError('rule', `${stream}'s chain is broken at revision ${broken.revision} (${broken.message}): no proof is given for a broken chain`, 'revision', 'chain-holds');
      const signed = await sign();
      const index = tree.indexOfPosition(event.position);
      if (index < 0 || index >= signed.treeSize) throw new DomainError('rule', `event ${event.id} is not in the log's tree`, 'revision', 'in-tree');
      return { ...inclusionProofJson(tree.tree, index, signed.treeSize, event.hash, signed.note), event: toRecorded(event), checkpointSize: signed.treeSize };
    },
  };
}

/** The log-wide Merkle tree, its signed checkpoints and proofs, as the facade composes them. */
export type LogIntegrity = ReturnType<typeof createLogIntegrity>;
