import { shippedSchemes } from '@ragtrail/core';
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** A CSP hash source for an inline script, style element or style attribute. */
export const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// Nothing inline anywhere by default: pages take their script and stylesheet from /assets/.
const base = {
  'default-src': ["'none'"], 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'font-src': ["'self'"],
  'connect-src': ["'self'"], 'form-action': ["'self'"], 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"], 'object-src': ["'none'"],
} as const;

export function contentSecurityPolicy(extra: { styles?: readonly string[] } = {}): string {
  return Object.entries(base).map(([name, sources]) => [name, ...sources, ...(name === 'style-src' ? extra.styles ?? [] : [])].join(' ')).join('; ');
}

export const defaultPolicy = contentSecurityPolicy();

// An HTML report is one self-contained file (it must open from disk), so it carries its stylesheet
// inline and colours swatches with style attributes. It is byte-reproducible, so no nonce: its
// stylesheet is allowed by hash, and the swatches by the hashes of the shipped schemes' colours.
const swatchHashes = [...new Set(shippedSchemes.flatMap((s) => s.levels.map((l) => sha256Source(`background:${l.colour}`))))];

/**
 * The policy for an HTML report: its first stylesheet in <head> by hash. Every value the report
 * shows is escaped by the renderer, so the head's <style> can only be the renderer's own.
 */
export function reportPolicy(html: string): string {
  const head = /^[\s\S]*?<\/head>/.exec(html)?.[0] ?? '';
  const style = /<style>([\s\S]*?)<\/style>/.exec(head)?.[1];
  return contentSecurityPolicy({ styles: style === undefined ? [] : [sha256Source(style), "'unsafe-hashes'", ...swatchHashes] });
}

/**
 * Hono's secure headers (nosniff, frame denial, referrer policy, cross-origin isolation of
 * resources) on every answer, and the CSP above unless a route set its own (an HTML report).
 */
export function securityHeaders(): MiddlewareHandler {
  const others = secureHeaders({ xFrameOptions: 'DENY', crossOriginEmbedderPolicy: false, overwrite: false });
  return async (c, next) => {
    await others(c, next);
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('Content-Security-Policy', defaultPolicy);
  };
}
