import type { OpenAPIHono } from '@hono/zod-openapi';
import { commandSchemas, invalid, parseInput, type PlanCommandType, type RagSummary } from '@ragtrail/core';
import type { Context } from 'hono';
import type { AppEnv, Ragtrail } from '../env.js';
import { callerOf } from '../http/caller.js';
import { AuditQuery, EvidenceQuery, ExceptionsQuery, HISTORY_PAGE_MAX, HistoryQuery, PlanQuery, present, SummaryQuery, VerifyQuery } from '../http/queries.js';
import { cutEach, LIST_PAGE_MAX, linkNext, pageAsk, pagedAnswer, type PageAsk } from '../http/paging.js';
import { planStatePage } from '../http/plan-page.js';
import { summaryPage } from '../http/summary-page.js';
import { route } from '../openapi.js';
import { answerLong } from '../work/answer.js';

const etag = (revision: number) => `"${revision}"`;
/** A dashboard that already holds this revision gets 304 and no body (If-None-Match, RFC 9110). */
const unchanged = (c: Context<AppEnv>, tag: string) =>
  (c.req.header('if-none-match') ?? '').split(',').some((t) => { const v = t.trim().replace(/^W\//, ''); return v === tag || v === '*'; });
// The core hands back the same summary object while the plan's revision is unchanged; keep the
// serialised pages beside it so a busy dashboard does not re-stringify them per request (a few
// pages a summary: a client walking more starts the set again).
const summaryBodies = new WeakMap<RagSummary, Map<string, { body: string; next: number | null }>>();
const SUMMARY_PAGES_KEPT = 16;
const summaryPageOf = (summary: RagSummary, ask: PageAsk) => {
  let pages = summaryBodies.get(summary);
  if (pages === undefined) summaryBodies.set(summary, (pages = new Map()));
  const key = `${ask.after}|${ask.limit}`;
  let page = pages.get(key);
  if (page === undefined) {
    if (pages.size >= SUMMARY_PAGES_KEPT) pages.clear();
    const cut = summaryPage(summary, ask);
    pages.set(key, (page = { body: JSON.stringify(cut), next: cut.next }));
  }
  return page;
};

// An empty value is no value: a bare `after=` would otherwise read as 0 and skip a list's first row.
const queryOf = <S extends Parameters<typeof parseInput>[0]>(c: Context<AppEnv>, schema: S) => parseInput(schema, present(c.req.query()), 'query');

/** Every core command and query of a plan, as JSON. */
export function planRoutes(api: OpenAPIHono<AppEnv>, rt: Ragtrail): void {
  route(api, { method: 'get', path: '/plans', summary: 'The active plans', tag: 'plans', ok: { status: 200, description: 'plan listings' } },
    async (c) => c.json(await c.get('plans')()));

  route(api, { method: 'post', path: '/plans', summary: 'Create a plan (admin)', tag: 'plans', body: commandSchemas.CreatePlan, conditional: true, ok: { status: 201, description: 'the recorded events' } },
    async (c) => {
      const result = await rt.createPlan(await c.req.json(), callerOf(c));
      c.header('ETag', etag(result.revision));
      return c.json(result, 201);
    });

  for (const [type, schema] of Object.entries(commandSchemas)) {
    if (type === 'CreatePlan') continue;
    route(api, { method: 'post', path: `/plans/:planId/commands/${type}`, summary: type, tag: 'commands', body: schema, conditional: true, ok: { status: 201, description: 'the recorded events; ETag is the new revision' } },
      async (c) => {
        const result = await rt.execute(c.req.param('planId')!, type as PlanCommandType, await c.req.json(), callerOf(c));
        c.header('ETag', etag(result.revision));
        return c.json(result, 201);
      });
  }

  route(api, { method: 'get', path: '/plans/:planId', summary: "The plan's state with a page of its actions (ETag: its revision)", tag: 'plans', query: PlanQuery, cacheable: true,
    ok: { status: 200, description: pagedAnswer("the plan's state (its Maps as plain objects) with `next` and `total`", 'actions, each with its entries and evidence (`actionOrder`, `actions`, `entries`, `evidence` hold the page\'s; priorities, reviews and imported figures are whole)') } },
    async (c) => {
      const { after, limit, asOf } = present(queryOf(c, PlanQuery));
      const state = await rt.loadPlan(c.req.param('planId')!, asOf);
      c.header('ETag', etag(state.revision));
      if (unchanged(c, etag(state.revision))) return c.body(null, 304);
      // The state keys its collections in Maps; the wire form is plain objects (docs/http-api.md),
      // and only the page's actions are converted and sent.
      const page = planStatePage(state, pageAsk({ after, limit }));
      linkNext(c, page.next);
      return c.json(page);
    });

  route(api, { method: 'get', path: '/plans/:planId/summary', summary: 'RAG summary of a period (per priority: mean, lowest, counts per level, direction) with a page of its action rows', tag: 'queries', query: SummaryQuery, cacheable: true,
    ok: { status: 200, description: pagedAnswer('the summary with `next` and `total`; every figure is over the whole plan', "action rows (numbered across the priorities in order; each priority's `actions` holds its rows in the page)") } },
    async (c) => {
      const { after, limit, ...query } = present(queryOf(c, SummaryQuery));
      const summary = await rt.summary(c.req.param('planId')!, query);
      c.header('ETag', etag(summary.revision));
      if (unchanged(c, etag(summary.revision))) return c.body(null, 304);
      const page = summaryPageOf(summary, pageAsk({ after, limit }));
      linkNext(c, page.next);
      return c.body(page.body, 200, { 'content-type': 'application/json' });
    });

  route(api, { method: 'get', path: '/plans/:planId/exceptions', summary: 'Exceptions: worst level, declining, overdue, not updated, direction disagreements; then off-target indicators and milestones overdue or missed', tag: 'queries', query: ExceptionsQuery,
    ok: { status: 200, description: pagedAnswer('{ period, exceptions, outcomes, next, total }', 'exceptions (the actions\' `exceptions`, then the `outcomes`, numbered as one list)') } },
    async (c) => {
      const { after, limit, ...query } = present(queryOf(c, ExceptionsQuery));
      const { period, exceptions, outcomes } = await rt.exceptions(c.req.param('planId')!, query);
      const { parts, next, total } = cutEach({ exceptions, outcomes }, pageAsk({ after, limit }));
      linkNext(c, next);
      return c.json({ period, ...parts, next, total });
    });

  route(api, { method: 'get', path: '/plans/:planId/evidence', summary: 'Evidence of sustained improvement per action', tag: 'queries', query: EvidenceQuery,
    ok: { status: 200, description: pagedAnswer('{ period, actions, next, total }: per action its trajectory, periods held, evidence, removal rule', 'actions') } },
    // Each action's history is read from the plan's log, and the page serialised: off the request path.
    async (c) => {
      const { after, limit, ...query } = present(queryOf(c, EvidenceQuery));
      const page = await c.get('work').run({ kind: 'evidence-page', planId: c.req.param('planId')!, query, page: pageAsk({ after, limit }) });
      linkNext(c, page.next);
      return c.body(page.body, 200, { 'content-type': 'application/json' });
    });

  route(api, { method: 'get', path: '/plans/:planId/audit', summary: 'Audit trail, filtered, a page at a time', tag: 'queries', query: AuditQuery,
    ok: { status: 200, description: pagedAnswer('{ total, records, next }', 'records (`offset`, the older form, is `after` + 1)') } },
    // The trail is folded from the plan's whole history: off the request path.
    async (c) => {
      const { after, offset, limit = LIST_PAGE_MAX, ...filter } = present(queryOf(c, AuditQuery));
      if (after !== undefined && offset !== undefined) throw invalid('query.offset', 'not-with-after', 'give after or offset, not both (offset is after + 1)');
      const from = offset ?? (after ?? -1) + 1;
      const { total, records } = await c.get('work').run({ kind: 'audit', planId: c.req.param('planId')!, query: { ...filter, offset: from, limit } });
      const next = from + records.length < total ? from + records.length - 1 : null;
      linkNext(c, next);
      return c.json({ total, records, next });
    });

  route(api, { method: 'get', path: '/plans/:planId/history', summary: "The plan's recorded events, in order, a page at a time (asOf: as the log stood then)", tag: 'queries', query: HistoryQuery,
    ok: { status: 200, description: `{ events, next, total }: at most \`limit\` events (default and most ${HISTORY_PAGE_MAX}) whose revision is greater than \`after\`, with their hashes; \`next\` is the \`after\` of the following page (also sent as \`Link: <...>; rel="next"\`), null on the last page; \`total\` counts every event as known at \`asOf\`` } },
    async (c) => {
      const planId = c.req.param('planId')!;
      // An empty value is no value (a bare `after=` would otherwise read as 0 and skip the first event).
      const q = parseInput(HistoryQuery, present(c.req.query()), 'query');
      const query = { after: q.after ?? -1, limit: q.limit ?? HISTORY_PAGE_MAX, ...(q.asOf ? { asOf: q.asOf } : {}) };
      // The whole stream is read to cut one page from it: off the request path.
      const page = await c.get('work').run({ kind: 'history', planId, query });
      if (page.next !== null) {
        const next = new URLSearchParams({ after: String(page.next), ...(q.limit ? { limit: String(q.limit) } : {}), ...(q.asOf ? { asOf: q.asOf } : {}) });
        c.header('Link', `</api/plans/${encodeURIComponent(planId)}/history?${next}>; rel="next"`);
      }
      return c.body(page.body, 200, { 'content-type': 'application/json' });
    });

  route(api, { method: 'get', path: '/verify', summary: 'Check the hash chains (all plans, or one)', tag: 'integrity', query: VerifyQuery, ok: { status: 200, description: '{ ok, ... firstBreak }' } },
    async (c) => {
      const q = present(queryOf(c, VerifyQuery));
      // A full verify reads the whole log: off the request path, with progress for a client that asks.
      return answerLong(c, { kind: 'verify', query: q.planId ? { planId: q.planId } : {} }, (result) => c.json(result));
    });
}
