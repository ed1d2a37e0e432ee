import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Env, Hono } from 'hono';
import { assetHref } from '../pages/assets.js';

// Council networks and these machines often have no internet: the reference page's assets come
// from the installed swagger-ui-dist package, never from a CDN.
const assetsDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets = { 'swagger-ui.css': 'text/css; charset=utf-8', 'swagger-ui-bundle.js': 'text/javascript; charset=utf-8' } as const;

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ragtrail API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
<link rel="stylesheet" href="${assetHref('api-reference.css')}"></head>
<body><noscript>This reference needs JavaScript; the raw document is at <a href="/api/openapi.json">/api/openapi.json</a>.</noscript>
<div id="reference"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/start.js"></script>
</body></html>`;

// Swagger UI's request-body editor has no label (axe: "label", critical): name it as it appears.
const start = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#reference', persistAuthorization: true });
new MutationObserver(function () {
  document.querySelectorAll('textarea.body-param__text:not([aria-label])').forEach(function (t) { t.setAttribute('aria-label', 'Request body'); });
}).observe(document.getElementById('reference'), { childList: true, subtree: true });`;

/** The interactive API reference at /api/docs, served entirely from this server. */
export function referenceRoutes<E extends Env>(app: Hono<E>): void {
  app.get('/api/docs', (c) => c.html(page));
  app.get('/api/docs/assets/start.js', (c) => c.body(start, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/api/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    if (!Object.hasOwn(assets, file)) return c.notFound();
    const body = await readFile(join(assetsDir, file));
    return c.body(new Uint8Array(body), 200, { 'content-type': assets[file as keyof typeof assets], 'cache-control': 'public, max-age=86400' });
  });
}
