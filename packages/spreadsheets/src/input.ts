import { z } from 'zod';
import { Cadence, Period } from '@ragtrail/core';
import { FileInput } from './table/read-table.js';
import { MAX_HEADER_LENGTH } from './table/columns.js';

/** What every importer takes: the file, and the choices the user makes at import. */
export const ImportInput = FileInput.extend({
  /** A shipped scheme id ("ofsted-tracker-3", "development-plan-5"); each layout has a default. */
  scheme: z.string().trim().min(1).optional(),
  /** Your header -> our column, for headers the importer does not recognise (a header is at most `MAX_HEADER_LENGTH`, 200, characters). */
  columnMap: z.record(z.string(), z.string().max(MAX_HEADER_LENGTH, `must name a column in at most ${MAX_HEADER_LENGTH} characters`))
    .superRefine((map, ctx) => {
      for (const header of Object.keys(map))
        if (header.length > MAX_HEADER_LENGTH)
          ctx.addIssue({ code: 'custom', path: [header], message: `must be a header of at most ${MAX_HEADER_LENGTH} characters (longer text is never read as a header)` });
    })
    .optional(),
  title: z.string().trim().min(1).optional(),
  organisation: z.string().trim().min(1).optional(),
  /** The new plan's id; by default derived from the title. */
  planId: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'must be 1-80 letters, digits, ".", "_" or "-"').optional(),
  /** How often the plan is reviewed; the sheet's "Score" column is the period before the update's, a month or a quarter earlier. */
  cadence: Cadence.default('monthly'),
  /** The update month when the sheet does not name one (YYYY-MM). */
  period: Period.optional(),
  /**
   * The plan holding the "Ofsted N" recommendations the sheet's actions name, when more than one
   * of the organisation's plans holds them (docs/indicators.md, "Recommendations carried into later plans").
   */
  carriesFrom: z.string().trim().min(1).optional(),
});
export type ImportInput = z.input<typeof ImportInput>;

/** Rows of the sheet worked through so far, for a front end's progress bar (a tracker's rows are worked twice: actions, then scores). */
export type ImportProgress = (done: number, total: number) => void;

export const ImportResult = z.object({
  planId: z.string(),
  /** Events of the plan's own stream. */
  events: z.number().int(),
  warnings: z.array(z.string()),
  /** Actions linked to the recommendation of an earlier plan they carry (events on the plan's outcome stream). */
  carryOvers: z.number().int().optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;
