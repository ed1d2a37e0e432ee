// GET /api/plans/{planId}/history answers a page at a time: a client that follows `next` (or the
// Link header) gets exactly the plan's whole history, as known now or at `asOf`, and no answer
// ever holds more than the largest page.
import { createMemoryStore, createRagtrail, runBatch, type RecordedEvent } from '@ragtrail/core';
import { admin, officer, seedPlan, steppingClock } from '@ragtrail/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { HISTORY_PAGE_MAX } from '../src/http/queries.js';
import { isProblem } from './problem-assert.js';

interface Page { events: RecordedEvent[]; next: number | null; total: number }

/** The seeded development plan (13 events, a minute apart) served in process, with a viewer's token. */
async function servedPlan() {
  const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock() });
  const planId = await seedPlan(rt);
  const { token } = await rt.issueToken({ name: 'Inspector', role: 'viewer' }, { actor: admin });
  const app = createApp({ ragtrail: rt });
  const get = (path: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { rt, planId, get };
}

/** Follows the Link header from `first` to the end, checking each page against the body's own `next`. */
async function follow(get: (path: string) => Response | Promise<Response>, first: string) {
  const pages: Page[] = [];
  for (let path: string | null = first; path !== null;) {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    const page = (await res.json()) as Page;
    const link = res.headers.get('link');
    path = link === null ? null : /^<([^>]+)>; rel="next"$/.exec(link)![1]!;
    expect(page.next === null, `${path}: a next page in the body exactly when the Link header names one`).toBe(link === null);
    pages.push(page);
  }
  return pages;
}

