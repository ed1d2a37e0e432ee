import type { z } from 'zod';

/**
 * Why a command or query was refused; front ends map `code` to their own status (HTTP 4xx through
 * `httpStatusOf`, exit 1). `unauthenticated` is a caller nobody recognises (no or an unknown token). `busy` is no fault of the
 * request: the server has as much long work waiting as it takes, and the same request later will do.
 */
export type DomainErrorCode = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'rule' | 'conflict' | 'precondition' | 'busy';

/**
 * The error every refusal throws: a code (which maps to an HTTP status and exit code), a message for people,
 * and the field and rule at fault when there is one.
 */
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

/**
 * A DomainError for input that breaks a rule of its shape (code `invalid`), naming the field and the rule.
 */
export const invalid = (field: string, rule: string, message: string) => new DomainError('invalid', message, field, rule);
/** A DomainError for a caller whose role may not do this (code `forbidden`), naming the rule. */
export const forbidden = (rule: string, message: string) => new DomainError('forbidden', message, undefined, rule);
/**
 * A DomainError for something asked for that does not exist (code `not-found`), naming the field that named
 * it.
 */
export const notFound = (field: string, message: string) => new DomainError('not-found', message, field, 'exists');
/**
 * A DomainError for well-formed input that the plan's current state does not allow (code `rule`), naming the
 * field and the rule.
 */
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

/**
 * One problem with one input field: the dotted path of the field, the rule it breaks and a message for
 * people.
 */
export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

/**
 * A DomainError (code `invalid`) carrying every field problem at once, so a form can mark all bad fields
 * together.
 */
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
