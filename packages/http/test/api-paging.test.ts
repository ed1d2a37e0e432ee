// Every list the JSON API answers comes a page at a time, with one scheme (docs/http-api.md#paging):
// `after`/`limit`, `next` (null on the last page) and `Link: rel="next"`, `total`. A client that
// follows the pages gets exactly the unpaged answer back, figures included; a demo-sized plan is
// one page; a bad `after` or `limit` is a 400 naming the field.
import { createMemoryStore, createRagtrail, planStateToJson, runBatch, type Ragtrail } from '@ragtrail/core';
import { admin, officer, reviewer, seedPlan, steppingClock } from '@ragtrail/core/testing';
import { createDemoClock, demoPlanIds, loadDemo } from '@ragtrail/spreadsheets';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { LIST_PAGE_MAX } from '../src/http/paging.js';
import { isProblem } from './problem-assert.js';

type Json = Record<string, unknown>;
type Get = (path: string, headers?: Record<string, string>) => Promise<Response>;

/** Serves `rt` in process with a viewer's token. */
async function served(rt: Ragtrail): Promise<Get> {
  const { token } = await rt.issueToken({ name: 'Inspector', role: 'viewer' }, { actor: admin });
  const app = createApp({ ragtrail: rt });
  return async (path, headers = {}) => app.request(path, { headers: { authorization: `Bearer ${token}`, ...headers } });
}

/**
 * The seeded development plan grown to `extra` more actions (some overdue, each with a milestone
 * missed), evidence, an indicator off target, and an inspection plan of `extra` recommendations,
 * the first carried by the development plan: every paged list has rows.
 */
async function longPlans(extra = 24) {
  const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock('2017-06-01T09:00:00.000Z') });
  const planId = await seedPlan(rt);
  await runBatch(rt, planId, {
    commands: [
      ...Array.from({ length: extra }, (_, i) => ({ type: 'AddAction', data: { ref: `B${i}`, priorityId: i % 2 ? 'p1' : 'p2', title: `Bulk action ${i}`, dueDate: '2017-03-31', milestones: [{ text: `Milestone of ${i}`, dueDate: '2017-04-30' }] } })),
      ...Array.from({ length: extra }, (_, i) => ({ type: 'RecordEntry', data: { action: `B${i}`, period: '2017-05', score: (i % 3) + 1, update: `Update ${i}` } })),
    ],
  }, { actor: admin, reason: 'bulk' });
  await rt.execute(planId, 'AttachEvidence', { action: 'B0', title: 'Minutes', kind: 'document', observedOn: '2017-05-28', link: 'https://example.org/minutes' }, { actor: officer });
  for (const [i, id] of ['cp-rate', 'neet', 'agency'].entries()) {
    await rt.executeOutcome(planId, 'DefineIndicator', { indicatorId: id, name: `Indicator ${id}`, unit: '%', better: 'lower', source: 'DfE' }, { actor: admin });
    await rt.executeOutcome(planId, 'SetIndicatorTarget', { indicator: id, by: '2017-03', value: 50, tolerance: 1 }, { actor: reviewer });
    await rt.executeOutcome(planId, 'RecordIndicatorValue', { indicator: id, period: '2017-03', value: 60 + i }, { actor: officer });
  }
  await rt.createPlan({ planId: 'ofsted', title: 'Ofsted SIF tracker', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, { actor: admin });
  await runBatch(rt, 'ofsted', { commands: Array.from({ length: extra }, (_, i) => ({ type: 'AddAction', data: { ref: `Ofsted ${i + 1}`, title: `Recommendation ${i + 1}` } })) }, { actor: admin });
  await rt.executeOutcome(planId, 'LinkCarryOver', { action: 'P1.1', fromPlan: 'ofsted', fromReference: 'Ofsted 1' }, { actor: reviewer });
  return { rt, planId, get: await served(rt) };
}

/** Follows the Link header from `first` to the end, checking each page's `next`, `total` and the header against each other. */
async function follow(get: Get, first: string): Promise<Json[]> {
  const pages: Json[] = [];
  for (let path: string | null = first; path !== null;) {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    const page = (await res.json()) as Json;
    const link = res.headers.get('link');
    expect(page.next === null, `${path}: a next page in the body exactly when the Link header names one`).toBe(link === null);
    if (link !== null) expect(link).toMatch(new RegExp(`after=${page.next}(&|>)`));
    expect(page.total, path).toBe(pages[0]?.total ?? page.total);
    path = link === null ? null : /^<([^>]+)>; rel="next"$/.exec(link)![1]!;
    pages.push(page);
    expect(pages.length, `${first}: more pages than rows`).toBeLessThanOrEqual(Number(page.total) + 1);
  }
  return pages;
}

