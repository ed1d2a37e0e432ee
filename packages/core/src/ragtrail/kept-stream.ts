import type { StoredEvent } from '../events/envelope.js';
import type { StreamTail } from './seal-after.js';
import type { ChainBreak } from '../chain/hash-chain.js';

/**
 * A stream's state kept current in memory: `refresh` folds what the store has beyond the last
 * event seen, `advance` folds events a writer just appended (saving a read). Both never fold an
 * event twice. Plans (`PlanTimeline`) and access (`AccessView`) are kept this way.
 */
export interface KeptStream<S extends StreamTail> {
  readonly stream: string;
  refresh(): Promise<S>;
  advance(events: readonly StoredEvent[]): void;
  /** Set when folding met an event whose hash or link fails: every write is then refused. */
  readonly broken?: ChainBreak | null;
}
