/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ActionEvidence, AuditRecord, Entry, PlanState } from '@ragtrail/core';
import { trajectorySvg } from '@ragtrail/reports';
import { Layout } from './layout.js';
import { Score } from './score.js';

export interface ActionPageProps {
  state: PlanState;
  evidence: ActionEvidence;
  audit: AuditRecord[];
  asOf: string | null;
}

const changeText = (r: AuditRecord) => r.changes.map((c) => `${c.field}: ${JSON.stringify(c.before) ?? '–'} → ${JSON.stringify(c.after) ?? '–'}`).join('; ');

/** One action for an inspector: its score history as a chart, its updates, its evidence and every change to it. */
export function ActionPage({ state, evidence: a, audit, asOf }: ActionPageProps) {
  const action = state.actions.get(a.actionId)!;
  const entries = [...(state.entries.get(a.actionId) ?? new Map<string, Entry>())].sort(([x], [y]) => x.localeCompare(y));
  const dashboard = `/plans/${encodeURIComponent(state.planId)}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`;
  return (
    <Layout title={`${a.ref} ${a.title}`}>
      <p><a href={dashboard}>← {state.title}</a></p>
      <h1>{a.ref}: {a.title}</h1>
      <p class="note">
        {action.lead ? `Lead: ${action.lead.name}${action.lead.jobTitle ? `, ${action.lead.jobTitle}` : ''}` : 'No lead assigned'}
        {action.owners.length ? ` · Owners: ${action.owners.join('; ')}` : ''}
        {action.dueDate ? ` · Due ${action.dueDate}` : action.dueText ? ` · Due: ${action.dueText}` : ''}
        {asOf ? ` · as known at ${asOf}` : ''}
      </p>
      {action.description ? <p>{action.description}</p> : null}
      <p>Current score: <Score state={state} score={a.currentScore} />; held for {a.heldPeriods} {a.heldPeriods === 1 ? 'period' : 'periods'}{a.meetsRemovalRule ? '; meets the rule for removal from the plan' : ''}.</p>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Score history</h2>
        <figure dangerouslySetInnerHTML={{ __html: trajectorySvg(state, a) }} />
      </section>
      <section aria-labelledby="updates-heading">
        <h2 id="updates-heading">Updates</h2>
        {entries.length === 0 ? <p>No entries recorded.</p> : (
          <table>
            <thead><tr><th scope="col">Period</th><th scope="col">Score</th><th scope="col">Stated direction</th><th scope="col">Scores show</th><th scope="col">Update</th><th scope="col">Recorded</th></tr></thead>
            <tbody>
              {entries.map(([period, e]) => (
                <tr>
                  <th scope="row">{period}</th>
                  <td><Score state={state} score={e.score} suffix={e.source === 'imported' ? ' (imported)' : ''} /></td>
                  <td>{e.statedDirection ?? '–'}</td>
                  <td>{e.derivedDirection ?? '–'}</td>
                  <td>{e.update || '–'}</td>
                  <td>{e.recordedAt.slice(0, 10)} by {e.recordedBy.name}{e.corrections ? ` (corrected ${e.corrections}×)` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence</h2>
        {a.evidence.length === 0 ? <p>No evidence attached.</p> : (
          <ul>{a.evidence.map((e) => <li><time datetime={e.observedOn}>{e.observedOn}</time>: {e.title} ({e.kind}){e.link ? <> · {/^https?:\/\//i.test(e.link) ? <a href={e.link}>{e.link}</a> : e.link}</> : null}{e.contentHash ? ` · sha256 ${e.contentHash.slice(0, 12)}…` : ''}</li>)}</ul>
        )}
      </section>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit trail</h2>
        <p><a href={`/plans/${encodeURIComponent(state.planId)}/exports/audit?${new URLSearchParams({ action: a.actionId, ...(asOf ? { asOf } : {}) })}`}>Download this action's audit trail (CSV)</a></p>
        <table>
          <thead><tr><th scope="col">Recorded</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Changes</th><th scope="col">Reason</th></tr></thead>
          <tbody>
            {audit.map((r) => (
              <tr>
                <td><time datetime={r.recordedAt}>{r.recordedAt.replace('T', ' ').slice(0, 19)}</time></td>
                <td>{r.actor.name} ({r.actor.role})</td>
                <td>{r.type}{r.period ? ` ${r.period}` : ''}</td>
                <td>{changeText(r) || '–'}</td>
                <td>{r.reason ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
