import type { Actor, Ragtrail } from '@ragtrail/core';
import type { BodyLimits } from './middleware/body-limit.js';

export type { Ragtrail };

/** What middleware hands to routes: the authenticated caller, the request id for logs, the body limits. */
export type AppEnv = { Variables: { actor: Actor; requestId: string; bodyLimits: BodyLimits } };
