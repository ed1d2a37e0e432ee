import { z } from 'zod';

/**
 * Schema of one level of a scoring scheme: its score value, label, colour, meaning, and whether it needs
 * evidence or lets an action retire.
 */
export const ScoringLevel = z.object({
  value: z.number().int('must be a whole number'),
  label: z.string().trim().min(1, 'must not be empty'),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #RRGGBB'),
  meaning: z.string(),
  requiresEvidence: z.boolean().default(false),
  /** The level that says "completed and sustained: can be removed from the plan". */
  allowsRemoval: z.boolean().default(false),
});
export type ScoringLevel = z.infer<typeof ScoringLevel>;

/**
 * Schema of a RAG scoring scheme: its levels and whether higher or lower scores are better; every figure and
 * colour is computed through one.
 */
export const ScoringScheme = z
  .object({
    id: z.string().trim().min(1),
    name: z.string().trim().min(1),
    betterIs: z.enum(['higher', 'lower']),
    levels: z.array(ScoringLevel).min(2, 'a scheme needs at least two levels'),
  })
  .superRefine((scheme, ctx) => {
    const values = scheme.levels.map((l) => l.value);
    if (new Set(values).size !== values.length)
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'level values must be unique' });
    if (values.some((v, i) => i > 0 && v <= values[i - 1]!))
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'levels must be listed in ascending order of value' });
    if (scheme.levels.filter((l) => l.allowsRemoval).length > 1)
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'at most one level may allow removal' });
  });
export type ScoringScheme = z.infer<typeof ScoringScheme>;

/** The direction of travel between two scores or figures under a scheme. */
export type Direction = 'Improving' | 'Maintained' | 'Declining';

/** The level of a scheme with exactly this score value, or undefined when the scheme has no such level. */
export const findLevel = (scheme: ScoringScheme, value: number): ScoringLevel | undefined =>
  scheme.levels.find((l) => l.value === value);

/** Positive when `a` is better than `b` under the scheme, negative when worse, 0 when equal. */
export const compareScores = (scheme: ScoringScheme, a: number, b: number): number =>
  scheme.betterIs === 'higher' ? a - b : b - a;

/**
 * Whether `current` is better, worse or the same as `previous` under the scheme; null when either score is
 * missing.
 */
export function directionBetween(scheme: ScoringScheme, previous: number | null, current: number | null): Direction | null {
  if (previous === null || current === null) return null;
  const c = compareScores(scheme, current, previous);
  return c > 0 ? 'Improving' : c < 0 ? 'Declining' : 'Maintained';
}

/** The worst level of a scheme (the lowest value when higher is better, the highest when lower is better). */
export const worstLevel = (scheme: ScoringScheme): ScoringLevel =>
  scheme.betterIs === 'higher' ? scheme.levels[0]! : scheme.levels[scheme.levels.length - 1]!;

/** The worst of some scores under the scheme, or null when there are none. */
export const worstOf = (scheme: ScoringScheme, scores: number[]): number | null =>
  scores.length === 0 ? null : scheme.betterIs === 'higher' ? Math.min(...scores) : Math.max(...scores);

/** The level a mean falls in, for colouring an average: the nearest level, ties to the worse one. */
export function levelForFigure(scheme: ScoringScheme, figure: number): ScoringLevel {
  let best = scheme.levels[0]!;
  for (const level of scheme.levels) {
    const d = Math.abs(level.value - figure);
    const bd = Math.abs(best.value - figure);
    if (d < bd || (d === bd && compareScores(scheme, level.value, best.value) < 0)) best = level;
  }
  return best;
}

/** The five-level scale of the 2017-19 Children's Social Care Development Plan (seed 002). */
export const developmentPlanScheme: ScoringScheme = ScoringScheme.parse({
  id: 'development-plan-5',
  name: 'Development plan five-level RAG',
  betterIs: 'higher',
  levels: [
    { value: 1, label: 'Red', colour: '#C0392B', meaning: 'Not yet started or significant delay in implementation: must be prioritised to bring it back on track.' },
    { value: 2, label: 'Amber', colour: '#E67E22', meaning: 'Started but some delay in implementation: must be monitored to ensure the improvement is delivered.' },
    { value: 3, label: 'Green', colour: '#27AE60', meaning: 'On track to be completed by the agreed date: evidence is required to show the improvement is sustained.' },
    { value: 4, label: 'Blue', colour: '#2471A3', meaning: 'Completed with evidence that the improvement has been sustained: remains in the plan for monitoring.', requiresEvidence: true },
    { value: 5, label: 'Sustained', colour: '#6C3483', meaning: 'Completed with evidence that the improvement has been sustained: can safely be removed from the plan.', requiresEvidence: true, allowsRemoval: true },
  ],
});

/** The three-level scale of the 2016 Ofsted recommendation tracker (seed 001): 1 is best. */
export const ofstedTrackerScheme: ScoringScheme = ScoringScheme.parse({
  id: 'ofsted-tracker-3',
  name: 'Ofsted recommendation tracker (1 = completed)',
  betterIs: 'lower',
  levels: [
    { value: 1, label: 'Completed', colour: '#27AE60', meaning: 'Actions completed.' },
    { value: 2, label: 'In progress', colour: '#E67E22', meaning: 'Actions under way; not yet completed.' },
    { value: 3, label: 'Not achieved', colour: '#C0392B', meaning: 'Actions unsuccessful or target not consistently hit.' },
  ],
});

/** The scoring schemes that come with ragtrail, which a plan can name by id when it is created. */
export const shippedSchemes: readonly ScoringScheme[] = [developmentPlanScheme, ofstedTrackerScheme];
