import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, seal } from '../chain/hash-chain.js';
import type { EventToAppend } from '../events/envelope.js';
import type { Actor } from '../access/roles.js';

// Without a given time, each call continues where the last left off: recorded times never go
// backwards along a store's global order, and stores refuse a batch that would.
let nextDefault = Date.parse('2017-04-28T09:00:00.000Z');

/** The officer `sealedEvents` records its events as, for store tests that do not care who acted. */
export const testActor: Actor = { id: 'test-officer', name: 'Test Officer', role: 'officer' };

/**
 * Sealed, chain-linked events that follow `previous` (or start a stream). The data is a real
 * ReviewOpened payload so that stores can be tested without the plan decider.
 */
export function sealedEvents(
  stream: string,
  count: number,
  previous: { revision: number; hash: string } = { revision: -1, hash: GENESIS_HASH },
  recordedAt?: Date,
): EventToAppend[] {
  const start = recordedAt ?? new Date(nextDefault);
  if (recordedAt === undefined) nextDefault += Math.max(count, 1);
  const out: EventToAppend[] = [];
  let prev = previous;
  for (let i = 0; i < count; i++) {
    const event = seal({
      id: randomUUID(),
      stream,
      revision: prev.revision + 1,
      recordedAt: new Date(start.getTime() + i).toISOString(),
      type: 'ReviewOpened',
      version: 1,
      data: { period: '2017-04', reviewer: `Reviewer ${prev.revision + 1}`, reviewDate: '2017-04-28', note: 'ü ✓ "quoted"' },
      actor: testActor,
      reason: i % 2 === 0 ? null : 'monthly review',
      prevHash: prev.hash,
    });
    out.push(event);
    prev = { revision: event.revision, hash: event.hash };
  }
  return out;
}
