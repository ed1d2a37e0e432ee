import type { z } from 'zod';

/**
 * Why a command or query was refused; front ends map `code` to their own status (HTTP 4xx through
 * `httpStatusOf`, exit 1). `unauthenticated` is a caller nobody recognises (no or an unknown token).
 */
export type DomainErrorCode = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'rule' | 'conflict' | 'precondition';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field at fault, as a dotted path ("data.score"), when one is. */
    readonly field?: string,
    /** A stable name for the rule that refused it, for programs to match on. */
    readonly rule?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const invalid = (field: string, rule: string, message: string) => new DomainError('invalid', message, field, rule);
export const forbidden = (rule: string, message: string) => new DomainError('forbidden', message, undefined, rule);
export const notFound = (field: string, message: string) => new DomainError('not-found', message, field, 'exists');
export const ruleBroken = (field: string, rule: string, message: string) => new DomainError('rule', message, field, rule);

/** Raised by a store when the stream moved on since the caller read it. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly stream: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(`Stream ${stream} is at revision ${actualRevision}, expected ${expectedRevision}: someone else changed it first`);
  }
}

export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

export class ValidationError extends DomainError {
  constructor(readonly issues: FieldIssue[]) {
    const first = issues[0];
    super('invalid', issues.map((i) => `${i.field}: ${i.message}`).join('; '), first?.field, first?.rule);
  }
}

/** Parses input with a schema and turns zod's issues into field-named errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
      rule: issue.code,
      message: issue.message,
    })),
  );
}
