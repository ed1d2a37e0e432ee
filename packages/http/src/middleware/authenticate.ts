import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, Ragtrail } from '../env.js';
import { problem, refusal } from '../problem.js';

export const TOKEN_COOKIE = 'ragtrail_token';

const bearerOf = (header: string | undefined) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

/**
 * The JSON API takes only `Authorization: Bearer`: a cookie there would let another site's form
 * write to the plan (CSRF). Pages are read-only GETs, so they may also use the login cookie.
 */
export function authenticate(rt: Ragtrail, sources: { cookie: boolean }, onMissing?: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const secret = bearerOf(c.req.header('authorization')) ?? (sources.cookie ? getCookie(c, TOKEN_COOKIE) : undefined);
    const actor = secret ? await rt.authenticate(secret) : null;
    if (!actor) {
      if (onMissing) return onMissing(c, next);
      return problem(c, refusal(401, 'Authorization', 'bearer-token', 'Send a valid token: Authorization: Bearer <token> (ragtrail token create prints one)'));
    }
    c.set('actor', actor);
    await next();
  };
}
