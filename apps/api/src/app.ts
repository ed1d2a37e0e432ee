import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { commandSchemas, type Actor, type createRagtrail, type PlanCommandType } from '@ragtrail/core';
import type { Logger } from 'pino';
import { streamSSE } from 'hono/streaming';
import { PdfUnavailableError, renderBoardReport, renderEvidencePack } from '@ragtrail/reports';
import { openApiDocument } from './openapi.js';
import { problem, problemOf } from './problem.js';

export type Ragtrail = ReturnType<typeof createRagtrail>;
type Env = { Variables: { actor: Actor; requestId: string } };

export interface AppOptions { ragtrail: Ragtrail; logger?: Logger; bodyLimitBytes?: number }

const queryOf = (q: Record<string, string>) => ({ ...(q.period ? { period: q.period } : {}), ...(q.asOf ? { asOf: q.asOf } : {}) });

export function createApp({ ragtrail: rt, logger, bodyLimitBytes = 1_000_000 }: AppOptions): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger?.info({ reqId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
  app.onError((err, c) => {
    const p = problemOf(err);
    if (p) return problem(c, p);
    if (err instanceof SyntaxError) return problem(c, { type: 'urn:ragtrail:invalid', title: 'invalid', status: 400, detail: 'Body is not valid JSON', field: '(body)', rule: 'json' });
    logger?.error({ err, reqId: c.get('requestId') }, 'unhandled');
    return problem(c, { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Unexpected failure' });
  });

  app.get('/health', (c) => c.json({ status: 'ok' }));

  const doc = openApiDocument();
  app.get('/api/openapi.json', (c) => c.json(doc));

  const api = new OpenAPIHono<Env>();
  api.use('*', bodyLimit({ maxSize: bodyLimitBytes, onError: (c) => problem(c, { type: 'urn:ragtrail:too-large', title: 'Payload Too Large', status: 413, detail: `Body over ${bodyLimitBytes} bytes`, field: '(body)', rule: 'max-size' }) }));
  api.use('*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = m?.[1] ? await rt.authenticate(m[1]) : null;
    if (!actor) return problem(c, { type: 'urn:ragtrail:unauthenticated', title: 'Unauthorized', status: 401, detail: 'Send a valid bearer token', field: 'Authorization', rule: 'bearer-token' });
    c.set('actor', actor);
    await next();
  });

  const callerOf = (c: { get(k: 'actor'): Actor; req: { header(n: string): string | undefined } }) => {
    const ifMatch = c.req.header('if-match')?.replace(/^W\//, '').replace(/"/g, '');
    const expectedRevision = ifMatch !== undefined && /^\d+$/.test(ifMatch) ? Number(ifMatch) : undefined;
    return { actor: c.get('actor'), reason: c.req.header('x-reason') ?? null, ...(expectedRevision !== undefined ? { expectedRevision } : {}) };
  };

  api.get('/plans', async (c) => c.json(await rt.plans()));
  api.post('/plans', async (c) => c.json(await rt.createPlan(await c.req.json(), callerOf(c)), 201));
  api.post('/plans/:planId/commands/:type', async (c) => {
    const type = c.req.param('type');
    if (!Object.hasOwn(commandSchemas, type) || type === 'CreatePlan')
      return problem(c, { type: 'urn:ragtrail:not-found', title: 'not-found', status: 404, detail: `No command ${type}`, field: 'type', rule: 'exists' });
    const result = await rt.execute(c.req.param('planId'), type as PlanCommandType, await c.req.json(), callerOf(c));
    c.header('ETag', `"${result.revision}"`);
    return c.json(result, 201);
  });
  api.get('/plans/:planId', async (c) => {
    const state = await rt.loadPlan(c.req.param('planId'), c.req.query('asOf'));
    c.header('ETag', `"${state.revision}"`);
    return c.json(state);
  });
  api.get('/plans/:planId/summary', async (c) => c.json(await rt.summary(c.req.param('planId'), queryOf(c.req.query()))));
  api.get('/plans/:planId/exceptions', async (c) => c.json(await rt.exceptions(c.req.param('planId'), queryOf(c.req.query()))));
  api.get('/plans/:planId/evidence', async (c) => c.json(await rt.evidence(c.req.param('planId'), queryOf(c.req.query()))));
  api.get('/plans/:planId/audit', async (c) => {
    const q = c.req.query();
    const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
    const offset = num(q.offset), limit = num(q.limit);
    return c.json(await rt.audit(c.req.param('planId'), { ...(q.asOf ? { asOf: q.asOf } : {}), ...(offset !== undefined ? { offset } : {}), ...(limit !== undefined ? { limit } : {}) }));
  });
  api.get('/plans/:planId/events', async (c) => {
    const planId = c.req.param('planId');
    await rt.loadPlan(planId);
    return streamSSE(c, async (stream) => {
      const sub = rt.subscribe((e) => void stream.writeSSE({ id: String(e.revision), event: e.type, data: JSON.stringify(e) }), { planId });
      await new Promise<void>((resolve) => stream.onAbort(resolve));
      await sub.close();
    });
  });
  api.get('/plans/:planId/reports/:kind', async (c) => {
    const render = { board: renderBoardReport, evidence: renderEvidencePack }[c.req.param('kind')];
    if (!render) return problem(c, { type: 'urn:ragtrail:not-found', title: 'not-found', status: 404, detail: 'Reports are board or evidence', field: 'kind', rule: 'exists' });
    try {
      const report = await render(rt, { planId: c.req.param('planId'), ...queryOf(c.req.query()), format: c.req.query('format') ?? 'html' } as Parameters<typeof render>[1]);
      const body = typeof report.body === 'string' ? report.body : new Uint8Array(report.body);
      return c.body(body, 200, { 'content-type': report.contentType, 'content-disposition': `attachment; filename="${report.fileName}"` });
    } catch (err) {
      if (err instanceof PdfUnavailableError) return problem(c, { type: 'urn:ragtrail:pdf-unavailable', title: 'Service Unavailable', status: 503, detail: err.message, field: 'format', rule: 'chromium-installed' });
      throw err;
    }
  });
  api.get('/verify', async (c) => c.json(await rt.verify()));
  api.post('/tokens', async (c) => c.json(await rt.issueToken(await c.req.json(), callerOf(c)), 201));

  app.route('/api', api);
  return app;
}
