/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { priorityHeading, priorityName, type IndicatorView, type PlanException, type PlanState, type RagSummary } from '@ragtrail/core';
import { fig, scoreText } from '@ragtrail/reports';
import { Layout } from './layout.js';
import { DirectionOf, Score } from './score.js';
import { IndicatorsByPriority } from './indicators.js';

export interface DashboardProps {
  state: PlanState;
  summary: RagSummary;
  exceptions: PlanException[];
  asOf: string | null;
  /** The plan's indicators up to the period, shown beside (never in) the RAG figures. */
  indicators?: readonly IndicatorView[];
}

/** The figure computed from the actions, with the council's own imported figure beside it (never in its place). */
function Imported(props: { state: PlanState; figure: number | null | undefined; computed: number | null }) {
  if (props.figure == null) return <Score state={props.state} score={props.computed} />;
  const imported = <span>{scoreText(props.state, props.figure)} <em>(imported)</em></span>;
  if (props.computed === null) return imported;
  return <span><Score state={props.state} score={props.computed} /><br />{imported}</span>;
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
      <p id="live" role="status" aria-live="polite" hidden data-src={`/plans/${encodeURIComponent(props.planId)}/live`}><span></span><a href="">Reload</a></p>
      <script src="/assets/live.js" defer></script>
    </>
  );
}

/** The board report and the evidence pack for the period and the moment on screen, in each format. */
function Reports(props: { summary: RagSummary; asOf: string | null }) {
  const href = (kind: string, format: string) => {
    const q = new URLSearchParams({ period: props.summary.period, format, ...(props.asOf ? { asOf: props.asOf } : {}) });
    return `/plans/${encodeURIComponent(props.summary.planId)}/reports/${kind}?${q}`;
  };
  const formats = [['html', 'web page'], ['pdf', 'PDF'], ['xlsx', 'spreadsheet'], ['md', 'Markdown']] as const;
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reports for {props.summary.period}{props.asOf ? ` as known at ${props.asOf}` : ''}</h2>
      <ul>
        {([['board', 'Improvement Board report'], ['evidence', 'Inspector evidence pack']] as const).map(([kind, name]) => (
          <li>{name}: {formats.map(([format, label], i) => <>{i > 0 ? ' · ' : ''}<a href={href(kind, format)}>{label}</a></>)}</li>
        ))}
        <li><a href={`/plans/${encodeURIComponent(props.summary.planId)}/exports/audit${props.asOf ? `?${new URLSearchParams({ asOf: props.asOf })}` : ''}`}>The plan's whole audit trail (CSV)</a></li>
      </ul>
    </section>
  );
}

function AsKnownAt(props: { summary: RagSummary; asOf: string | null }) {
  return (
    <form class="inline" method="get" role="search" aria-label="Choose the period and the moment">
      <label>Period<input name="period" type="month" value={props.summary.period} /></label>
      <label>As known at the end of<input name="asOf" type="date" value={props.asOf?.slice(0, 10) ?? ''} /></label>
      <button type="submit">Show</button>
      {props.asOf ? <a href="?">Back to now</a> : null}
    </form>
  );
}

