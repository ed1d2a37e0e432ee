import type { PlanState } from '@ragtrail/core';

/** What an import brings in, without ids of events, times or the earlier review's placeholder reviewer. */
export function trackerShape(plan: PlanState, period: string, previous: string) {
  const review = plan.reviews.get(period);
  return {
    scheme: plan.scheme.id,
    priorities: [...plan.priorities.values()].sort((a, b) => a.number - b.number).map(({ number, title }) => ({ number, title })),
    actions: plan.actionOrder.map((id) => {
      const a = plan.actions.get(id)!;
      const entry = (p: string) => {
        const e = plan.entries.get(id)?.get(p);
        return e ? { score: e.score, update: e.update, direction: e.statedDirection, source: e.source } : null;
      };
      return {
        ref: a.ref, title: a.title, priority: a.priorityId ? plan.priorities.get(a.priorityId)!.number : null, description: a.description,
        subActions: a.subActions, lead: a.lead, owners: a.owners, dueText: a.dueText, previous: entry(previous), current: entry(period),
        evidence: (plan.evidence.get(id) ?? []).map(({ title, kind, observedOn, link, contentHash }) => ({ title, kind, observedOn, link, contentHash })),
      };
    }),
    review: review ? { reviewer: review.reviewer, reviewDate: review.reviewDate } : null,
  };
}
