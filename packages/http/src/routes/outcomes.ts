import type { OpenAPIHono } from '@hono/zod-openapi';
import { outcomeCommandSchemas, outcomePermissions, parseInput, type OutcomeCommandType } from '@ragtrail/core';
import { precheckFile } from '@ragtrail/spreadsheets';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ragtrail } from '../env.js';
import { callerOf } from '../http/caller.js';
import { present, ReadQuery } from '../http/queries.js';
import { answerListPage, cut, LIST_PAGE_MAX, linkNext, pageAsk, pagedAnswer, pageFields } from '../http/paging.js';
import { route } from '../openapi.js';
import { problem } from '../problem.js';
import { answerLong, limitProblem } from '../work/answer.js';

const IndicatorsQuery = ReadQuery.extend({
  period: z.string().optional().describe('the figures as they stood in this period, YYYY-MM (default: the latest values)'),
  priority: z.string().optional().describe("only this priority's indicators (priority id)"),
  ...pageFields(LIST_PAGE_MAX, 'indicators'),
});
const onDay = { period: z.string().optional().describe('status at the end of this period, YYYY-MM (default: today, or the as-of date)') };
const MilestonesQuery = ReadQuery.extend({ ...onDay, ...pageFields(LIST_PAGE_MAX, 'milestones') });
const OutcomeExceptionsQuery = ReadQuery.extend({ ...onDay, ...pageFields(LIST_PAGE_MAX, 'exceptions') });
const CoverageQuery = ReadQuery.pick({ asOf: true }).extend(pageFields(LIST_PAGE_MAX, 'recommendations'));
const ImportQuery = z.object({
  fileName: z.string().trim().min(1, 'name the file, e.g. digest.csv or lait.xlsx').describe('the file name (its extension says CSV, TSV or XLSX)'),
  layout: z.enum(['long', 'wide']).optional().describe('long: a row per indicator and period; wide: a column per year (default: whichever the header shows)'),
  authority: z.string().optional().describe('with an authority column: yours, as the file writes it'),
  indicator: z.string().optional().describe('a wide file of one indicator: its id or name'),
  map: z.union([z.string(), z.array(z.string())]).optional().describe('"Your header=column" (repeat): indicator, period, value, authority, source, release or comparator:NAME'),
  yearEnd: z.string().optional().describe('the month a bare year stands for, 01-12 (default 03)'),
  source: z.string().optional(), release: z.string().optional(), sheet: z.string().optional(),
});

// An empty value is no value: a bare `after=` would otherwise read as 0 and skip a list's first row.
const queryOf = <S extends Parameters<typeof parseInput>[0]>(c: Context<AppEnv>, schema: S) => parseInput(schema, present(c.req.query()), 'query');

/**
 * A plan's outcomes: indicators, milestones and carried-over recommendations. Roles are the core's
 * (officers record values with their comparators; reviewers correct, target and link; admins
 * define indicators); the ETag of a command is the outcome stream's revision.
 */
