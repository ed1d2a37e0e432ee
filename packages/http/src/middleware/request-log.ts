import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../env.js';

/** One structured line per request, keyed by the request id the client also sees (X-Request-Id). */
export const requestLog = (logger: Logger | undefined): MiddlewareHandler<AppEnv> => async (c, next) => {
  const started = performance.now();
  await next();
  logger?.info({ reqId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
};
