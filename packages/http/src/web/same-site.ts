import type { Context } from 'hono';

/**
 * The origin the browser used. Behind a TLS-terminating proxy (`trustProxy`, set by
 * RAGTRAIL_TRUST_PROXY=1) that is what X-Forwarded-Proto and X-Forwarded-Host say; without it
 * those headers are ignored, since any client could send them.
 */
export function originOf(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (!trustProxy) return url.origin;
  const first = (h: string | undefined) => h?.split(',')[0]?.trim() || undefined;
  const proto = first(c.req.header('x-forwarded-proto')) ?? url.protocol.replace(':', '');
  const host = first(c.req.header('x-forwarded-host')) ?? c.req.header('host') ?? url.host;
  return `${proto}://${host}`;
}

export const isHttps = (c: Context, trustProxy: boolean) => originOf(c, trustProxy).startsWith('https:');

/**
 * A form POST is this site's own when the browser says so (Sec-Fetch-Site: same-origin) or, for
 * a browser that does not send that header, when Origin is this site. Another site's form (a
 * login CSRF, a forced sign-out) is neither.
 */
export function isSameOriginPost(c: Context, trustProxy: boolean): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = c.req.header('origin');
  return origin !== undefined && origin === originOf(c, trustProxy);
}

const placeholder = 'http://ragtrail.invalid';

/**
 * Where to go after signing in: a path on this site only. Backslashes (browsers read `/\\evil`
 * as `//evil`), control characters (browsers drop tabs and newlines, so `/\t/evil` becomes
 * `//evil`), `//host` and anything with a scheme all fall back to `/`.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2048 || !next.startsWith('/') || next.startsWith('//')) return '/';
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  return new URL(next, placeholder).origin === placeholder ? next : '/';
}
