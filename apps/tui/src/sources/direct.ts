import { forbidden, type Actor, type Ragtrail, type Subscription } from '@ragtrail/core';
import type { PlanData } from './source.js';

/** The UI on a store it opened itself: every call goes straight to the core. */
export function directData(rt: Ragtrail, actor: Actor | null, origin: string): PlanData {
  return {
    origin,
    whoAmI: async () => actor,
    plans: () => rt.plans(),
    plan: (planId) => rt.loadPlan(planId),
    summary: (planId, query = {}) => rt.summary(planId, query),
    exceptions: (planId, query = {}) => rt.exceptions(planId, query),
    audit: (planId, query = {}) => rt.audit(planId, query),
    evidence: (planId, query = {}) => rt.evidence(planId, query),
    indicators: (planId, query = {}) => rt.indicators(planId, query),
    history: (planId) => rt.history(planId),
    async recordEntry(planId, input, reason) {
      if (!actor) throw forbidden('actor-known', 'Read-only: start the UI with --actor "Name:role" (or RAGTRAIL_ACTOR) to record entries');
      const result = await rt.execute(planId, 'RecordEntry', input, { actor, ...(reason ? { reason } : {}) });
      return { revision: result.revision };
    },
    watch(planId, onChange) {
      let subscription: Subscription | null = null;
      let stopped = false;
      // Start after the plan's last event, so only changes made from now on call back.
      void rt.history(planId).then(
        (events) => {
          if (!stopped) subscription = rt.subscribe(() => onChange(), { planId, after: events.at(-1)?.position ?? 0 });
        },
        () => {},
      );
      return () => {
        stopped = true;
        void subscription?.close();
      };
    },
    close: () => rt.close(),
  };
}
