import { ConcurrencyError, DomainError, ValidationError, type FieldIssue } from '@ragtrail/core';
import { PdfUnavailableError } from '@ragtrail/reports';

/** An error as it crosses from a worker thread: structured clone keeps no class, so say which. */
export interface WireError {
  kind: 'domain' | 'validation' | 'pdf' | 'concurrency' | 'other';
  message: string;
  code?: DomainError['code'];
  field?: string;
  rule?: string;
  details?: Record<string, unknown>;
  issues?: FieldIssue[];
  concurrency?: { stream: string; expectedRevision: number; actualRevision: number };
}

export function toWire(error: unknown): WireError {
  if (error instanceof ValidationError) return { kind: 'validation', message: error.message, issues: error.issues };
  if (error instanceof PdfUnavailableError) return { kind: 'pdf', message: error.message };
  if (error instanceof DomainError)
    return { kind: 'domain', message: error.message, code: error.code, ...(error.field ? { field: error.field } : {}), ...(error.rule ? { rule: error.rule } : {}), ...(error.details ? { details: { ...error.details } } : {}) };
  if (error instanceof ConcurrencyError)
    return { kind: 'concurrency', message: error.message, concurrency: { stream: error.stream, expectedRevision: error.expectedRevision, actualRevision: error.actualRevision } };
  return { kind: 'other', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/**
 * The error the facade would have thrown in this thread: the same code, field, rule and details
 * (an ImportLimitError's limit, allowed and fileName among them), so the answer is the same as
 * for work done in process.
 */
export function fromWire(wire: WireError): Error {
  switch (wire.kind) {
    case 'validation': return new ValidationError(wire.issues ?? []);
    case 'pdf': return Object.defineProperty(new PdfUnavailableError(''), 'message', { value: wire.message });
    case 'domain': return new DomainError(wire.code ?? 'invalid', wire.message, wire.field, wire.rule, wire.details);
    case 'concurrency': return new ConcurrencyError(wire.concurrency!.stream, wire.concurrency!.expectedRevision, wire.concurrency!.actualRevision);
    default: return new Error(`A worker failed: ${wire.message}`);
  }
}
