import { ConcurrencyError, DomainError, ValidationError } from '@ragtrail/core';
import type { Context } from 'hono';

/** Core error codes mapped to HTTP; a broken domain rule is the user's mistake (422), never a 500. */
const statusOf = { invalid: 400, forbidden: 403, 'not-found': 404, rule: 422, conflict: 409, precondition: 412 } as const;

export interface Problem { type: string; title: string; status: number; detail: string; field?: string; rule?: string; [k: string]: unknown }

export function problem(c: Context, p: Problem): Response {
  return c.body(JSON.stringify(p), p.status as 400, { 'content-type': 'application/problem+json' });
}

export function problemOf(err: unknown): Problem | null {
  if (err instanceof ConcurrencyError)
    return { type: 'urn:ragtrail:conflict', title: 'Conflict', status: 409, detail: err.message, rule: 'revision-matches', currentRevision: err.actualRevision };
  if (err instanceof DomainError) {
    const status = statusOf[err.code];
    return {
      type: `urn:ragtrail:${err.code}`, title: err.code, status, detail: err.message,
      ...(err.field ? { field: err.field } : {}), ...(err.rule ? { rule: err.rule } : {}),
      ...(err instanceof ValidationError ? { issues: err.issues } : {}), ...(err.details ?? {}),
    };
  }
  return null;
}
