import { formatFigure, priorityName, type ActionEvidence, type AuditRecord, type PlanException, type PlanListing, type RagSummary } from '@ragtrail/core';
import { arrow, countsText, levelText, pad, padStart } from '../view/symbols.js';

export function plansText(plans: readonly PlanListing[]): string[] {
  if (plans.length === 0) return ['No plans yet: run `ragtrail demo` or `ragtrail import tracker FILE`.'];
  return [
    `${pad('PLAN ID', 34)} ${pad('TITLE', 40)} ${padStart('ACTIONS', 7)}  LATEST`,
    ...plans.map((p) => `${pad(p.planId, 34)} ${pad(p.title, 40)} ${padStart(String(p.actions), 7)}  ${p.latestPeriod ?? '–'}`),
  ];
}

export function summaryText(s: RagSummary): string[] {
  const review = s.review ? `review ${s.review.status}, ${s.review.reviewer} ${s.review.reviewDate}${s.review.signedOffBy ? `, signed off by ${s.review.signedOffBy}` : ''}` : 'no review opened';
  const out = [`${s.title} (${s.organisation})`, `Period ${s.period} against ${s.previousPeriod}: ${review}`, ''];
  out.push(`${pad('PRIORITY', 38)} ${padStart('PREV', 5)} ${padStart('NOW', 5)}  DIR  ${pad('WORST', 14)} COUNTS`);
  for (const p of s.priorities) {
    const name = priorityName(p);
    out.push(`${pad(name, 38)} ${padStart(formatFigure(p.previous.mean), 5)} ${padStart(formatFigure(p.current.mean), 5)}   ${arrow(p.direction)}   ${pad(levelText(p.current.counts, p.current.worst), 14)} ${countsText(p.current.counts)}`);
    if (p.imported) out.push(`${pad('   as reported before ragtrail', 38)} ${padStart(formatFigure(p.imported.previous), 5)} ${padStart(formatFigure(p.imported.current), 5)}`);
  }
  out.push(`${pad('Overall', 38)} ${padStart(formatFigure(s.overall.previous), 5)} ${padStart(formatFigure(s.overall.current), 5)}   ${arrow(s.overall.direction)}`);
  return out;
}

export function exceptionsText(period: string, list: readonly PlanException[]): string[] {
  if (list.length === 0) return [`No exceptions in ${period}.`];
  return [`Exceptions in ${period}:`, ...list.map((e) => `  ${pad(e.kind, 20)} ${pad(e.ref, 12)} ${e.message}`)];
}

const changeText = (r: AuditRecord): string =>
  r.changes
    .filter((c) => typeof c.after !== 'object' || c.after === null)
    .map((c) => (c.before === null ? `${c.field}=${String(c.after)}` : `${c.field} ${String(c.before)}→${String(c.after)}`))
    .join(', ');

export function auditText(total: number, records: readonly AuditRecord[]): string[] {
  if (records.length === 0) return ['No audit records match.'];
  const out = records.map((r) => {
    const head = `${r.recordedAt.slice(0, 19).replace('T', ' ')}  ${pad(r.type, 18)} ${pad(r.ref ?? '', 10)} ${pad(r.period ?? '', 7)} ${r.actor.name} (${r.actor.role})`;
    const detail = [changeText(r), r.reason ? `reason: ${r.reason}` : ''].filter(Boolean).join('; ');
    return detail ? `${head}\n    ${pad(detail, 200)}` : head;
  });
  if (total > records.length) out.push(`(${records.length} of ${total} shown)`);
  return out;
}

export function evidenceText(period: string, actions: readonly ActionEvidence[]): string[] {
  const out = [`Evidence of sustained improvement up to ${period}:`];
  for (const a of actions) {
    const trail = a.trajectory.map((t) => `${t.period} ${t.label}`).join(', ') || 'not scored';
    out.push(`${a.ref} ${a.title}`);
    out.push(`    held ${a.heldPeriods} period(s) at ${a.currentScore ?? '–'}${a.meetsRemovalRule ? '; meets the removal rule' : ''}`);
    out.push(`    scores: ${trail}`);
    for (const e of a.evidence) out.push(`    evidence ${e.observedOn} ${e.kind}: ${e.title}${e.link ? ` <${e.link}>` : ''}`);
    for (const c of a.corrections) out.push(`    corrected ${c.period} by ${c.actor} on ${c.recordedAt.slice(0, 10)}: ${c.before.score}→${c.after.score}${c.reason ? ` (${c.reason})` : ''}`);
    for (const d of a.disagreements) out.push(`    ${d.period}: stated ${d.stated}, scores show ${d.derived}`);
  }
  return out;
}
