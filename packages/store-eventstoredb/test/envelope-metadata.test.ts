import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sealedEvents } from '@ragtrail/core/testing';
import { eventStoreId, fromRecorded, toProposed } from '../src/envelope-metadata.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  it('keeps a UUID id as the EventStoreDB id', () => {
    expect(eventStoreId('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
  });

  it('gives any other id a stable, well-formed UUID, different for different ids', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        expect(eventStoreId(a)).toMatch(UUID);
        expect(eventStoreId(a)).toBe(eventStoreId(a));
        if (a !== b) expect(eventStoreId(a)).not.toBe(eventStoreId(b));
      }),
    );
  });
});

describe('the envelope in metadata', () => {
  const [event] = sealedEvents('plan-m', 1);
  const recorded = (metadata: unknown, position?: { commit: bigint; prepare: bigint }) => ({
    streamId: 'plan-m', revision: 0n, type: event!.type, data: event!.data, metadata, position,
  });

  it('rebuilds exactly the sealed event from what was proposed', () => {
    const proposed = toProposed(event!);
    expect(fromRecorded(recorded(proposed.metadata, { commit: 5000n, prepare: 5000n }))).toEqual({ ...event, position: 5000 });
  });

  it('names the stream, revision and field when the envelope is damaged', () => {
    const { metadata } = toProposed(event!);
    const damaged = { ragtrail: { ...metadata.ragtrail, hash: 'not-a-hash' } };
    expect(() => fromRecorded(recorded(damaged, { commit: 1n, prepare: 1n }))).toThrow(/plan-m@0.*hash/);
  });

  it('refuses a record without a usable global position rather than inventing one', () => {
    const { metadata } = toProposed(event!);
    expect(() => fromRecorded(recorded(metadata))).toThrow(/global position/);
    expect(() => fromRecorded(recorded(metadata, { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n }))).toThrow(/global position/);
  });
});
