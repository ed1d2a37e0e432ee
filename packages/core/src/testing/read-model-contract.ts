import { it, expect, type TestContext } from 'vitest';
import type { EventStore, ReadModelStore } from '../store/port.js';
import { sealedEvents } from './sealed-events.js';

/** The store's read models, or the test is reported as skipped: a store may leave them out (they are rebuilt from the log). */
function modelsOf(store: EventStore, ctx: TestContext): ReadModelStore {
  if (!store.readModels) ctx.skip(`the ${store.kind} store keeps no read models (they are rebuilt from the log)`);
  return store.readModels!;
}

/** Read-model behaviour, part of the store contract for stores that keep them (registered inside its describe). */
export function readModelContract(current: () => EventStore, stream: (s: string) => string): void {
  it('keeps read-model entries by model and key, exactly as given, replacing by key', async (ctx) => {
    const models = modelsOf(current(), ctx);
    const odd = JSON.stringify({ title: 'ü ✓ "quoted" \u2028', nested: { __proto__: 1, constructor: [] } });
    await models.put('catalogue', [
      { key: 'p1', value: odd, revision: 4, hash: 'h4' },
      { key: '__proto__', value: '{}', revision: 0, hash: 'h0' },
    ]);
    await models.put('snapshot', [{ key: 'p1', value: '"other model"', revision: 2, hash: 'h2' }]);
    expect(await models.get('catalogue', 'p1')).toEqual({ key: 'p1', value: odd, revision: 4, hash: 'h4' });
    expect(await models.get('catalogue', '__proto__')).toEqual({ key: '__proto__', value: '{}', revision: 0, hash: 'h0' });
    expect(await models.get('catalogue', 'missing')).toBeUndefined();
    expect(await models.get('snapshot', 'p1')).toMatchObject({ value: '"other model"', revision: 2 });

    await models.put('catalogue', [{ key: 'p1', value: '{"v":2}', revision: 9, hash: 'h9' }]);
    const listed = (await models.list('catalogue')).sort((a, b) => a.key.localeCompare(b.key));
    expect(listed).toEqual([
      { key: '__proto__', value: '{}', revision: 0, hash: 'h0' },
      { key: 'p1', value: '{"v":2}', revision: 9, hash: 'h9' },
    ]);

    await models.remove('catalogue', ['__proto__']);
    expect((await models.list('catalogue')).map((e) => e.key)).toEqual(['p1']);
    await models.remove('catalogue');
    expect(await models.list('catalogue')).toEqual([]);
    expect(await models.list('snapshot')).toHaveLength(1);
  });

  it('writes a batch of read-model entries all or none', async (ctx) => {
    const models = modelsOf(current(), ctx);
    await models.put('catalogue', [{ key: 'kept', value: '1', revision: 1, hash: 'h' }]);
    const bad = { key: 'broken', value: '2', revision: Number.NaN, hash: 'h' };
    await expect(models.put('catalogue', [{ key: 'kept', value: '3', revision: 3, hash: 'h' }, bad])).rejects.toThrow();
    expect(await models.list('catalogue')).toEqual([{ key: 'kept', value: '1', revision: 1, hash: 'h' }]);
  });

  it("names every stream's revision under a prefix in order of creation, in one read", async (ctx) => {
    const store = current();
    const models = modelsOf(store, ctx);
    const b = sealedEvents(stream('rev-b'), 3);
    await store.append(stream('rev-b'), b, { expectedRevision: -1 });
    await store.append('access-rev', sealedEvents('access-rev', 1), { expectedRevision: -1 });
    const a = sealedEvents(stream('rev-a'), 1);
    await store.append(stream('rev-a'), a, { expectedRevision: -1 });
    await store.append(stream('rev-a'), sealedEvents(stream('rev-a'), 2, { revision: 0, hash: a[0]!.hash }), { expectedRevision: 0 });
    expect([...(await models.streamRevisions(stream('rev-')))]).toEqual([[stream('rev-b'), 2], [stream('rev-a'), 2]]);
    expect(await models.streamRevisions('nothing-')).toEqual(new Map());
  });
}
