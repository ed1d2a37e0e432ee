import type { PlanState } from '@ragtrail/core';

/** What an import brings in, without ids of events, times or the earlier review's placeholder reviewer. */
export function trackerShape(plan: PlanState, period: string, previous: string) {
  return {
    scheme: plan.scheme.id,
    priorities: Object.values(plan.priorities).sort((a, b) => a.number - b.number).map(({ number, title }) => ({ number, title })),
    actions: plan.actionOrder.map((id) => {
      const a = plan.actions[id]!;
      const e = plan.entries[id] ?? {};
      const entry = (p: string) => (e[p] ? { score: e[p].score, update: e[p].update, direction: e[p].statedDirection, source: e[p].source } : null);
      return {
        ref: a.ref, title: a.title, priority: a.priorityId ? plan.priorities[a.priorityId]!.number : null, description: a.description,
        subActions: a.subActions, lead: a.lead, owners: a.owners, dueText: a.dueText, previous: entry(previous), current: entry(period),
        evidence: (plan.evidence[id] ?? []).map(({ title, kind, observedOn, link, contentHash }) => ({ title, kind, observedOn, link, contentHash })),
      };
    }),
    review: plan.reviews[period] ? { reviewer: plan.reviews[period].reviewer, reviewDate: plan.reviews[period].reviewDate } : null,
  };
}
