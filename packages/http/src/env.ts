import type { Actor, Ragtrail } from '@ragtrail/core';

export type { Ragtrail };

/** What middleware hands to routes: the authenticated caller and the request id for logs. */
export type AppEnv = { Variables: { actor: Actor; requestId: string } };
