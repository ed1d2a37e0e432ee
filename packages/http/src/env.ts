import type { Actor, Ragtrail } from '@ragtrail/core';
import type { ReadLimitsInput } from '@ragtrail/spreadsheets';
import type { BodyLimits } from './middleware/body-limit.js';
import type { Work } from './work/pool.js';

export type { Ragtrail };

/**
 * What middleware hands to routes: the authenticated caller, the request id for logs, the body
 * limits, the limits a spreadsheet is read within, and where long work runs.
 */
export type AppEnv = { Variables: { actor: Actor; requestId: string; bodyLimits: BodyLimits; importLimits: ReadLimitsInput; work: Work } };
