import type { OpenAPIHono } from '@hono/zod-openapi';
import { commandSchemas, parseInput, planStateToJson, type PlanCommandType } from '@ragtrail/core';
import type { Context } from 'hono';
import type { AppEnv, Ragtrail } from '../env.js';
import { callerOf } from '../http/caller.js';
import { AuditQuery, EvidenceQuery, HISTORY_PAGE_MAX, HistoryQuery, present, ReadQuery, SummaryQuery, VerifyQuery } from '../http/queries.js';
import { route } from '../openapi.js';
import { answerLong } from '../work/answer.js';

const etag = (revision: number) => `"${revision}"`;
/** A dashboard that already holds this revision gets 304 and no body (If-None-Match, RFC 9110). */
const unchanged = (c: Context<AppEnv>, tag: string) =>
  (c.req.header('if-none-match') ?? '').split(',').some((t) => { const v = t.trim().replace(/^W\//, ''); return v === tag || v === '*'; });
// The core hands back the same summary object while the plan's revision is unchanged; keep its
// serialised form beside it so a busy dashboard does not re-stringify 16 KB per request.
const summaryBodies = new WeakMap<object, string>();
const bodyOf = (summary: object) => {
  let body = summaryBodies.get(summary);
  if (body === undefined) summaryBodies.set(summary, (body = JSON.stringify(summary)));
  return body;
};

const queryOf = <S extends Parameters<typeof parseInput>[0]>(c: Context<AppEnv>, schema: S) => parseInput(schema, c.req.query(), 'query');

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

  route(api, { method: 'get', path: '/plans/:planId', summary: "The plan's state (ETag: its revision)", tag: 'plans', query: ReadQuery.pick({ asOf: true }), cacheable: true, ok: { status: 200, description: 'plan state' } },
    async (c) => {
      const q = queryOf(c, ReadQuery.pick({ asOf: true }));
      const state = await rt.loadPlan(c.req.param('planId')!, q.asOf || undefined);
      c.header('ETag', etag(state.revision));
      if (unchanged(c, etag(state.revision))) return c.body(null, 304);
      // The state keys its collections in Maps; the wire form is plain objects (docs/http-api.md).
      return c.json(planStateToJson(state));
    });

  route(api, { method: 'get', path: '/plans/:planId/summary', summary: 'RAG summary of a period (per priority: mean, lowest, counts per level, direction)', tag: 'queries', query: SummaryQuery, cacheable: true, ok: { status: 200, description: 'the summary' } },
    async (c) => {
      const summary = await rt.summary(c.req.param('planId')!, present(queryOf(c, SummaryQuery)));
      c.header('ETag', etag(summary.revision));
      if (unchanged(c, etag(summary.revision))) return c.body(null, 304);
      return c.body(bodyOf(summary), 200, { 'content-type': 'application/json' });
    });

  route(api, { method: 'get', path: '/plans/:planId/exceptions', summary: 'Exceptions: worst level, declining, overdue, not updated, direction disagreements', tag: 'queries', query: ReadQuery, ok: { status: 200, description: 'exceptions' } },
    async (c) => c.json(await rt.exceptions(c.req.param('planId')!, present(queryOf(c, ReadQuery)))));

  route(api, { method: 'get', path: '/plans/:planId/evidence', summary: 'Evidence of sustained improvement per action', tag: 'queries', query: EvidenceQuery, ok: { status: 200, description: 'per action: trajectory, periods held, evidence, removal rule' } },
    // Each action's history is read from the plan's log: off the request path.
    async (c) => c.json(await c.get('work').run({ kind: 'evidence', planId: c.req.param('planId')!, query: present(queryOf(c, EvidenceQuery)) })));

  route(api, { method: 'get', path: '/plans/:planId/audit', summary: 'Audit trail, filtered and paginated', tag: 'queries', query: AuditQuery, ok: { status: 200, description: '{ total, records }' } },
    // The trail is folded from the plan's whole history: off the request path.
    async (c) => c.json(await c.get('work').run({ kind: 'audit', planId: c.req.param('planId')!, query: present(queryOf(c, AuditQuery)) })));

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
