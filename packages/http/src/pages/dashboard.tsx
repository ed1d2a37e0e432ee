/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { displayPair, formatFigure, priorityName, type CoverageRow, type IndicatorView, type OutcomeException, type PlanException, type PlanIntegrity, type PlanState, type RagSummary } from '@ragtrail/core';
import { colourRule } from '@ragtrail/core/internal';
import { averageText, carriedText, scoreText } from '@ragtrail/reports';
import { ActionTables } from './action-tables.js';
import { AsKnownAt } from './as-known-at.js';
import { CoverageSection } from './coverage.js';
import { ErrorSummary, TableScroll, type FieldError } from './govuk.js';
import { ExceptionsList } from './exceptions-list.js';
import { Layout } from './layout.js';
import { momentValues, type MomentValues } from './moment-form.js';
import type { PagedList } from './dashboard-pages.js';
import type { PageWindow } from './pagination.js';
import { DirectionOf, Score } from './score.js';
import { IndicatorsByPriority } from './indicators.js';
import { IntegrityBanner } from './integrity-banner.js';

export interface DashboardProps {
  state: PlanState;
  summary: RagSummary;
  exceptions: PlanException[];
  /** Off-target indicators and overdue or missed milestones, beside the actions' exceptions. */
  outcomeExceptions?: OutcomeException[];
  asOf: string | null;
  /** The plan's indicators up to the period, shown beside (never in) the RAG figures. */
  indicators?: readonly IndicatorView[];
  /** The period and moment form as typed, when what was typed could not be read. */
  form?: { values: MomentValues; errors: readonly FieldError[] };
  /** Whether the plan's log holds; a broken one puts a warning above everything else. */
  integrity?: PlanIntegrity;
  /** Recommendations of this plan carried by later plans, or of earlier plans this one carries (core's coverage query). */
  coverage?: readonly CoverageRow[];
  /** Which rows of each long list this page shows; the figures count every action. */
  pages: Record<PagedList, PageWindow>;
  /** The address of another page of one list, at the same period and moment. */
  pageHref: (list: PagedList, page: number) => string;
}

/** The figure computed from the actions, with the council's own imported figure beside it (never in its place). */
function Imported(props: { state: PlanState; figure: number | null | undefined; computed: number | null; shown: string }) {
  if (props.figure == null) return <Score state={props.state} score={props.computed} shown={props.shown} />;
  const imported = <span>{averageText(props.state, props.figure, formatFigure(props.figure))} <em>(imported)</em></span>;
  if (props.computed === null) return imported;
  return <span><Score state={props.state} score={props.computed} shown={props.shown} /><br />{imported}</span>;
}

/**
 * Without JavaScript the page is complete as served; with it, a notice appears when the plan
 * changes (server-sent events), so a board screen need not poll. It offers a reload rather than
 * redrawing, so what is on screen always matches one revision.
 */
function LiveNotice(props: { planId: string }) {
  // The script is a served file (/assets/live.js): the Content-Security-Policy allows no inline script.
  return (
    <>
      <p id="live" class="govuk-inset-text app-no-print" role="status" aria-live="polite" hidden data-src={`/plans/${encodeURIComponent(props.planId)}/live`}><span></span><a class="govuk-link" href="">Reload</a></p>
      <script src="/assets/live.js" type="module"></script>
    </>
  );
}

/** The board report, the evidence pack and the scrutiny progress report for the period and the moment on screen, in each format. */
function Reports(props: { summary: RagSummary; asOf: string | null }) {
  const href = (kind: string, format: string) => {
    const q = new URLSearchParams({ period: props.summary.period, format, ...(props.asOf ? { asOf: props.asOf } : {}) });
    return `/plans/${encodeURIComponent(props.summary.planId)}/reports/${kind}?${q}`;
  };
  const formats = [['html', 'web page'], ['pdf', 'PDF'], ['xlsx', 'spreadsheet'], ['md', 'Markdown']] as const;
  return (
    <section aria-labelledby="reports-heading">
      <h2 class="govuk-heading-m" id="reports-heading">Reports for {props.summary.period}{props.asOf ? ` as known at ${props.asOf}` : ''}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {([['board', 'Improvement Board report'], ['evidence', 'Inspector evidence pack'], ['scrutiny', 'Scrutiny progress report']] as const).map(([kind, name]) => (
          <li>{name}: {formats.map(([format, label], i) => <>{i > 0 ? ' · ' : ''}<a class="govuk-link" href={href(kind, format)}>{label}</a></>)}</li>
        ))}
        <li><a class="govuk-link" href={`/plans/${encodeURIComponent(props.summary.planId)}/exports/audit${props.asOf ? `?${new URLSearchParams({ asOf: props.asOf })}` : ''}`}>The plan's whole audit trail (CSV)</a></li>
      </ul>
    </section>
  );
}