const rows = (page: Json, list: string) => page[list] as unknown[];
/** The pages' named lists joined, every other field as the first page has it, `next` and `total` dropped. */
function joined(pages: Json[], lists: string[]): Json {
  const { next: _n, total: _t, ...first } = pages[0]!;
  return { ...first, ...Object.fromEntries(lists.map((list) => [list, pages.flatMap((p) => rows(p, list))])) };
}
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Json;
/** What is not a paged list: an answer's figures and fields, a summary's priorities without their rows. */
const figures = (answer: Json) => {
  const out: Json = {};
  for (const [key, value] of Object.entries(answer)) {
    if (['next', 'total', 'actionOrder', 'actions', 'entries', 'evidence', 'exceptions', 'outcomes', 'records', 'indicators', 'milestones', 'recommendations'].includes(key)) continue;
    out[key] = key === 'priorities' && Array.isArray(value) ? (value as Json[]).map(({ actions: _rows, ...p }) => p) : value;
  }
  return out;
};
const plain = <T,>(entries: [string, T][]) => Object.fromEntries(entries);

/** Each paged route: its address, the unpaged answer (the core's, as JSON), how its pages join, and how many rows it has. */
function pagedRoutes(rt: Ragtrail, planId: string) {
  const q = '?period=2017-05';
  return [
    {
      name: 'plan state', path: `/api/plans/${planId}`, whole: async () => json(planStateToJson(await rt.loadPlan(planId))),
      join: (pages: Json[]) => {
        const { next: _n, total: _t, ...first } = pages[0]!;
        const merged = (key: string) => plain(pages.flatMap((p) => Object.entries(p[key] as Json)));
        return { ...first, actionOrder: pages.flatMap((p) => rows(p, 'actionOrder')), actions: merged('actions'), entries: merged('entries'), evidence: merged('evidence') };
      },
      count: (page: Json) => rows(page, 'actionOrder').length,
    },
    {
      name: 'summary', path: `/api/plans/${planId}/summary${q}`, whole: async () => json(await rt.summary(planId, { period: '2017-05' })),
      join: (pages: Json[]) => {
        const { next: _n, total: _t, ...first } = pages[0]!;
        const priorities = (first.priorities as Json[]).map((p, i) => ({ ...p, actions: pages.flatMap((page) => rows((page.priorities as Json[])[i]!, 'actions')) }));
        return { ...first, priorities };
      },
      count: (page: Json) => (page.priorities as Json[]).reduce((n, p) => n + rows(p, 'actions').length, 0),
    },
    { name: 'exceptions', path: `/api/plans/${planId}/exceptions${q}`, whole: async () => json(await rt.exceptions(planId, { period: '2017-05' })), join: (pages: Json[]) => joined(pages, ['exceptions', 'outcomes']), count: (page: Json) => rows(page, 'exceptions').length + rows(page, 'outcomes').length },
    { name: 'evidence', path: `/api/plans/${planId}/evidence${q}`, whole: async () => json(await rt.evidence(planId, { period: '2017-05' })), join: (pages: Json[]) => joined(pages, ['actions']), count: (page: Json) => rows(page, 'actions').length },
    { name: 'audit trail', path: `/api/plans/${planId}/audit`, whole: async () => { const { records } = await rt.audit(planId); return json({ records }); }, join: (pages: Json[]) => { const { total: _t, ...rest } = joined(pages, ['records']); return rest; }, count: (page: Json) => rows(page, 'records').length },
    { name: 'indicators', path: `/api/plans/${planId}/indicators`, whole: async () => json(await rt.indicators(planId)), join: (pages: Json[]) => joined(pages, ['indicators']), count: (page: Json) => rows(page, 'indicators').length },
    { name: 'milestones', path: `/api/plans/${planId}/milestones${q}`, whole: async () => json(await rt.milestones(planId, { period: '2017-05' })), join: (pages: Json[]) => joined(pages, ['milestones']), count: (page: Json) => rows(page, 'milestones').length },
    { name: 'outcome exceptions', path: `/api/plans/${planId}/outcome-exceptions${q}`, whole: async () => json(await rt.outcomeExceptions(planId, { period: '2017-05' })), join: (pages: Json[]) => joined(pages, ['exceptions']), count: (page: Json) => rows(page, 'exceptions').length },
    { name: 'coverage', path: '/api/plans/ofsted/coverage', whole: async () => json(await rt.coverage('ofsted')), join: (pages: Json[]) => joined(pages, ['recommendations', 'exceptions']), count: (page: Json) => rows(page, 'recommendations').length },
  ];
}
const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

