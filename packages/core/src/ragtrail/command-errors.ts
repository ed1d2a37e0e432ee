import { DomainError, type ConcurrencyError } from '../shared/errors.js';

/** The caller pinned a revision (HTTP If-Match) and the stream has moved on from it. */
export const staleRevision = (current: number, expected: number) =>
  new DomainError('precondition', `The plan is at revision ${current}, not ${expected}: reload and try again`, 'If-Match', 'revision-matches', { currentRevision: current });

/** Another writer appended to the stream between our read and our append. `subject` names it ("plan x", "the token list"). */
export const lostRace = (subject: string, error: ConcurrencyError, outcome: string) =>
  new DomainError('conflict', `Someone else changed ${subject} first (now at revision ${error.actualRevision}); ${outcome}`, undefined, 'concurrency', { currentRevision: error.actualRevision });

/**
 * The decider produced events the fold cannot apply: a bug, never the caller's input. Refused before
 * anything is written, so one bad request can never leave a log no reader can fold.
 */
export const unfoldable = (subject: string, cause: unknown) =>
  new DomainError('rule', `This change to ${subject} was refused before anything was written: its events could not be applied (${(cause as Error)?.message ?? String(cause)})`, undefined, 'foldable');

/** A batch was stamped earlier than an event another writer recorded meanwhile: nothing was written, and a retry is stamped after it. */
export const lostRaceInTime = (subject: string, error: { latest: string }) =>
  new DomainError('conflict', `Someone else recorded a change at ${error.latest}, after this change to ${subject} was stamped; nothing was written: try again`, undefined, 'recorded-order');
