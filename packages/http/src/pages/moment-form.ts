import { z } from 'zod';
import type { FieldError } from './govuk.js';

// The dashboard's "period and as known at" form uses the GOV.UK date input (separate day, month
// and year fields, which work in every browser and with every assistive technology, unlike
// <input type=date>). The route turns a valid submission into the page's canonical address
// (?period=YYYY-MM&asOf=YYYY-MM-DD), so links stay short and shareable; an invalid one gets the
// page again with the GOV.UK error pattern.

const fields = ['period-month', 'period-year', 'asOf-day', 'asOf-month', 'asOf-year'] as const;
export type MomentField = (typeof fields)[number];
export type MomentValues = Record<MomentField, string>;

const querySchema = z.object(Object.fromEntries(fields.map((f) => [f, z.string().trim().max(10).optional().default('')])) as Record<MomentField, z.ZodDefault<z.ZodOptional<z.ZodString>>>);

/** True when the request came from the form (any of its fields present, even empty). */
export const isMomentForm = (query: Record<string, string>): boolean => fields.some((f) => Object.hasOwn(query, f));

/** The form's fields showing a period (YYYY-MM) and a moment (its date part), for the page as served. */
export function momentValues(period: string, asOf: string | null): MomentValues {
  const date = asOf && /^\d{4}-\d{2}-\d{2}/.test(asOf) ? asOf.slice(0, 10) : null;
  return {
    'period-month': String(Number(period.slice(5, 7))), 'period-year': period.slice(0, 4),
    'asOf-day': date ? String(Number(date.slice(8, 10))) : '', 'asOf-month': date ? String(Number(date.slice(5, 7))) : '', 'asOf-year': date ? date.slice(0, 4) : '',
  };
}

const whole = (s: string, min: number, max: number) => /^\d{1,4}$/.test(s) && Number(s) >= min && Number(s) <= max;
const pad = (s: string, n: number) => s.padStart(n, '0');

export type MomentReading =
  | { ok: true; period: string | null; asOf: string | null }
  | { ok: false; values: MomentValues; errors: FieldError[] };

/** Reads the form: a period and a date, each either whole and real or empty; otherwise what to fix, per field. */
export function readMomentForm(query: Record<string, string>): MomentReading {
  const v = querySchema.parse(query) as MomentValues;
  const errors: FieldError[] = [];
  let period: string | null = null;
  if (v['period-month'] || v['period-year']) {
    if (!v['period-month']) errors.push({ field: 'period-month', message: 'The period must include a month' });
    else if (!whole(v['period-month'], 1, 12)) errors.push({ field: 'period-month', message: 'The period’s month must be a number from 1 to 12' });
    if (!v['period-year']) errors.push({ field: 'period-year', message: 'The period must include a year' });
    else if (!/^\d{4}$/.test(v['period-year'])) errors.push({ field: 'period-year', message: 'The period’s year must have 4 numbers, for example 2017' });
    if (errors.length === 0) period = `${v['period-year']}-${pad(v['period-month'], 2)}`;
  }
  const date = [v['asOf-day'], v['asOf-month'], v['asOf-year']];
  let asOf: string | null = null;
  if (date.some(Boolean)) {
    const before = errors.length;
    if (!v['asOf-day']) errors.push({ field: 'asOf-day', message: 'The as known at date must include a day' });
    if (!v['asOf-month']) errors.push({ field: 'asOf-month', message: 'The as known at date must include a month' });
    if (!v['asOf-year']) errors.push({ field: 'asOf-year', message: 'The as known at date must include a year' });
    else if (!/^\d{4}$/.test(v['asOf-year'])) errors.push({ field: 'asOf-year', message: 'The as known at year must have 4 numbers, for example 2017' });
    if (errors.length === before) {
      const iso = `${v['asOf-year']}-${pad(v['asOf-month'], 2)}-${pad(v['asOf-day'], 2)}`;
      const real = whole(v['asOf-day'], 1, 31) && whole(v['asOf-month'], 1, 12)
        && new Date(Date.UTC(Number(v['asOf-year']), Number(v['asOf-month']) - 1, Number(v['asOf-day']))).toISOString().startsWith(iso);
      if (real) asOf = iso;
      else errors.push({ field: 'asOf-day', message: 'The as known at date must be a real date, for example 10 5 2017' });
    }
  }
  return errors.length ? { ok: false, values: v, errors } : { ok: true, period, asOf };
}
