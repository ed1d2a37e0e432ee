import type { StoredEvent } from '../events/envelope.js';
import type { EventStore } from '../store/port.js';
import { singleFlight } from '../shared/single-flight.js';
import { MerkleTree } from './merkle.js';

/**
 * The Merkle tree over the whole log, one leaf per event in the store's global order, kept current
 * by reading only what was appended since (readAll after the last position seen). Beside each leaf
 * it keeps the event's global position and recorded time (16 bytes), so an event can be found by
 * position for an inclusion proof and "the log as it stood at T" is a binary search: recorded
 * times never go backwards along the global order (stores refuse an append that would).
 */
export class LogTree {
  readonly tree = new MerkleTree();
  private positions = new Float64Array(1024);
  private times = new Float64Array(1024);
  private lastPosition = 0;
  private latest: string | null = null;
  /** Each stream's last revision as the global order holds it, to hold the store's catalogue of streams against. */
  readonly streams = new Map<string, number>();

  constructor(private readonly store: EventStore, private readonly pageSize = 5000) {}

  get size(): number {
    return this.tree.size;
  }

  /** The recordedAt of the last event seen. */
  get lastRecordedAt(): string | null {
    return this.latest;
  }

  /** Reads what the store has beyond the last event seen; callers asking together share one read. */
  readonly refresh: () => Promise<LogTree> = singleFlight(async () => {
    for (;;) {
      const page = await this.store.readAll({ after: this.lastPosition, maxCount: this.pageSize });
      for (const event of page) this.add(event);
      if (page.length < this.pageSize) return this;
    }
  });

  private add(event: StoredEvent): void {
    const index = this.tree.size;
    if (index === this.positions.length) {
      this.positions = grow(this.positions);
      this.times = grow(this.times);
    }
    this.tree.appendEventHash(event.hash);
    this.positions[index] = event.position;
    this.times[index] = Date.parse(event.recordedAt);
    this.lastPosition = event.position;
    this.latest = event.recordedAt;
    this.streams.set(event.stream, event.revision);
  }

  /** How many events were recorded at or before `asOf` (an ISO instant): the size of the tree as it stood then. */
  sizeAt(asOf: string): number {
    const t = Date.parse(asOf);
    if (Number.isNaN(t)) throw new Error(`asOf must be an ISO date-time, got ${JSON.stringify(asOf)}`);
    let lo = 0;
    let hi = this.tree.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The leaf index of the event at a global position, or -1. */
  indexOfPosition(position: number): number {
    let lo = 0;
    let hi = this.tree.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const p = this.positions[mid]!;
      if (p === position) return mid;
      if (p < position) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The global position of leaf `index` (to read the event back). */
  positionOf(index: number): number {
    return this.positions[index]!;
  }
}

function grow(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
