import { verifyStream, type VerifyResult } from '../chain/hash-chain.js';
import type { EventStore } from './port.js';

/**
 * Verifies the hash chain of every stream (or the named ones). A stream is read in revision order,
 * so a deleted or reordered event shows up as a gap or a broken link, an edited one as a hash mismatch.
 */
export async function verifyStore(
  store: EventStore,
  options: { streams?: string[]; onProgress?: (done: number, total: number) => void } = {},
): Promise<VerifyResult> {
  const streams = options.streams ?? (await store.listStreams());
  let events = 0;
  for (const [i, stream] of streams.entries()) {
    const read = await store.readStream(stream);
    events += read.length;
    const firstBreak = verifyStream(read);
    options.onProgress?.(i + 1, streams.length);
    if (firstBreak) return { ok: false, streams: i + 1, events, firstBreak };
  }
  return { ok: true, streams: streams.length, events };
}
