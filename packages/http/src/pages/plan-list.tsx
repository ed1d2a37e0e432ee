/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PlanListing } from '@ragtrail/core';
import { TableScroll } from './govuk.js';
import { Layout } from './layout.js';

/** The plans a viewer can read; a plan whose log is broken is marked in its row (`broken` holds their ids). */
export function PlanList(props: { plans: PlanListing[]; viewer: string; broken?: ReadonlySet<string> }) {
  return (
    <Layout title="Plans">
      <h1 class="govuk-heading-l">Improvement plans</h1>
      <p class="govuk-body-s">Signed in as {props.viewer}.</p>
      {props.plans.length === 0 ? <p class="govuk-body">No plans yet: import one with <code>ragtrail import</code> or load the demo with <code>ragtrail demo</code>.</p> : (
        <TableScroll label="Plans">
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Plans you can read</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Plan</th>
                <th scope="col" class="govuk-table__header">Organisation</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Priorities</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Actions</th>
                <th scope="col" class="govuk-table__header">Latest period</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {props.plans.map((p) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    <a class="govuk-link" href={`/plans/${encodeURIComponent(p.planId)}`}>{p.title}</a>
                    {props.broken?.has(p.planId) ? <> <strong class="govuk-tag govuk-tag--red">Log broken</strong></> : null}
                  </th>
                  <td class="govuk-table__cell">{p.organisation}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{p.priorities}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{p.actions}</td>
                  <td class="govuk-table__cell">{p.latestPeriod ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}
