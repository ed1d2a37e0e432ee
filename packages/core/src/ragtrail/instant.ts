import { invalid } from '../shared/errors.js';

/**
 * Normalises an "as known at" moment to a UTC instant string comparable with recorded times.
 * A bare date means the end of that day: "what did the board see on 10 May" includes 10 May.
 */
export function normaliseAsOf(asOf: string, field = 'asOf'): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const ms = Date.parse(dateOnly ? `${asOf}T23:59:59.999Z` : asOf);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(asOf))
    throw invalid(field, 'iso-8601', `"${asOf}" is not an ISO-8601 date or instant, e.g. 2017-05-10 or 2017-05-10T12:00:00Z`);
  return new Date(ms).toISOString();
}
