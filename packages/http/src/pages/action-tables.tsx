/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PlanState, RagSummary } from '@ragtrail/core';
import { priorityHeading } from '@ragtrail/core/internal';
import { actionHref } from './action-href.js';
import { TableScroll } from './govuk.js';
import { Pagination, Showing, type PageWindow } from './pagination.js';
import { DirectionOf, Score } from './score.js';

type Priority = RagSummary['priorities'][number];
type Action = Priority['actions'][number];

/** The actions of one page, in the plan's order, grouped by priority again (a priority may begin on an earlier page). */
function pageGroups(summary: RagSummary, w: PageWindow): Array<{ priority: Priority; actions: Action[]; continued: boolean }> {
  const groups: Array<{ priority: Priority; actions: Action[]; continued: boolean }> = [];
  let before = 0;
  for (const priority of summary.priorities) {
    const from = Math.max(w.start - before, 0);
    const to = Math.min(w.end - before, priority.actions.length);
    // A priority without actions keeps its (empty) table, on the page where its place falls.
    const emptyHere = priority.actions.length === 0 && before >= w.start && (before < w.end || w.page === w.pages);
    if (from < to || emptyHere) groups.push({ priority, actions: priority.actions.slice(from, to), continued: from > 0 });
    before += priority.actions.length;
    if (before >= w.end && w.page < w.pages) break;
  }
  return groups;
}

/**
 * The actions table, one page of rows at a time (the figures above it count every action): which
 * rows these are out of how many, the rows under their priorities' captions, and the pages.
 */
export function ActionTables({ state, summary: s, asOf, window: w, href }: { state: PlanState; summary: RagSummary; asOf: string | null; window: PageWindow; href: (page: number) => string }) {
  return (
    <section aria-labelledby="actions-heading">
      <h2 class="govuk-heading-m" id="actions-heading">Actions</h2>
      <Showing window={w} rows="actions" />
      {pageGroups(s, w).map(({ priority: p, actions, continued }) => (
        <TableScroll label={`${priorityHeading(p)}${continued ? ' (continued)' : ''}`}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">{priorityHeading(p)}{continued ? ' (continued)' : ''}</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Action</th><th scope="col" class="govuk-table__header">Score</th><th scope="col" class="govuk-table__header">Previous</th><th scope="col" class="govuk-table__header">Direction (scores)</th><th scope="col" class="govuk-table__header">Stated</th><th scope="col" class="govuk-table__header">Update</th><th scope="col" class="govuk-table__header">Lead and owners</th></tr></thead>
          <tbody class="govuk-table__body">
            {actions.map((a) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header"><a class="govuk-link" href={actionHref(s.planId, a.actionId, asOf)}>{a.ref}</a> {a.title}</th>
                <td class="govuk-table__cell"><Score state={state} score={a.score} suffix={a.notUpdated && a.scoredPeriod ? ` (not updated; from ${a.scoredPeriod})` : ''} /></td>
                <td class="govuk-table__cell"><Score state={state} score={a.previousScore} /></td>
                <td class="govuk-table__cell"><DirectionOf direction={a.derivedDirection} /></td>
                <td class="govuk-table__cell">{a.statedDirection ?? '–'}</td>
                <td class="govuk-table__cell">{a.update || '–'}</td>
                <td class="govuk-table__cell">{[a.lead, ...a.owners].filter(Boolean).join('; ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ))}
      <Pagination window={w} href={href} label="Pages of actions" />
    </section>
  );
}
