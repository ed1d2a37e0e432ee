/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PlanListing } from '@ragtrail/core';
import { Layout } from './layout.js';

export function PlanList(props: { plans: PlanListing[]; viewer: string }) {
  return (
    <Layout title="Plans">
      <h1>Improvement plans</h1>
      <p class="note">Signed in as {props.viewer}.</p>
      {props.plans.length === 0 ? <p>No plans yet: import one with <code>ragtrail import</code> or load the demo with <code>ragtrail demo</code>.</p> : (
        <table>
          <thead><tr><th scope="col">Plan</th><th scope="col">Organisation</th><th scope="col">Priorities</th><th scope="col">Actions</th><th scope="col">Latest period</th></tr></thead>
          <tbody>
            {props.plans.map((p) => (
              <tr><th scope="row"><a href={`/plans/${encodeURIComponent(p.planId)}`}>{p.title}</a></th><td>{p.organisation}</td><td>{p.priorities}</td><td>{p.actions}</td><td>{p.latestPeriod ?? '–'}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
