import { DomainError, type Actor, type CommandInput, type PlanCommandType, type Ragtrail } from '@ragtrail/core';
import type { DemoClock } from './demo-clock.js';

export const demoPlanIds = { tracker: 'thurrock-ofsted-tracker-2016-17', developmentPlan: 'thurrock-development-plan-2017-19', childrensPlan: 'thurrock-childrens-plan-2013-16' } as const;

/**
 * The people of the demo's history. Every id starts `demo:` and every reason `Demo history:`, so
 * nobody mistakes a demo log for a council's own (docs/events.md says so).
 */
export const demoActors = {
  admin: { id: 'demo:admin', name: 'Demo administrator', role: 'admin' },
  reviewer: { id: 'demo:reviewer', name: 'Plan reviewer (demo)', role: 'reviewer' },
  officer: { id: 'demo:officer', name: 'Plan officer (demo)', role: 'officer' },
  board: { id: 'demo:board', name: 'Improvement Board chair (demo)', role: 'board' },
} as const satisfies Record<string, Actor>;

export const demoReasonPrefix = 'Demo history: ';

export interface DemoCommand<K extends PlanCommandType = PlanCommandType> {
  type: K;
  data: CommandInput<K>;
  /** Why, in the demo's story; the prefix is added when the command runs. */
  reason?: string;
}

/** One sitting of the history: commands one person gave at one moment, recorded together. */
export interface DemoMoment {
  at: string;
  planId: string;
  actor: Actor;
  commands: DemoCommand[];
}

export const command = <K extends PlanCommandType>(type: K, data: CommandInput<K>, reason?: string): DemoCommand =>
  ({ type, data, ...(reason ? { reason } : {}) }) as DemoCommand;

/**
 * Plays the moments in time order, each as one batch stamped at its moment. The first moment is
 * refused by the store when anything in it was recorded later (recorded times never go backwards):
 * then nothing of the demo is written, and the refusal says what to do instead.
 */
export async function playHistory(rt: Ragtrail, clock: DemoClock, moments: readonly DemoMoment[]): Promise<number> {
  const ordered = [...moments].sort((a, b) => a.at.localeCompare(b.at));
  let events = 0;
  for (const [i, moment] of ordered.entries()) {
    clock.set(moment.at);
    const batch = await rt.batch(moment.planId);
    for (const c of moment.commands)
      batch.execute(c.type, c.data as never, { actor: moment.actor, reason: `${demoReasonPrefix}${c.reason ?? 'loaded by ragtrail demo'}` });
    try {
      events += (await batch.commit()).events.length;
    } catch (error) {
      if (i === 0 && error instanceof DomainError && error.rule === 'recorded-order')
        throw new DomainError('conflict', `This store holds events recorded after ${moment.at.slice(0, 10)}, where the demo's history begins: the demo loads only into a store with nothing recorded later. Load it into a fresh store: ragtrail demo --store sqlite:./data/demo.db`, 'store', 'demo-history-in-order');
      throw error;
    }
  }
  return events;
}
