import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Env, Hono } from 'hono';

// The pages' own files, served from packages/http/assets/ (no CDN: council networks are often
// closed). Read once at start: they change only with a new release. The pages link each file
// with ?v=<content hash>, so a browser may keep that address for a year; any other address
// (no or an old ?v) must be revalidated, through the ETag.
const dir = new URL('../../assets/', import.meta.url);
const types = { 'ragtrail.css': 'text/css; charset=utf-8', 'api-reference.css': 'text/css; charset=utf-8' } as const;
type AssetName = keyof typeof types;

const files = new Map(Object.keys(types).map((name) => {
  const body = readFileSync(new URL(name, dir));
  return [name, { body: new Uint8Array(body), hash: createHash('sha256').update(body).digest('hex').slice(0, 16) }] as const;
}));

/** The address a page links an asset by: its content hash makes it safe to cache for good. */
export const assetHref = (name: AssetName): string => `/assets/${name}?v=${files.get(name)!.hash}`;

/** GET /assets/:file for the files above, public (the sign-in page needs its stylesheet too). */
export function pageAssetRoutes<E extends Env>(app: Hono<E>): void {
  app.get('/assets/:file', (c) => {
    const name = c.req.param('file');
    const file = Object.hasOwn(types, name) ? files.get(name) : undefined;
    if (!file) return c.notFound();
    const etag = `"${file.hash}"`;
    const headers = {
      'content-type': types[name as AssetName],
      etag,
      'cache-control': c.req.query('v') === file.hash ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (c.req.header('if-none-match')?.split(',').some((t) => t.trim() === etag)) return c.body(null, 304, headers);
    return c.body(file.body, 200, headers);
  });
}