export function outcomeRoutes(api: OpenAPIHono<AppEnv>, rt: Ragtrail): void {
  for (const [type, schema] of Object.entries(outcomeCommandSchemas)) {
    const roles = outcomePermissions[type as OutcomeCommandType].join(', ');
    route(api, { method: 'post', path: `/plans/:planId/outcomes/commands/${type}`, summary: `${type} (${roles})`, tag: 'outcomes', body: schema, conditional: true, ok: { status: 201, description: "the recorded events; ETag is the outcome stream's new revision" } },
      async (c) => {
        const result = await rt.executeOutcome(c.req.param('planId')!, type as OutcomeCommandType, await c.req.json(), callerOf(c));
        c.header('ETag', `"${result.revision}"`);
        return c.json(result, 201);
      });
  }

  route(api, { method: 'post', path: '/plans/:planId/outcomes/imports', summary: 'Record indicator values and comparators from a CSV, TSV or XLSX body, all or nothing (officer)', tag: 'outcomes', query: ImportQuery, body: { mediaType: 'application/octet-stream', description: 'the file as bytes' }, ok: { status: 201, description: '{ planId, events, recorded, unchanged, warnings }' } },
    async (c) => {
      const q = parseInput(ImportQuery, { ...c.req.query(), map: c.req.queries('map') }, 'query');
      const columnMap = Object.fromEntries((typeof q.map === 'string' ? [q.map] : q.map ?? []).map((m) => [m.slice(0, m.indexOf('=')).trim(), m.slice(m.indexOf('=') + 1).trim()]));
      const { map: _map, ...options } = present(q);
      const limits = c.get('importLimits');
      const content = Buffer.from(await c.req.arrayBuffer());
      // As for a plan import: the server's limits, and what the file shows up front (its size, its
      // ZIP directory, its declared dimensions) refused before the reading starts, off the request path.
      try {
        await precheckFile({ fileName: q.fileName, content, limits });
      } catch (error) {
        const p = limitProblem(error);
        if (p) return problem(c, p);
        throw error;
      }
      const input = { ...options, fileName: q.fileName, planId: c.req.param('planId')!, content, limits, ...(Object.keys(columnMap).length ? { columnMap } : {}) };
      return answerLong(c, { kind: 'indicator-import', input, caller: callerOf(c) }, (result) => c.json(result, 201));
    });

  // Each list grows with the plan (a milestone per action, a recommendation per action of an
  // inspection plan, an indicator per imported row): each answers a page at a time
  // (docs/http-api.md#paging), what is not a list whole.
  route(api, { method: 'get', path: '/plans/:planId/indicators', summary: "Each indicator: latest, previous, baseline, target, comparators (name -> { value, better, source }), direction and RAG through its polarity", tag: 'outcomes', query: IndicatorsQuery,
    ok: { status: 200, description: pagedAnswer('{ planId, period, indicators, next, total }', 'indicators') } },
    async (c) => {
      const { after, limit, ...query } = present(queryOf(c, IndicatorsQuery));
      const { indicators, ...rest } = await rt.indicators(c.req.param('planId')!, query);
      return answerListPage(c, { rest, name: 'indicators', list: indicators }, { after, limit });
    });

  route(api, { method: 'get', path: '/plans/:planId/milestones', summary: 'Every milestone with its status: upcoming, due, met or missed, and what decided it', tag: 'outcomes', query: MilestonesQuery,
    ok: { status: 200, description: pagedAnswer('{ planId, on, milestones, next, total }', 'milestones') } },
    async (c) => {
      const { after, limit, ...query } = present(queryOf(c, MilestonesQuery));
      const { milestones, ...rest } = await rt.milestones(c.req.param('planId')!, query);
      return answerListPage(c, { rest, name: 'milestones', list: milestones }, { after, limit });
    });

  route(api, { method: 'get', path: '/plans/:planId/outcome-exceptions', summary: 'Off-target indicators and overdue or missed milestones, as sentences', tag: 'outcomes', query: OutcomeExceptionsQuery,
    ok: { status: 200, description: pagedAnswer('{ planId, exceptions, next, total }', 'exceptions') } },
    async (c) => {
      const { after, limit, ...query } = present(queryOf(c, OutcomeExceptionsQuery));
      const { exceptions, ...rest } = await rt.outcomeExceptions(c.req.param('planId')!, query);
      return answerListPage(c, { rest, name: 'exceptions', list: exceptions }, { after, limit });
    });

  route(api, { method: 'get', path: '/plans/:planId/coverage', summary: 'Per recommendation of an inspection plan: the actions of later plans carrying it, their scores, linked indicators, evidence, open or closed', tag: 'outcomes', query: CoverageQuery,
    ok: { status: 200, description: pagedAnswer("{ planId, recommendations, exceptions, next, total }: `exceptions` are the sentences of the page's recommendations nothing assures, so the pages' join into the whole list", 'recommendations') } },
    async (c) => {
      const { after, limit, ...query } = present(queryOf(c, CoverageQuery));
      const { planId, recommendations } = await rt.coverage(c.req.param('planId')!, query);
      const { rows, next, total } = cut(recommendations, pageAsk({ after, limit }));
      linkNext(c, next);
      return c.json({ planId, recommendations: rows, exceptions: rows.flatMap((r) => (r.exception ? [r.exception] : [])), next, total });
    });
}
