import { ConcurrencyError, DomainError, httpStatusOf, ValidationError } from '@ragtrail/core';
import { PdfUnavailableError } from '@ragtrail/reports';
import type { Context } from 'hono';

/** An RFC 9457 problem: `field` and `rule` say what to fix, in words a program can match on. */
export interface Problem { type: string; title: string; status: number; detail: string; field?: string; rule?: string; [k: string]: unknown }

export function problem(c: Context, p: Problem): Response {
  const retry = retryAfterOf(p);
  return c.body(JSON.stringify(p), p.status as 400, { 'content-type': 'application/problem+json', ...(retry ? { 'retry-after': retry } : {}) });
}

/** A 503 that says when to come back (RFC 9110 §10.2.3): its `Retry-After`, in seconds. */
export const retryAfterOf = (p: Problem): string | undefined =>
  p.status === 503 && typeof p.retryAfter === 'number' && Number.isInteger(p.retryAfter) && p.retryAfter > 0 ? String(p.retryAfter) : undefined;

/** A refusal decided by the app itself (not the core): the caller's input named by field and rule. */
export const refusal = (status: 400 | 401 | 404 | 413 | 415, field: string, rule: string, detail: string): Problem => ({
  type: `urn:ragtrail:${rule}`, ...(status === 401 ? { code: 'unauthenticated' } : {}), title: ({ 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 413: 'Payload Too Large', 415: 'Unsupported Media Type' } as const)[status],
  status, detail, field, rule,
});

export function problemOf(err: unknown): Problem | null {
  if (err instanceof ConcurrencyError)
    return { type: 'urn:ragtrail:conflict', title: 'Conflict', status: 409, detail: err.message, rule: 'revision-matches', currentRevision: err.actualRevision };
  // Not the caller's mistake: this server lacks Chromium, and another format would do.
  if (err instanceof PdfUnavailableError) return { type: 'urn:ragtrail:pdf-unavailable', title: 'Service Unavailable', status: 503, detail: err.message, field: 'format', rule: 'chromium-installed' };
  if (err instanceof DomainError) {
    const status = httpStatusOf[err.code];
    return {
      type: `urn:ragtrail:${err.code}`, title: err.code, code: err.code, status, detail: err.message,
      ...(err.field ? { field: err.field } : {}), ...(err.rule ? { rule: err.rule } : {}),
      ...(err instanceof ValidationError ? { issues: err.issues } : {}), ...(err.details ?? {}),
    };
  }
  if (err instanceof SyntaxError) return refusal(400, '(body)', 'json', 'The body is not valid JSON');
  return null;
}
