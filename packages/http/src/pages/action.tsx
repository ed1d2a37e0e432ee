/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { auditEventTitle, describeAuditRecord, type ActionEvidence, type AuditRecord, type CorrectionRecord, type Entry, type PlanIntegrity, type PlanState } from '@ragtrail/core';
import { trajectorySvg } from '@ragtrail/reports';
import { SummaryList, TableScroll } from './govuk.js';
import { IntegrityBanner } from './integrity-banner.js';
import { Layout } from './layout.js';
import { Score } from './score.js';
import { Pagination, Showing, type PageWindow } from './pagination.js';
import { actionHref } from './action-href.js';

/** Page `n` of an action's audit trail: its page's address, with `auditPage` from the second page on. */
const auditPageHref = (href: string, n: number) => (n > 1 ? `${href}${href.includes('?') ? '&' : '?'}auditPage=${n}` : href);

export interface ActionPageProps {
  state: PlanState;
  evidence: ActionEvidence;
  /** A page of the action's audit trail, and where it sits in the whole. */
  audit: AuditRecord[];
  auditWindow: PageWindow;
  asOf: string | null;
  integrity?: PlanIntegrity;
}

/**
 * The audit record of a correction made after its period's review was signed off, if this one is:
 * the evidence projection knows which corrections those are, and a correction is one event, so its
 * period and recording time find it.
 */
const correctionOf = (r: AuditRecord, after: readonly CorrectionRecord[]) =>
  r.type === 'EntryCorrected' ? after.find((c) => c.period === r.period && c.recordedAt === r.recordedAt) : undefined;

/** A GOV.UK tag marking a correction after sign-off: the board signed off what it no longer says. */
const AfterSignOffTag = () => <strong class="govuk-tag govuk-tag--orange">Corrected after sign-off</strong>;

