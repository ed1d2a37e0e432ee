/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { OutcomeException, PlanException } from '@ragtrail/core';
import { actionHref } from './action-href.js';
import { Pagination, Showing, type PageWindow } from './pagination.js';

const number = (n: number) => n.toLocaleString('en-GB');

/**
 * The period's exceptions, the actions' then the outcomes', one page at a time: a plan whose
 * 40,000 actions all went without an update has 40,000 of them. The heading counts them all.
 */
export function ExceptionsList(props: { planId: string; exceptions: readonly PlanException[]; outcomes: readonly OutcomeException[]; asOf: string | null; window: PageWindow; href: (page: number) => string }) {
  const { planId, asOf, window: w } = props;
  const all: Array<{ action: PlanException; outcome?: never } | { action?: never; outcome: OutcomeException }> = [...props.exceptions.map((action) => ({ action })), ...props.outcomes.map((outcome) => ({ outcome }))];
  return (
    <section aria-labelledby="exceptions-heading">
      <h2 class="govuk-heading-m" id="exceptions-heading">Exceptions ({number(all.length)})</h2>
      {all.length === 0 ? <p class="govuk-body">No exceptions this period.</p> : (
        <>
          <Showing window={w} rows="exceptions" />
          <ul class="govuk-list govuk-list--bullet">
            {all.slice(w.start, w.end).map(({ action: a, outcome: o }) => a
              ? <li><strong class="govuk-tag govuk-tag--grey">{a.kind.replace(/-/g, ' ')}</strong>: <a class="govuk-link" href={actionHref(planId, a.actionId, asOf)}>{a.ref} {a.title}</a>: {a.message}</li>
              : o && <li><strong class="govuk-tag govuk-tag--grey">{o.kind.replace(/-/g, ' ')}</strong>: {o.actionId ? <a class="govuk-link" href={actionHref(planId, o.actionId, asOf)}>{o.ref}</a> : o.ref}: {o.message}</li>)}
          </ul>
          <Pagination window={w} href={props.href} label="Pages of exceptions" />
        </>
      )}
    </section>
  );
}
