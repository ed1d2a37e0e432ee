import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, HISTORY_PAGE_MAX, type EventStore, type ReadStreamOptions } from '../../src/index.js';
import { actors } from '../../src/testing/index.js';

/** A memory store that notes what each stream read asked for. */
function notingStore(): { store: EventStore; reads: (ReadStreamOptions | undefined)[] } {
  const inner = createMemoryStore();
  const reads: (ReadStreamOptions | undefined)[] = [];
  const store = Object.assign(Object.create(inner) as EventStore, {
    readStream: (stream: string, options?: ReadStreamOptions) => {
      reads.push(options);
      return inner.readStream(stream, options);
    },
  });
  return { store, reads };
}

async function planWithEntries(store: EventStore, clock: { now: Date }) {
  const rt = createRagtrail({ store, now: () => clock.now });
  const { planId } = await rt.createPlan({ planId: 'paged', title: 'Paged plan', organisation: 'Thurrock Council' }, { actor: actors.admin });
  await rt.execute(planId, 'AddAction', { ref: 'P1.1', title: 'Reduce agency social workers' }, { actor: actors.admin });
  await rt.execute(planId, 'OpenReview', { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, { actor: actors.reviewer });
  clock.now = new Date('2017-05-01T09:00:00Z');
  await rt.execute(planId, 'RecordEntry', { action: 'P1.1', period: '2017-04', score: 2, update: 'Agency staff 52' }, { actor: actors.officer });
  await rt.execute(planId, 'OpenReview', { period: '2017-05', reviewer: 'Rory Patterson', reviewDate: '2017-05-28' }, { actor: actors.reviewer });
  return { rt, planId };
}

describe('a plan history, a page at a time', () => {
  it('given a plan, when paged two at a time, then the pages join into the whole history and each reads only its events from the store', async () => {
    const { store, reads } = notingStore();
    const clock = { now: new Date('2017-04-28T09:00:00Z') };
    const { rt, planId } = await planWithEntries(store, clock);
    const whole = await rt.history(planId);
    const pages = [];
    for (let after = -1; ; ) {
      reads.length = 0;
      const page = await rt.historyPage(planId, { after, limit: 2 });
      expect(page.total).toBe(whole.length);
      // The page's own events from the store, never the whole stream.
      if (page.events.length) expect(reads).toContainEqual({ fromRevision: after + 1, maxCount: page.events.length });
      expect(reads.filter((r) => r?.maxCount === undefined)).toEqual([]);
      pages.push(page.events);
      if (page.events.length === 0 || page.events.at(-1)!.revision + 1 >= page.total) break;
      after = page.events.at(-1)!.revision;
    }
    expect(pages.flat()).toEqual(whole);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
  });

  it('given a moment, then the pages hold only the events recorded by then', async () => {
    const clock = { now: new Date('2017-04-28T09:00:00Z') };
    const { rt, planId } = await planWithEntries(createMemoryStore(), clock);
    const then = await rt.historyPage(planId, { asOf: '2017-04-30', after: 1 });
    expect(then.total).toBe(3);
    expect(then.events.map((e) => e.type)).toEqual(['ReviewOpened']);
    expect(await rt.historyPage(planId, { asOf: '2017-04-30', after: 2 })).toEqual({ events: [], total: 3 });
  });

  it('refuses a page size or a start it cannot read, naming the field and the rule', async () => {
    const clock = { now: new Date('2017-04-28T09:00:00Z') };
    const { rt, planId } = await planWithEntries(createMemoryStore(), clock);
    for (const query of [{ limit: 0 }, { limit: HISTORY_PAGE_MAX + 1 }, { after: -2 }, { after: 1.5 }])
      await expect(rt.historyPage(planId, query)).rejects.toMatchObject({ code: 'invalid' });
    await expect(rt.historyPage('no-such-plan')).rejects.toMatchObject({ code: 'not-found', field: 'planId' });
  });
});
