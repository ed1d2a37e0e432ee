import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConcurrencyError, createMemoryStore, type EventStore } from '@ragtrail/core';
import { sealedEvents } from '@ragtrail/core/testing';
import { esdbOnDouble, withoutPositions } from './helpers.js';

/** An append whose expected revision is off by `skew` from the stream's real one (0: correct). */
const op = fc.record({ stream: fc.constantFrom('plan-a', 'plan-b', 'access'), count: fc.integer({ min: 1, max: 3 }), skew: fc.constantFrom(0, 0, 0, -1, 1, 2) });

const outcome = async (store: EventStore, stream: string, events: ReturnType<typeof sealedEvents>, expectedRevision: number) => {
  try {
    return { ok: (await store.append(stream, events, { expectedRevision })).nextExpectedRevision };
  } catch (error) {
    if (error instanceof ConcurrencyError) return { conflict: error.actualRevision };
    throw error;
  }
};

describe('the EventStoreDB store behaves like the reference memory store', () => {
  // Each case starts its own gRPC double: 12 s on a loaded 2-core machine, so a deadline of its own.
  it('property: same appends, same refusals, same reads (positions aside)', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), fc.nat(30), fc.integer({ min: 1, max: 5 }), fc.boolean(), async (ops, cut, max, batchAppend) => {
        const reference = createMemoryStore();
        const esdb = await esdbOnDouble(batchAppend);
        try {
          for (const { stream, count, skew } of ops) {
            const current = await reference.readStream(stream);
            const last = current.at(-1);
            const events = sealedEvents(stream, count, last ? { revision: last.revision, hash: last.hash } : undefined);
            const expectedRevision = Math.max(-1, (last?.revision ?? -1) + skew);
            // A skewed expectation still needs events numbered to follow it.
            const numbered = skew === 0 ? events : sealedEvents(stream, count, { revision: expectedRevision, hash: last?.hash ?? '0'.repeat(64) });
            expect(await outcome(esdb.store, stream, numbered, expectedRevision)).toEqual(await outcome(reference, stream, numbered, expectedRevision));
          }
          const all = { ref: await reference.readAll(), esdb: await esdb.store.readAll() };
          expect(withoutPositions(all.esdb)).toEqual(withoutPositions(all.ref));
          const k = all.ref.length === 0 ? 0 : cut % all.ref.length;
          const after = (events: typeof all.ref) => (k === 0 ? 0 : events[k - 1]!.position);
          expect(withoutPositions(await esdb.store.readAll({ after: after(all.esdb), maxCount: max }))).toEqual(
            withoutPositions(await reference.readAll({ after: after(all.ref), maxCount: max })),
          );
          for (const stream of ['plan-a', 'plan-b', 'access', 'plan-none']) {
            expect(await esdb.store.streamRevision(stream)).toBe(await reference.streamRevision(stream));
            const range = { fromRevision: cut % 4, maxCount: max };
            expect(withoutPositions(await esdb.store.readStream(stream, range))).toEqual(withoutPositions(await reference.readStream(stream, range)));
          }
          expect(await esdb.store.listStreams()).toEqual(await reference.listStreams());
          expect(await esdb.store.listStreams('plan-')).toEqual(await reference.listStreams('plan-'));
        } finally {
          await esdb.stop();
        }
      }),
      { numRuns: 25 },
    );
  });
});