/** One action for an inspector: its score history as a chart, its updates, its evidence and every change to it. */
export function ActionPage({ state, evidence: a, audit, auditWindow, asOf, integrity }: ActionPageProps) {
  const action = state.actions.get(a.actionId)!;
  const entries = [...(state.entries.get(a.actionId) ?? new Map<string, Entry>())].sort(([x], [y]) => x.localeCompare(y));
  const afterSignOff = a.corrections.filter((c) => c.afterSignOff);
  const dashboard = `/plans/${encodeURIComponent(state.planId)}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`;
  return (
    <Layout title={`${a.ref} ${a.title}`} wide>
      <a class="govuk-back-link" href={dashboard}>{state.title}</a>
      <IntegrityBanner integrity={integrity} />
      <h1 class="govuk-heading-l">{a.ref}: {a.title}</h1>
      <SummaryList rows={[
        ['Lead', action.lead ? `${action.lead.name}${action.lead.jobTitle ? `, ${action.lead.jobTitle}` : ''}` : 'No lead assigned'],
        ['Owners', action.owners.length ? action.owners.join('; ') : null],
        ['Due', action.dueDate || action.dueText || null],
        ['As known at', asOf],
      ]} />
      {action.description ? <p class="govuk-body">{action.description}</p> : null}
      <p class="govuk-body">Current score: <Score state={state} score={a.currentScore} />; held for {a.heldPeriods} {a.heldPeriods === 1 ? 'period' : 'periods'}{a.meetsRemovalRule ? '; meets the rule for removal from the plan' : ''}.</p>
      <section aria-labelledby="history-heading">
        <h2 class="govuk-heading-m" id="history-heading">Score history</h2>
        <figure class="app-chart" dangerouslySetInnerHTML={{ __html: trajectorySvg(state, a) }} />
      </section>
      <section aria-labelledby="updates-heading">
        <h2 class="govuk-heading-m" id="updates-heading">Updates</h2>
        {entries.length === 0 ? <p class="govuk-body">No entries recorded.</p> : (
          <TableScroll label="Updates">
          <table class="govuk-table">
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Period</th><th scope="col" class="govuk-table__header">Score</th><th scope="col" class="govuk-table__header">Stated direction</th><th scope="col" class="govuk-table__header">Scores show</th><th scope="col" class="govuk-table__header">Update</th><th scope="col" class="govuk-table__header">Recorded</th></tr></thead>
            <tbody class="govuk-table__body">
              {entries.map(([period, e]) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">{period}</th>
                  <td class="govuk-table__cell"><Score state={state} score={e.score} suffix={e.source === 'imported' ? ' (imported)' : ''} /></td>
                  <td class="govuk-table__cell">{e.statedDirection ?? '–'}</td>
                  <td class="govuk-table__cell">{e.derivedDirection ?? '–'}</td>
                  <td class="govuk-table__cell">{e.update || '–'}</td>
                  <td class="govuk-table__cell">{e.recordedAt.slice(0, 10)} by {e.recordedBy.name}{e.corrections ? ` (corrected ${e.corrections}×)` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="evidence-heading">
        <h2 class="govuk-heading-m" id="evidence-heading">Evidence</h2>
        {a.evidence.length === 0 ? <p class="govuk-body">No evidence attached.</p> : (
          <ul class="govuk-list govuk-list--bullet">{a.evidence.map((e) => <li><time datetime={e.observedOn}>{e.observedOn}</time>: {e.title} ({e.kind}){e.link ? <> · {/^https?:\/\//i.test(e.link) ? <a class="govuk-link" href={e.link}>{e.link}</a> : e.link}</> : null}{e.contentHash ? ` · sha256 ${e.contentHash.slice(0, 12)}…` : ''}</li>)}</ul>
        )}
      </section>
      <section aria-labelledby="after-sign-off-heading">
        <h2 class="govuk-heading-m" id="after-sign-off-heading">Corrections after sign-off</h2>
        {afterSignOff.length === 0 ? <p class="govuk-body">None.</p> : (
          <ul class="govuk-list govuk-list--bullet">{afterSignOff.map((c) => (
            <li><AfterSignOffTag /> {c.period}: score changed from <Score state={state} score={c.before.score} /> to <Score state={state} score={c.after.score} /> on <time datetime={c.recordedAt}>{c.recordedAt.replace('T', ' ').slice(0, 19)}</time> by {c.actor}; reason: {c.reason ?? 'none given'}</li>
          ))}</ul>
        )}
      </section>
      <section aria-labelledby="audit-heading">
        <h2 class="govuk-heading-m" id="audit-heading">Audit trail</h2>
        <p class="govuk-body"><a class="govuk-link" href={`/plans/${encodeURIComponent(state.planId)}/exports/audit?${new URLSearchParams({ action: a.actionId, ...(asOf ? { asOf } : {}) })}`}>Download this action's audit trail (CSV)</a></p>
        <Showing window={auditWindow} rows="records" />
        <TableScroll label="Audit trail">
        <table class="govuk-table">
          <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Recorded</th><th scope="col" class="govuk-table__header">Who</th><th scope="col" class="govuk-table__header">What</th><th scope="col" class="govuk-table__header">Changes</th><th scope="col" class="govuk-table__header">Reason</th></tr></thead>
          <tbody class="govuk-table__body">
            {audit.map((r) => {
              const sentences = describeAuditRecord(r, { scheme: state.scheme });
              return (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell"><time datetime={r.recordedAt}>{r.recordedAt.replace('T', ' ').slice(0, 19)}</time></td>
                  <td class="govuk-table__cell">{r.actor.name} ({r.actor.role})</td>
                  <td class="govuk-table__cell">{auditEventTitle(r.type)}{r.period ? ` ${r.period}` : ''}{correctionOf(r, afterSignOff) ? <> <AfterSignOffTag /></> : null}</td>
                  <td class="govuk-table__cell">{sentences.length === 1 ? sentences[0] : <ul class="govuk-list">{sentences.map((line) => <li>{line}</li>)}</ul>}</td>
                  <td class="govuk-table__cell">{r.reason ?? '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </TableScroll>
        <Pagination window={auditWindow} label="Pages of the audit trail" href={(n) => auditPageHref(actionHref(state.planId, a.actionId, asOf), n)} />
      </section>
    </Layout>
  );
}
