import type { RecordedEvent } from '@ragtrail/core';

/**
 * The moment time travel shows the plan's exceptions at: now (the end of the log), the instant the
 * event just applied was recorded, or the date or instant someone asked for with `d`. The plan stream
 * is replayed to the cursor; the outcomes (indicators, milestones) live in their own stream, so they
 * are asked for "as known at" this moment, the same one the replayed summary stands at.
 */
export type TravelMoment =
  | { kind: 'now' }
  | { kind: 'event'; at: string; batchGoesOn: boolean }
  | { kind: 'date'; asked: string };

/** The moment for a cursor: a date jump names its own until the next step; the end of the log is now. */
export function travelMoment(events: readonly RecordedEvent[], cursor: number, asked: string | null): TravelMoment {
  if (asked !== null) return { kind: 'date', asked };
  if (cursor >= events.length) return { kind: 'now' };
  const event = events[cursor - 1];
  // Before the first event there is no summary, so nothing is asked for; the kind only labels.
  if (!event) return { kind: 'now' };
  return { kind: 'event', at: event.recordedAt, batchGoesOn: events[cursor]?.recordedAt === event.recordedAt };
}

/** What the core is asked for: no asOf means as known now. */
export const momentAsOf = (moment: TravelMoment): string | undefined =>
  moment.kind === 'now' ? undefined : moment.kind === 'event' ? moment.at : moment.asked;

/** A stable key for the moment, so an answer for an earlier moment is never shown for this one. */
export const momentKey = (moment: TravelMoment): string => `${moment.kind}:${momentAsOf(moment) ?? ''}`;

/**
 * The line above the dashboard saying which moment the exceptions are as known at. A batch (an
 * import) is recorded at one instant, so inside one the outcomes are those known once it was all in.
 */
export function momentText(moment: TravelMoment): string {
  // Short enough for one row at 80 columns; a longer one wraps whole.
  if (moment.kind === 'now') return 'Exceptions as known now';
  if (moment.kind === 'date') {
    const when = /^\d{4}-\d{2}-\d{2}$/.test(moment.asked) ? `the end of ${moment.asked}` : moment.asked;
    return `Exceptions as known at ${when}, the moment asked`;
  }
  const when = `${moment.at.slice(0, 19).replace('T', ' ')} UTC`;
  return moment.batchGoesOn
    ? `Outcomes as known at ${when}, once its whole batch was in`
    : `Exceptions as known at ${when}, when this event was recorded`;
}