describe('every list of the JSON API, a page at a time', () => {
  it('given lists longer than a page, when a client follows the pages at any page size, then they join into exactly the unpaged answer, figures included', async () => {
    const { rt, planId, get } = await longPlans();
    for (const route of pagedRoutes(rt, planId)) {
      const whole = await route.whole();
      // Asked without paging: one page, since every list here is far under the largest page.
      const one = await follow(get, route.path);
      expect(one, route.name).toHaveLength(1);
      expect(route.join(one), route.name).toEqual(whole);
      expect(one[0]!.total, route.name).toBe(route.count(one[0]!));
      expect(one[0]!.total, `${route.name} has rows to page`).toBeGreaterThanOrEqual(3);
    }
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 8 }), async (limit, routeIndex) => {
      const route = pagedRoutes(rt, planId)[routeIndex]!;
      const pages = await follow(get, withQuery(route.path, `limit=${limit}`));
      const total = pages[0]!.total as number;
      expect(pages.map(route.count), route.name).toEqual(Array.from({ length: Math.max(1, Math.ceil(total / limit)) }, (_, i) => Math.min(limit, total - i * limit)));
      const whole = await route.whole();
      expect(route.join(pages), route.name).toEqual(whole);
      // Every page, not only the first, carries the figures of the whole plan.
      for (const page of pages) expect(figures(page), route.name).toEqual(figures(whole));
    }), { numRuns: 40 });
  }, 60_000);

  it('given a page after the last row, then it is empty, says it is the last, and still counts every row', async () => {
    const { rt, planId, get } = await longPlans(4);
    for (const route of pagedRoutes(rt, planId)) {
      const res = await get(withQuery(route.path, 'after=100000'));
      expect(res.status, route.name).toBe(200);
      expect(res.headers.get('link'), route.name).toBeNull();
      const page = (await res.json()) as Json;
      expect(route.count(page), route.name).toBe(0);
      expect(page, route.name).toMatchObject({ next: null, total: route.count((await follow(get, route.path))[0]!) });
    }
  });

  it('given an empty after or limit, then it is the default: a bare after= does not skip the first row', async () => {
    const { rt, planId, get } = await longPlans(4);
    for (const route of pagedRoutes(rt, planId)) {
      const [whole] = await follow(get, route.path);
      expect(await (await get(withQuery(route.path, 'after=&limit='))).json(), route.name).toEqual(whole);
    }
  });

  it('given a page in the middle, then the Link header keeps every other parameter of the address', async () => {
    const { planId, get } = await longPlans(6);
    const res = await get(`/api/plans/${planId}/exceptions?period=2017-05&limit=2&after=1`);
    expect(res.headers.get('link')).toBe(`</api/plans/${planId}/exceptions?period=2017-05&limit=2&after=3>; rel="next"`);
    const audit = await get(`/api/plans/${planId}/audit?offset=2&limit=2&type=ActionAdded`);
    // The audit trail's older `offset` becomes `after` in the link, so the next page is never refused for having both.
    expect(audit.headers.get('link')).toBe(`</api/plans/${planId}/audit?limit=2&type=ActionAdded&after=3>; rel="next"`);
    expect(((await audit.json()) as Json).records).toHaveLength(2);
  });

  it('keeps the ETag and If-None-Match of the plan state and the summary, page by page', async () => {
    const { rt, planId, get } = await longPlans(6);
    const revision = (await rt.loadPlan(planId)).revision;
    for (const path of [`/api/plans/${planId}?limit=2&after=1`, `/api/plans/${planId}/summary?period=2017-05&limit=2&after=1`]) {
      const res = await get(path);
      expect(res.headers.get('etag'), path).toBe(`"${revision}"`);
      const again = await get(path, { 'if-none-match': `"${revision}"` });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
    }
  });

  it('refuses a bad after or limit on every paged route with a 400 naming the field and the rule', async () => {
    const { rt, planId, get } = await longPlans(2);
    for (const route of pagedRoutes(rt, planId))
      for (const [query, field, rule] of [
        ['limit=0', 'query.limit', 'too_small'], [`limit=${LIST_PAGE_MAX + 1}`, 'query.limit', 'too_big'], ['limit=2.5', 'query.limit', 'invalid_type'],
        ['after=-2', 'query.after', 'too_small'], ['after=abc', 'query.after', 'invalid_type'],
      ] as const) {
        const body = await isProblem(await get(withQuery(route.path, query)), 400, field);
        expect(body.issues, `${route.name} ${query}`).toEqual([expect.objectContaining({ field, rule, message: expect.stringMatching(/^must be /) })]);
      }
    const both = await isProblem(await get(`/api/plans/${planId}/audit?after=1&offset=2`), 400, 'query.offset');
    expect(both).toMatchObject({ rule: 'not-with-after' });
  });

  it('answers at most the largest page unasked: a plan of more actions than a page comes in two, and so does its audit trail', async () => {
    const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock() });
    const planId = await seedPlan(rt);
    await runBatch(rt, planId, { commands: Array.from({ length: LIST_PAGE_MAX }, (_, i) => ({ type: 'AddAction', data: { ref: `B${i}`, priorityId: 'p1', title: `Bulk action ${i}` } })) }, { actor: admin });
    const get = await served(rt);
    const [first, second] = await follow(get, `/api/plans/${planId}`);
    expect(rows(first!, 'actionOrder')).toHaveLength(LIST_PAGE_MAX);
    expect(Object.keys(first!.actions as Json)).toHaveLength(LIST_PAGE_MAX);
    expect(second).toMatchObject({ next: null, total: LIST_PAGE_MAX + 3 });
    expect(rows(second!, 'actionOrder')).toHaveLength(3);
    const audit = await follow(get, `/api/plans/${planId}/audit`);
    expect(audit.map((p) => rows(p, 'records').length)).toEqual([LIST_PAGE_MAX, (await rt.audit(planId)).total - LIST_PAGE_MAX]);
  }, 60_000);

  it('documents after and limit, with their bounds, for every paged route in the OpenAPI document', async () => {
    const { rt, planId, get } = await longPlans(1);
    const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, { get: { parameters: { name: string; schema: Json }[]; responses: Record<string, { description: string }> } }> };
    for (const route of pagedRoutes(rt, planId)) {
      const path = route.path.split('?')[0]!.replace(planId, '{planId}').replace('/ofsted/', '/{planId}/');
      const get = doc.paths[path]!.get;
      const params = Object.fromEntries(get.parameters.map((p) => [p.name, p.schema]));
      expect(params.after, path).toMatchObject({ minimum: -1 });
      expect(params.limit, path).toMatchObject({ minimum: 1, maximum: LIST_PAGE_MAX });
      expect(get.responses['200']!.description, path).toMatch(/`next`.*rel="next".*`total`/);
    }
  });
});

describe('a demo-sized plan', () => {
  it('comes whole in one page from every paged route, as it did before paging', async () => {
    const store = createMemoryStore();
    const clock = createDemoClock();
    const rt = createRagtrail({ store, now: clock.now });
    await loadDemo(rt, clock);
    const get = await served(rt);
    for (const planId of Object.values(demoPlanIds)) {
      const state = await rt.loadPlan(planId);
      expect(state.actionOrder.length, planId).toBeGreaterThan(0);
      for (const path of ['', '/summary', '/exceptions', '/evidence', '/audit', '/indicators', '/milestones', '/outcome-exceptions', '/coverage']) {
        const res = await get(`/api/plans/${planId}${path}`);
        expect(res.status, `${planId}${path}`).toBe(200);
        expect(res.headers.get('link'), `${planId}${path}`).toBeNull();
        expect(((await res.json()) as Json).next, `${planId}${path}`).toBeNull();
      }
      const page = (await (await get(`/api/plans/${planId}`)).json()) as Json;
      expect({ ...page, next: undefined, total: undefined }).toEqual({ ...json(planStateToJson(state)), next: undefined, total: undefined });
      expect(page.total).toBe(state.actionOrder.length);
    }
  }, 120_000);
});