/** The board's RAG summary as boards know it, the exceptions, and every action linked to its page. */
export function Dashboard({ state, summary: s, exceptions, asOf, indicators = [] }: DashboardProps) {
  const levels = state.scheme.levels;
  const review = s.review;
  return (
    <Layout title={`${s.title}: ${s.period}`}>
      <h1>{s.title}</h1>
      <p class="note">
        {s.organisation} · period {s.period} against {s.previousPeriod} ·{' '}
        {review ? `reviewed by ${review.reviewer} on ${review.reviewDate}, ${review.status === 'signed-off' ? `signed off by ${review.signedOffBy ?? 'the board'}` : 'not yet signed off'}` : 'no review opened for this period'} ·{' '}
        {asOf ? <strong>as known at {asOf}</strong> : 'as known now'} (revision {s.revision})
      </p>
      <AsKnownAt summary={s} asOf={asOf} />
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">RAG summary</h2>
        <table>
          <caption>Each priority's figure for {s.previousPeriod} and {s.period}, its lowest score and how many actions sit at each level</caption>
          <thead>
            <tr>
              <th scope="col">Priority</th><th scope="col">{s.previousPeriod}</th><th scope="col">{s.period}</th><th scope="col">Lowest score</th>
              {levels.map((l) => <th scope="col">{l.label} ({l.value})</th>)}
              <th scope="col">Direction</th>
            </tr>
          </thead>
          <tbody>
            {s.priorities.map((p) => (
              <tr>
                <th scope="row">{priorityName(p)}</th>
                <td><Imported state={state} figure={p.imported?.previous} computed={p.previous.mean} /></td>
                <td><Imported state={state} figure={p.imported?.current} computed={p.current.mean} /></td>
                <td><Score state={state} score={p.current.worst} /></td>
                {levels.map((l) => <td>{p.current.counts.find((c) => c.value === l.value)?.count ?? 0}</td>)}
                <td><DirectionOf direction={p.direction} /></td>
              </tr>
            ))}
            <tr>
              <th scope="row">Overall</th>
              <td><Imported state={state} figure={s.importedOverall?.previous} computed={s.overall.previous} /></td>
              <td><Imported state={state} figure={s.importedOverall?.current} computed={s.overall.current} /></td>
              <td />
              {levels.map(() => <td />)}
              <td><DirectionOf direction={s.overall.direction} /></td>
            </tr>
          </tbody>
        </table>
        {s.importedOverall ? <p class="note">Figures marked imported were reported by the council before ragtrail ({s.importedOverall.source}); they are shown as recorded, beside the figures computed from the actions.</p> : null}
      </section>
      <IndicatorsByPriority summary={s} indicators={indicators} />
      <section aria-labelledby="exceptions-heading">
        <h2 id="exceptions-heading">Exceptions ({exceptions.length})</h2>
        {exceptions.length === 0 ? <p>No exceptions this period.</p> : (
          <ul>{exceptions.map((e) => <li><span class="flag">{e.kind.replace(/-/g, ' ')}</span>: <a href={actionHref(s.planId, e.actionId, asOf)}>{e.ref} {e.title}</a>: {e.message}</li>)}</ul>
        )}
      </section>
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions</h2>
        {s.priorities.map((p) => (
          <table>
            <caption>{priorityHeading(p)}</caption>
            <thead><tr><th scope="col">Action</th><th scope="col">Score</th><th scope="col">Previous</th><th scope="col">Direction (scores)</th><th scope="col">Stated</th><th scope="col">Update</th><th scope="col">Lead and owners</th></tr></thead>
            <tbody>
              {p.actions.map((a) => (
                <tr>
                  <th scope="row"><a href={actionHref(s.planId, a.actionId, asOf)}>{a.ref}</a> {a.title}</th>
                  <td><Score state={state} score={a.score} suffix={a.notUpdated && a.scoredPeriod ? ` (not updated; from ${a.scoredPeriod})` : ''} /></td>
                  <td><Score state={state} score={a.previousScore} /></td>
                  <td><DirectionOf direction={a.derivedDirection} /></td>
                  <td>{a.statedDirection ?? '–'}</td>
                  <td>{a.update || '–'}</td>
                  <td>{[a.lead, ...a.owners].filter(Boolean).join('; ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>
      <Reports summary={s} asOf={asOf} />
      <p class="note">Overall figure: {s.overallMethod === 'mean-of-actions' ? 'mean of all scored actions' : 'mean of the priority figures'}; figures shown to one decimal ({fig(s.overall.current)}), kept at full precision.</p>
      {asOf ? null : <LiveNotice planId={state.planId} />}
    </Layout>
  );
}

export const actionHref = (planId: string, actionId: string, asOf: string | null) =>
  `/plans/${encodeURIComponent(planId)}/actions/${encodeURIComponent(actionId)}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`;