/** The board's RAG summary as boards know it, the exceptions, and every action linked to its page. */
export function Dashboard({ state, summary: s, exceptions, outcomeExceptions = [], asOf, indicators = [], form, integrity, coverage = [], pages, pageHref }: DashboardProps) {
  const levels = state.scheme.levels;
  const overall = displayPair(s.overall.previous, s.overall.current, s.overall.direction);
  const review = s.review;
  return (
    <Layout title={`${form ? 'Error: ' : ''}${s.title}: ${s.period}`} wide>
      <ErrorSummary errors={form?.errors ?? []} />
      <IntegrityBanner integrity={integrity} />
      <h1 class="govuk-heading-l">{s.title}</h1>
      <p class="govuk-body-s">
        {s.organisation} · period {s.period} against {s.previousPeriod} ·{' '}
        {review ? `reviewed by ${review.reviewer} on ${review.reviewDate}, ${review.status === 'signed-off' ? `signed off by ${review.signedOffBy ?? 'the board'}` : 'not yet signed off'}` : 'no review opened for this period'} ·{' '}
        {asOf ? <strong>as known at {asOf}</strong> : 'as known now'} (revision {s.revision})
      </p>
      <AsKnownAt values={form?.values ?? momentValues(s.period, asOf)} errors={form?.errors ?? []} asOf={asOf} />
      <section aria-labelledby="summary-heading">
        <h2 class="govuk-heading-m" id="summary-heading">RAG summary</h2>
        <TableScroll label="RAG summary">
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">Each priority's figure for {s.previousPeriod} and {s.period}, its worst score and how many actions sit at each level</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Priority</th><th scope="col" class="govuk-table__header">{s.previousPeriod}</th><th scope="col" class="govuk-table__header">{s.period}</th><th scope="col" class="govuk-table__header">Worst score</th>
              {levels.map((l) => <th scope="col" class="govuk-table__header">{l.label} ({l.value})</th>)}
              <th scope="col" class="govuk-table__header">Not updated</th>
              <th scope="col" class="govuk-table__header">Direction</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {s.priorities.map((p) => {
              const shown = displayPair(p.previous.mean, p.current.mean, p.direction);
              return (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">{priorityName(p)}</th>
                  <td class="govuk-table__cell"><Imported state={state} figure={p.imported?.previous} computed={p.previous.mean} shown={shown.before} /></td>
                  <td class="govuk-table__cell"><Imported state={state} figure={p.imported?.current} computed={p.current.mean} shown={shown.after} /></td>
                  <td class="govuk-table__cell"><Score state={state} score={p.current.worst} /></td>
                  {levels.map((l) => <td class="govuk-table__cell">{p.current.counts.find((c) => c.value === l.value)?.count ?? 0}</td>)}
                  <td class="govuk-table__cell">{carriedText(p.current)}</td>
                  <td class="govuk-table__cell"><DirectionOf direction={shown.direction} /></td>
                </tr>
              );
            })}
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">Overall</th>
              <td class="govuk-table__cell"><Imported state={state} figure={s.importedOverall?.previous} computed={s.overall.previous} shown={overall.before} /></td>
              <td class="govuk-table__cell"><Imported state={state} figure={s.importedOverall?.current} computed={s.overall.current} shown={overall.after} /></td>
              <td class="govuk-table__cell" />
              {levels.map(() => <td class="govuk-table__cell" />)}
              <td class="govuk-table__cell">{s.overall.notUpdated} of {s.overall.actions}</td>
              <td class="govuk-table__cell"><DirectionOf direction={overall.direction} /></td>
            </tr>
          </tbody>
        </table>
        </TableScroll>
        <p class="govuk-body-s">{colourRule(state.scheme)} Directions compare the figures as shown. Not updated: actions with no entry for {s.period}, whose earlier score is carried into the figure.</p>
        {s.importedOverall ? <p class="govuk-body-s">Figures marked imported were reported by the council before ragtrail ({s.importedOverall.source}); they are shown as recorded, beside the figures computed from the actions.</p> : null}
      </section>
      <IndicatorsByPriority summary={s} indicators={indicators} />
      <ExceptionsList planId={s.planId} exceptions={exceptions} outcomes={outcomeExceptions} asOf={asOf} window={pages.exceptions} href={(n) => pageHref('exceptions', n)} />
      {coverage.length > 0 ? <CoverageSection rows={coverage} asOf={asOf} pages={pages} href={pageHref} /> : null}
      <ActionTables state={state} summary={s} asOf={asOf} window={pages.actions} href={(n) => pageHref('actions', n)} />
      <Reports summary={s} asOf={asOf} />
      <p class="govuk-body-s">Overall figure: {s.overallMethod === 'mean-of-actions' ? 'mean of all scored actions' : 'mean of the priority figures'}; figures shown to one decimal ({formatFigure(s.overall.current)}), or more where two figures side by side would otherwise print alike; kept at full precision.</p>
      {asOf ? null : <LiveNotice planId={state.planId} />}
    </Layout>
  );
}
