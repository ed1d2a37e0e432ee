import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { AppEnv, Ragtrail } from './env.js';
import { authenticate } from './middleware/authenticate.js';
import { closeAfterEarlyRefusal } from './middleware/body-limit.js';
import { integrityFlags, integrityHealth } from './middleware/integrity.js';
import { requestLog } from './middleware/request-log.js';
import { openApiDocument } from './openapi.js';
import { pageRoutes } from './pages/routes.js';
import { problem, problemOf, refusal } from './problem.js';
import { fileRoutes } from './routes/files.js';
import { integrityRoutes } from './routes/integrity.js';
import { liveRoutes } from './routes/live.js';
import { planRoutes } from './routes/plans.js';
import { referenceRoutes } from './routes/reference.js';
import { reportRoutes } from './routes/reports.js';
import { tokenRoutes } from './routes/tokens.js';
import { batchRoutes } from './routes/batch.js';
import { assetRoutes } from './web/assets.js';
import { securityHeaders } from './web/security-headers.js';
import { planLister } from './work/first-listing.js';
import { inlineWork, type Work } from './work/pool.js';
import type { ReadLimitsInput } from '@ragtrail/spreadsheets';
import { outcomeRoutes } from './routes/outcomes.js';

export type { Ragtrail };

export interface AppOptions {
  ragtrail: Ragtrail;
  logger?: Logger;
  /** Largest JSON body the API accepts (413 beyond). */
  bodyLimitBytes?: number;
  /** Largest spreadsheet an import accepts. */
  importLimitBytes?: number;
  /** Aborted when the server shuts down: live streams end so in-flight requests can drain. */
  shutdown?: AbortSignal;
  /** Behind a TLS-terminating proxy: believe X-Forwarded-Proto/-Host (Secure cookie, same-origin check). */
  trustProxy?: boolean;
  /** The limits an uploaded spreadsheet is read within (docs/import-export.md#limits); defaults otherwise. */
  importLimits?: ReadLimitsInput;
  /** Where imports, verify and reports run; by default in this thread (startServer gives a worker pool). */
  work?: Work;
}

/** The HTTP front end: validates, resolves the caller, calls the core, shapes the answer. No domain rule lives here. */
export function createApp({ ragtrail: rt, logger, bodyLimitBytes = 1_000_000, importLimitBytes = 20_000_000, shutdown, trustProxy = false, importLimits = {}, work = inlineWork(rt) }: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const plans = planLister(rt, work);
  app.use('*', requestId());
  app.use('*', requestLog(logger));
  app.use('*', closeAfterEarlyRefusal);
  app.use('*', securityHeaders());
  app.use('*', integrityFlags(rt));
  // The settings routes read, pages included (a report from the dashboard renders off the request path too).
  app.use('*', async (c, next) => {
    c.set('bodyLimits', { json: bodyLimitBytes, upload: importLimitBytes });
    c.set('importLimits', importLimits);
    c.set('work', work);
    c.set('plans', plans);
    await next();
  });
  app.onError((err, c) => {
    const p = problemOf(err);
    if (p) return problem(c, p);
    logger?.error({ err, reqId: c.get('requestId') }, 'unhandled');
    return problem(c, { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: `Unexpected failure (request ${c.get('requestId')})` });
  });
  app.notFound((c) => problem(c, refusal(404, 'path', 'route-exists', `No route ${c.req.method} ${c.req.path}: see /api/openapi.json`)));

  app.get('/health', integrityHealth(rt, logger));

  const api = new OpenAPIHono<AppEnv>();
  // Who is asking, before anything else; each route then checks the role, and only then limits and reads the body.
  api.use('*', authenticate(rt, { cookie: false }));

  planRoutes(api, rt);
  fileRoutes(api, rt);
  reportRoutes(api, rt);
  liveRoutes(api, rt, shutdown);
  tokenRoutes(api, rt);
  integrityRoutes(api, rt);
  batchRoutes(api, rt);
  outcomeRoutes(api, rt);
  const document = openApiDocument(api);

  app.get('/api/openapi.json', (c) => c.json(document));
  referenceRoutes(app);
  assetRoutes(app);
  app.route('/api', api);
  app.route('/', pageRoutes(rt, shutdown, { trustProxy }));
  return app;
}
