import type { ChainBreak } from '../chain/hash-chain.js';
import type { createLogAccess } from './log-access.js';
import type { CheckpointVerdict, LogIntegrity } from './log-integrity.js';

/** What `verify` found: every chain, and (for the whole log) the checkpoints the store keeps. */
export type LogVerifyResult = {
  ok: boolean;
  streams: number;
  events: number;
  /** The first event whose stream's chain breaks. */
  firstBreak?: ChainBreak;
  /** The store's own checkpoints held against today's log; absent when one plan was verified. */
  checkpoints?: CheckpointVerdict & { checked: number };
  /** The store's list of streams held against the events; absent when one plan was verified. */
  catalogue?: { ok: true } | { ok: false; stream: string; message: string };
};

/**
 * Chains first (they name the first broken event), then the stored checkpoints, which catch what
 * chains cannot: a log cut below a checkpoint (a last event or a whole stream deleted), or a chain
 * edited and re-hashed.
 */
export async function verifyLog(
  deps: { log: ReturnType<typeof createLogAccess>; integrity: LogIntegrity },
  scope: { streams?: string[] },
  onProgress?: (done: number, total: number) => void,
): Promise<LogVerifyResult> {
  const chains = await deps.log.verify({ ...scope, ...(onProgress ? { onProgress } : {}) });
  const base = { streams: chains.streams, events: chains.events, ...(chains.ok ? {} : { firstBreak: chains.firstBreak }) };
  if (scope.streams !== undefined) return { ok: chains.ok, ...base };
  const checkpoints = await deps.integrity.verifyStored();
  const catalogue = await deps.integrity.verifyCatalogue();
  return { ok: chains.ok && checkpoints.ok && catalogue.ok, ...base, checkpoints, catalogue };
}
