import type { DomainErrorCode } from './errors.js';

/**
 * The one table between refusal codes and HTTP statuses: the HTTP app answers with it and the
 * terminal's HTTP client reads answers back with it, so the two can never drift apart. A broken
 * domain rule is the caller's mistake (422), never a 500.
 */
export const httpStatusOf = {
  invalid: 400, unauthenticated: 401, forbidden: 403, 'not-found': 404, conflict: 409, precondition: 412, rule: 422, busy: 503,
} as const satisfies Record<DomainErrorCode, number>;

const codeByStatus = new Map<number, DomainErrorCode>(Object.entries(httpStatusOf).map(([code, status]) => [status, code as DomainErrorCode]));

/**
 * The refusal code an HTTP answer stands for. Statuses the app uses for input it cannot take at
 * all (413 too large, 415 wrong media type) are `invalid`; anything else it did not expect is
 * reported as a broken rule, so a client never mistakes it for success.
 */
export function codeOfHttpStatus(status: number): DomainErrorCode {
  if (status === 413 || status === 415) return 'invalid';
  return codeByStatus.get(status) ?? 'rule';
}
