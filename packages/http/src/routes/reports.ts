import type { OpenAPIHono } from '@hono/zod-openapi';
import { parseInput } from '@ragtrail/core';
import type { Handler } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ragtrail } from '../env.js';
import { present, ReportQuery } from '../http/queries.js';
import { route } from '../openapi.js';
import { reportPolicy } from '../web/security-headers.js';
import { reportKinds, type Task } from '../work/tasks.js';

type ReportTask = Extract<Task, { kind: 'report' }>;

const ReportKind = z.enum(reportKinds).describe('board: the Improvement Board report; evidence: the inspector evidence pack; scrutiny: the scrutiny progress report');

/** Renders a report as a download; the JSON API (bearer token) and the pages (cookie) both serve it. */
export const reportDownload = (_rt: Ragtrail): Handler<AppEnv> => async (c) => {
  const what = parseInput(ReportKind, c.req.param('kind'), 'kind');
  const q = parseInput(ReportQuery, c.req.query(), 'query');
  // Rendering (a PDF above all) runs off the request path, through the app's work runner.
  const task: ReportTask = { kind: 'report', what, options: { planId: c.req.param('planId')!, format: q.format, ...present({ period: q.period, asOf: q.asOf }) } };
  const report = await c.get('work').run(task);
  // An HTML report's own stylesheet is allowed by its hash, nothing else inline.
  const csp: Record<string, string> = typeof report.body === 'string' && report.contentType.startsWith('text/html') ? { 'content-security-policy': reportPolicy(report.body) } : {};
  return c.body(report.body, 200, { 'content-type': report.contentType, 'content-disposition': `attachment; filename="${report.fileName}"`, ...csp });
};

/** The monthly board report, the inspector's evidence pack and the scrutiny progress report, as md, html, xlsx or pdf. */
export function reportRoutes(api: OpenAPIHono<AppEnv>, rt: Ragtrail): void {
  route(api, {
    method: 'get', path: '/plans/:planId/reports/:kind',
    summary: "Board report, evidence pack or scrutiny progress report (format md, html, xlsx, pdf); asOf reproduces it as it was; the scrutiny report's period defaults to the latest with a review or an indicator value", tag: 'reports',
    params: { kind: ReportKind }, query: ReportQuery, ok: { status: 200, description: 'the report file', mediaType: 'text/html' },
  }, reportDownload(rt));
}
