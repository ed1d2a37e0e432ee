import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env.js';
import { problem, refusal } from '../problem.js';

/** Largest body per kind of route: JSON commands, and spreadsheet uploads. */
export interface BodyLimits { json: number; upload: number }

/**
 * 413, and `Connection: close`: the rest of the body is never read, so the socket cannot be reused
 * for a next request; saying so spares a keep-alive client a request lost on a closed socket.
 */
export function payloadTooLarge(c: Context, limit: number): Response {
  c.header('Connection', 'close');
  return problem(c, refusal(413, '(body)', 'max-size', `The body is over ${limit} bytes`));
}

/** The body limit of a route; it runs after the role check, so a refused caller's body is never read. */
export const limitBody = (kind: keyof BodyLimits): MiddlewareHandler<AppEnv> => (c, next) => {
  const maxSize = c.get('bodyLimits')[kind];
  return bodyLimit({ maxSize, onError: (ctx) => payloadTooLarge(ctx, maxSize) })(c, next);
};

/**
 * A refusal sent before the body was read (401, 403, 413) closes the connection, so the server
 * does not drain an unread upload to keep the socket alive for whoever sent it.
 */
export const closeAfterEarlyRefusal: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const s = c.res.status;
  if ((s === 401 || s === 403 || s === 413) && c.req.raw.body !== null) c.res.headers.set('Connection', 'close');
};