describe('the history of a plan, a page at a time', () => {
  it('given a plan longer than a page, when a client follows the pages, then they join into exactly the whole history', async () => {
    const { rt, planId, get } = await servedPlan();
    const whole = await rt.history(planId);
    expect(whole.length).toBeGreaterThan(8);
    const pages = await follow(get, `/api/plans/${planId}/history?limit=4`);
    expect(pages.map((p) => p.events.length)).toEqual([...Array(Math.floor(whole.length / 4)).fill(4), ...(whole.length % 4 ? [whole.length % 4] : [])]);
    expect(pages.flatMap((p) => p.events)).toEqual(JSON.parse(JSON.stringify(whole)));
    expect(pages.map((p) => p.total)).toEqual(pages.map(() => whole.length));
    expect(pages.at(-1)!.next).toBeNull();
    // Each page's `next` is its last revision: the `after` of the page that follows.
    expect(pages.slice(0, -1).map((p) => p.next)).toEqual(pages.slice(0, -1).map((p) => p.events.at(-1)!.revision));
  });

  it('given the whole history fits, when asked without paging, then it comes in one page that says it is the last', async () => {
    const { rt, planId, get } = await servedPlan();
    const res = await get(`/api/plans/${planId}/history`);
    expect(res.headers.get('link')).toBeNull();
    const page = (await res.json()) as Page;
    expect(page.events.map((e) => e.id)).toEqual((await rt.history(planId)).map((e) => e.id));
    expect(page).toMatchObject({ next: null, total: page.events.length });
  });

  it('given a moment in the middle of the log, when paging with asOf, then the pages hold the events recorded by then and the link keeps the moment', async () => {
    const { rt, planId, get } = await servedPlan();
    const whole = await rt.history(planId);
    const moment = whole[6]!.recordedAt;
    const first = await get(`/api/plans/${planId}/history?asOf=${encodeURIComponent(moment)}&limit=3`);
    expect(first.headers.get('link')).toBe(`</api/plans/${planId}/history?after=2&limit=3&asOf=${encodeURIComponent(moment)}>; rel="next"`);
    const pages = await follow(get, `/api/plans/${planId}/history?asOf=${encodeURIComponent(moment)}&limit=3`);
    expect(pages.flatMap((p) => p.events).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
    // Asked from the middle: only what follows `after`, still as known at the moment.
    const rest = (await (await get(`/api/plans/${planId}/history?asOf=${encodeURIComponent(moment)}&after=4`)).json()) as Page;
    expect(rest).toMatchObject({ next: null, total: 7 });
    expect(rest.events.map((e) => e.revision)).toEqual([5, 6]);
  });

  it('given an event recorded while a client pages, then the later pages include it', async () => {
    const { rt, planId, get } = await servedPlan();
    const first = (await (await get(`/api/plans/${planId}/history?limit=5`)).json()) as Page;
    const second = (await (await get(`/api/plans/${planId}/history?limit=5&after=${first.next}`)).json()) as Page;
    await rt.execute(planId, 'RecordEntry', { action: 'P1.1', period: '2017-05', score: 3, update: 'Agency staff 41' }, { actor: officer, reason: 'Agency staff down to 41' });
    const rest = await follow(get, `/api/plans/${planId}/history?limit=5&after=${second.next}`);
    const whole = await rt.history(planId);
    expect([first, second, ...rest].flatMap((p) => p.events).map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect(rest.at(-1)!.events.at(-1)).toMatchObject({ type: 'EntryRecorded', data: expect.objectContaining({ update: 'Agency staff 41' }) });
    expect(rest.at(-1)!.total).toBe(whole.length);
  });

  it('given an `after` at or past the end, then the page is empty and the last', async () => {
    const { rt, planId, get } = await servedPlan();
    const last = (await rt.history(planId)).at(-1)!.revision;
    for (const after of [last, last + 100]) {
      const res = await get(`/api/plans/${planId}/history?after=${after}`);
      expect(res.headers.get('link')).toBeNull();
      expect(await res.json()).toEqual({ events: [], next: null, total: last + 1 });
    }
  });

  it(`given a plan of more than ${HISTORY_PAGE_MAX} events, when asked without a limit, then one answer holds ${HISTORY_PAGE_MAX} and links to the rest`, async () => {
    const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock() });
    const planId = await seedPlan(rt);
    await runBatch(rt, planId, { commands: Array.from({ length: HISTORY_PAGE_MAX }, (_, i) => ({ type: 'AddAction', data: { ref: `B${i}`, priorityId: 'p1', title: `Bulk action ${i}` } })) }, { actor: admin });
    const { token } = await rt.issueToken({ name: 'Inspector', role: 'viewer' }, { actor: admin });
    const get = (path: string) => createApp({ ragtrail: rt }).request(path, { headers: { authorization: `Bearer ${token}` } });
    const total = (await rt.history(planId)).length;
    const pages = await follow(get, `/api/plans/${planId}/history`);
    expect(pages.map((p) => p.events.length)).toEqual([HISTORY_PAGE_MAX, total - HISTORY_PAGE_MAX]);
    expect(pages.flatMap((p) => p.events).map((e) => e.revision)).toEqual([...Array(total).keys()]);
  }, 60_000);

  it.each([
    ['limit=0', 'query.limit', 'too_small'],
    [`limit=${HISTORY_PAGE_MAX + 1}`, 'query.limit', 'too_big'],
    ['limit=2.5', 'query.limit', 'invalid_type'],
    ['after=1.5', 'query.after', 'invalid_type'],
    ['after=abc', 'query.after', 'invalid_type'],
    ['after=-2', 'query.after', 'too_small'],
  ])('refuses %s with a 400 naming %s and the rule %s', async (query, field, rule) => {
    const { planId, get } = await servedPlan();
    const body = await isProblem(await get(`/api/plans/${planId}/history?${query}`), 400, field);
    expect(body.issues).toEqual([expect.objectContaining({ field, rule, message: expect.stringMatching(/^must be /) })]);
  });

  it('documents after and limit, with their bounds, in the OpenAPI document', async () => {
    const { get } = await servedPlan();
    const doc = await (await get('/api/openapi.json')).json();
    const params = Object.fromEntries(doc.paths['/api/plans/{planId}/history'].get.parameters.map((p: { name: string; schema: unknown }) => [p.name, p.schema]));
    expect(params.after).toMatchObject({ minimum: -1 });
    expect(params.limit).toMatchObject({ minimum: 1, maximum: HISTORY_PAGE_MAX });
    for (const name of ['after', 'limit']) expect([params[name].type].flat(), name).toContain('integer');
    expect(params).toHaveProperty('asOf');
  });
});
