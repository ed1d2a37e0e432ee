import { DomainError, type PlanListing, type Ragtrail, type RecommendationCoverage } from '@ragtrail/core';

/** A recommendation of `fromPlanId` (this plan, or an earlier one this plan carries from) with what carries it. */
export interface CoverageRow {
  fromPlanId: string;
  recommendation: RecommendationCoverage;
}

/**
 * Which plans' coverage a dashboard shows: this plan's recommendations once a later plan carries
 * any, and each earlier plan this one carries from, whole, so what nothing carries stands out.
 * Every verdict and figure is the core's coverage query; this only chooses the plans to ask.
 * The board report gathers the same way (packages/reports/src/coverage-section.ts, not exported
 * by @ragtrail/reports yet): when it is, the dashboard should take it from there. `plans` is the
 * app's plan list (whose first reading after a start runs in a worker: first-listing.ts).
 */
export async function coverageRows(rt: Ragtrail, plans: () => Promise<PlanListing[]>, planId: string, asOf?: string): Promise<CoverageRow[]> {
  const query = asOf ? { asOf } : {};
  const of = async (id: string): Promise<RecommendationCoverage[]> => {
    try {
      return (await rt.coverage(id, query)).recommendations;
    } catch (error) {
      // A plan created after the moment shown did not exist then: it carries nothing.
      if (error instanceof DomainError && error.code === 'not-found') return [];
      throw error;
    }
  };
  const own = await of(planId);
  const rows: CoverageRow[] = own.some((r) => r.carriedBy.length > 0) ? own.map((recommendation) => ({ fromPlanId: planId, recommendation })) : [];
  for (const other of (await plans()).map((p) => p.planId).filter((id) => id !== planId).sort()) {
    const recommendations = await of(other);
    if (recommendations.some((r) => r.carriedBy.some((c) => c.planId === planId))) rows.push(...recommendations.map((recommendation) => ({ fromPlanId: other, recommendation })));
  }
  return rows;
}
