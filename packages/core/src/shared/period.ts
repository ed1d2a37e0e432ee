import { z } from 'zod';

/** A reporting period is a calendar month, written YYYY-MM ("2017-04" is the April 2017 review). */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, e.g. 2017-04');
export type Period = z.infer<typeof Period>;

/** Schema of a calendar date written YYYY-MM-DD that must exist (no 31 April). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD').refine(
  (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  'must be a real calendar date',
);
export type IsoDate = z.infer<typeof IsoDate>;

/** Schema of an ISO-8601 instant with an offset, as `asOf` takes it ("2017-05-10T12:00:00Z"). */
export const IsoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 instant, e.g. 2017-05-10T12:00:00Z' });

/** How often a plan is reviewed, which sets what the previous and next periods are: monthly or quarterly. */
export const Cadence = z.enum(['monthly', 'quarterly']);
export type Cadence = z.infer<typeof Cadence>;

const monthsPerPeriod: Record<Cadence, number> = { monthly: 1, quarterly: 3 };

/** The period `months` calendar months after `period` (before it when negative). */
export function addMonths(period: Period, months: number): Period {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The review period before `period` under the plan's cadence (a month, or three months for quarterly). */
export const previousPeriod = (period: Period, cadence: Cadence = 'monthly'): Period =>
  addMonths(period, -monthsPerPeriod[cadence]);

/** The review period after `period` under the plan's cadence (a month, or three months for quarterly). */
export const nextPeriod = (period: Period, cadence: Cadence = 'monthly'): Period =>
  addMonths(period, monthsPerPeriod[cadence]);

/** The last calendar day of the period, as YYYY-MM-DD. */
export function periodEnd(period: Period): IsoDate {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0));
  return last.toISOString().slice(0, 10);
}

/** The period (YYYY-MM) that a date or instant falls in. */
export const periodOfDate = (date: string): Period => date.slice(0, 7);

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A period in words for people: "2017-04" reads "April 2017". */
export function periodLabel(period: Period): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${monthNames[m - 1]} ${y}`;
}
