import type { Actor, PlanListing, Ragtrail } from '@ragtrail/core';
import type { ReadLimitsInput } from '@ragtrail/spreadsheets';
import type { BodyLimits } from './middleware/body-limit.js';
import type { Work } from './work/pool.js';

export type { Ragtrail };

/**
 * What middleware hands to routes: the authenticated caller, the request id for logs, the body
 * limits, the limits a spreadsheet is read within, where long work runs, and the plan list (whose
 * first reading after a start runs there too).
 */
export type AppEnv = { Variables: { actor: Actor; requestId: string; bodyLimits: BodyLimits; importLimits: ReadLimitsInput; work: Work; plans: () => Promise<PlanListing[]> } };
