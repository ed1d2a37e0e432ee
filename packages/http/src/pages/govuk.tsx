/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';

// Small pieces of GOV.UK Design System markup the pages share, so each page says what it shows
// rather than repeating class names.

/**
 * A table that scrolls inside its own region when the window is narrower than the table (WCAG
 * 1.4.10 allows it for data tables); focusable and named, so a keyboard user can scroll it.
 */
export function TableScroll(props: { label: string; children: Child }) {
  return <div class="app-table-scroll" role="region" aria-label={props.label} tabindex={0}>{props.children}</div>;
}

/** A GOV.UK summary list: one row per fact, key and value. Rows whose value is null are left out. */
export function SummaryList(props: { rows: ReadonlyArray<readonly [string, Child | null]> }) {
  return (
    <dl class="govuk-summary-list">
      {props.rows.filter(([, value]) => value !== null).map(([key, value]) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{key}</dt>
          <dd class="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface FieldError { /** The id of the field the summary links to. */ field: string; message: string }

/**
 * The error summary at the top of a page: focused on arrival (autofocus, so no script is needed)
 * and linking each problem to its field.
 */
export function ErrorSummary(props: { errors: readonly FieldError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" tabindex={-1} autofocus>
      <div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {props.errors.map((e) => <li><a href={`#${e.field}`}>{e.message}</a></li>)}
          </ul>
        </div>
      </div>
    </div>
  );
}
