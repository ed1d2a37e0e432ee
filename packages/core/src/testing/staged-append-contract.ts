import { it, expect, type TestContext } from 'vitest';
import { ConcurrencyError } from '../shared/errors.js';
import { RecordedOrderError } from '../integrity/recorded-order.js';
import type { EventToAppend } from '../events/envelope.js';
import type { EventStore, StagedAppend } from '../store/port.js';
import { sealedEvents } from './sealed-events.js';

/** The store's staged append, or the test is reported as skipped: a store may leave it out (a batch then holds its events until commit). */
function staging(store: EventStore, stream: string, expectedRevision: number, ctx: TestContext): StagedAppend {
  if (!store.stageAppend) ctx.skip(`the ${store.kind} store has no staged append (a batch holds its events in memory until commit)`);
  return store.stageAppend!(stream, { expectedRevision });
}

const tailOf = (events: readonly EventToAppend[]) => ({ revision: events.at(-1)!.revision, hash: events.at(-1)!.hash });

/** Staged-append behaviour, part of the store contract for stores that have one (registered inside its describe). */
export function stagedAppendContract(current: () => EventStore, stream: (s: string) => string): void {
  it('stages an append in parts that no reader sees, then commits them all at once with consecutive positions', async (ctx) => {
    const store = current();
    await store.append(stream('other'), sealedEvents(stream('other'), 2), { expectedRevision: -1 });
    const staged = staging(store, stream('s1'), -1, ctx);
    const first = sealedEvents(stream('s1'), 3);
    const second = sealedEvents(stream('s1'), 4, tailOf(first));
    await staged.stage(first);
    await staged.stage([]);
    await staged.stage(second);
    expect(await store.readStream(stream('s1'))).toEqual([]);
    expect(await store.streamRevision(stream('s1'))).toBe(-1);
    expect(await store.listStreams(stream('s1'))).toEqual([]);
    expect(await store.readAll()).toHaveLength(2);

    const result = await staged.commit();
    const read = await store.readStream(stream('s1'));
    expect(read.map(({ position: _p, ...rest }) => rest)).toEqual([...first, ...second]);
    expect(result).toEqual({ nextExpectedRevision: 6, lastPosition: read.at(-1)!.position, firstPosition: read[0]!.position });
    expect(read.map((e) => e.position)).toEqual(read.map((_, i) => read[0]!.position + i));
    expect(await store.streamRevision(stream('s1'))).toBe(6);
    // A plain append follows on as it would after any other.
    await store.append(stream('s1'), sealedEvents(stream('s1'), 1, tailOf(second)), { expectedRevision: 6 });
    expect(await store.streamRevision(stream('s1'))).toBe(7);
  });

  it('refuses a staged part whose revisions do not follow on, keeping the parts before it', async (ctx) => {
    const store = current();
    const staged = staging(store, stream('s2'), -1, ctx);
    const first = sealedEvents(stream('s2'), 2);
    await staged.stage(first);
    await expect(staged.stage(sealedEvents(stream('s2'), 1, { revision: 5, hash: first[1]!.hash }))).rejects.toThrow(/revision 6; expected 2/);
    await staged.commit();
    expect((await store.readStream(stream('s2'))).map((e) => e.id)).toEqual(first.map((e) => e.id));
  });

  it('writes nothing when aborted, and nothing when the stream moved on before the commit', async (ctx) => {
    const store = current();
    const aborted = staging(store, stream('s3'), -1, ctx);
    await aborted.stage(sealedEvents(stream('s3'), 3));
    await aborted.abort();
    await expect(aborted.commit()).rejects.toThrow(/finished/);
    expect(await store.streamRevision(stream('s3'))).toBe(-1);

    const base = sealedEvents(stream('s4'), 1);
    await store.append(stream('s4'), base, { expectedRevision: -1 });
    const late = staging(store, stream('s4'), 0, ctx);
    await late.stage(sealedEvents(stream('s4'), 5, tailOf(base)));
    // Another writer appends meanwhile: the staged append lost the race and must say so.
    await store.append(stream('s4'), sealedEvents(stream('s4'), 1, tailOf(base)), { expectedRevision: 0 });
    const error = await late.commit().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expectedRevision: 0, actualRevision: 1 });
    expect(await store.readStream(stream('s4'))).toHaveLength(2);
  });

  it('refuses at commit a staged append stamped earlier than the log\'s last event, writing nothing', async (ctx) => {
    const store = current();
    const staged = staging(store, stream('s5'), -1, ctx);
    await staged.stage(sealedEvents(stream('s5'), 2, undefined, new Date('2030-01-01T09:00:00.000Z')));
    await store.append(stream('s6'), sealedEvents(stream('s6'), 1, undefined, new Date('2030-01-01T10:00:00.000Z')), { expectedRevision: -1 });
    const error = await staged.commit().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordedOrderError);
    expect(await store.streamRevision(stream('s5'))).toBe(-1);
  });
}
