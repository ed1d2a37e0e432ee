/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { CoverageRow, RecommendationCoverage } from '@ragtrail/core';
import { coverageStatusText } from '@ragtrail/reports';
import { actionHref } from './action-href.js';
import { TableScroll } from './govuk.js';
import { Pagination, Showing, type PageWindow } from './pagination.js';
import { DirectionOf } from './score.js';

/*
 * The coverage section of a dashboard: on an inspection plan's dashboard its recommendations, and
 * on a later plan's the recommendations it carries, each with the actions that carry it. The
 * verdicts (open, closed, exception) and the exception sentences are the core's coverage query's;
 * this file only words them as the board report does and lays them out as GOV.UK markup.
 */

type Carrier = RecommendationCoverage['carriedBy'][number];
const directions = new Set(['Improving', 'Maintained', 'Declining']);

/** Open, closed or an exception as a GOV.UK tag: the words carry the meaning, the colour helps. */
function Status({ r }: { r: RecommendationCoverage }) {
  const colour = r.exception !== null ? 'govuk-tag--red' : r.status === 'closed' ? 'govuk-tag--green' : 'govuk-tag--blue';
  return <strong class={`govuk-tag ${colour}`}>{coverageStatusText(r)}</strong>;
}

function CarrierCells({ c, asOf }: { c: Carrier; asOf: string | null }) {
  return (
    <>
      <td class="govuk-table__cell"><a class="govuk-link" href={actionHref(c.planId, c.actionId, asOf)}>{c.planId} {c.ref}</a> {c.title}{c.retired ? ' (retired)' : ''}</td>
      <td class="govuk-table__cell">{c.latest ? `${c.latest.score} ${c.latest.label} (${c.latest.period})` : 'not scored'}</td>
      <td class="govuk-table__cell">{c.direction !== null && directions.has(c.direction) ? <DirectionOf direction={c.direction as 'Improving'} /> : '–'}</td>
    </>
  );
}

/** One recommendation's rows: its first carrier beside its name and status, the others below. */
function Recommendation({ row: { fromPlanId, recommendation: r }, asOf }: { row: CoverageRow; asOf: string | null }) {
  const span = Math.max(r.carriedBy.length, 1);
  const head = (
    <th scope="row" class="govuk-table__header" rowspan={span}>
      <a class="govuk-link" href={actionHref(fromPlanId, r.actionId, asOf)}>{fromPlanId} {r.ref}</a> {r.title}
    </th>
  );
  const status = <td class="govuk-table__cell" rowspan={span}><Status r={r} /></td>;
  if (r.carriedBy.length === 0)
    return <tr class="govuk-table__row">{head}<td class="govuk-table__cell" colspan={3}>Carried by no action</td>{status}</tr>;
  return (
    <>
      {r.carriedBy.map((c, i) => (
        <tr class="govuk-table__row">{i === 0 ? head : null}<CarrierCells c={c} asOf={asOf} />{i === 0 ? status : null}</tr>
      ))}
    </>
  );
}

const number = (n: number) => n.toLocaleString('en-GB');

/** The coverage table and the recommendations nothing assures, each a page at a time (a tracker may hold thousands). */
export function CoverageSection({ rows, asOf, pages, href }: { rows: readonly CoverageRow[]; asOf: string | null; pages: { coverage: PageWindow; unassured: PageWindow }; href: (list: 'coverage' | 'unassured', page: number) => string }) {
  const exceptions = rows.filter((r) => r.recommendation.exception !== null);
  const { coverage: w, unassured: u } = pages;
  return (
    <section aria-labelledby="coverage-heading">
      <h2 class="govuk-heading-m" id="coverage-heading">Coverage of recommendations</h2>
      {rows.length === 0 ? <p class="govuk-body">No later plan carries a recommendation of this plan, and this plan carries none from an earlier plan.</p> : (
        <>
          <p class="govuk-body">Each recommendation of this plan, or of an earlier plan it carries recommendations from, with the actions that carry it, their latest score and direction, and whether it is closed (removed after sustained evidence) or open.</p>
          <Showing window={w} rows="recommendations" />
          <TableScroll label="Coverage of recommendations">
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s">Each recommendation with the actions carrying it</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Recommendation</th><th scope="col" class="govuk-table__header">Carried by</th>
                <th scope="col" class="govuk-table__header">Latest score</th><th scope="col" class="govuk-table__header">Direction</th><th scope="col" class="govuk-table__header">Status</th>
              </tr></thead>
              <tbody class="govuk-table__body">{rows.slice(w.start, w.end).map((row) => <Recommendation row={row} asOf={asOf} />)}</tbody>
            </table>
          </TableScroll>
          <Pagination window={w} href={(n) => href('coverage', n)} label="Pages of recommendations" />
          <h3 class="govuk-heading-s" id="unassured-heading">Recommendations nothing assures are acted on ({number(exceptions.length)})</h3>
          {exceptions.length === 0 ? <p class="govuk-body">None: every recommendation is carried or closed.</p> : (
            <>
              <Showing window={u} rows="recommendations nothing assures" />
              <ul class="govuk-list govuk-list--bullet">{exceptions.slice(u.start, u.end).map(({ fromPlanId, recommendation: r }) => (
                <li><a class="govuk-link" href={actionHref(fromPlanId, r.actionId, asOf)}>{fromPlanId} {r.ref}</a>: {r.exception}</li>
              ))}</ul>
              <Pagination window={u} href={(n) => href('unassured', n)} label="Pages of recommendations nothing assures" />
            </>
          )}
        </>
      )}
    </section>
  );
}
