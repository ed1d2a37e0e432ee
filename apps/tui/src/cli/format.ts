import { auditEventTitle, describeAuditRecord, displayPair, priorityName, type ActionEvidence, type AuditRecord, type OutcomeException, type PlanException, type PlanListing, type RagSummary, type ScoringScheme } from '@ragtrail/core';
import { arrow, countsText, levelText, pad, padStart } from '../view/symbols.js';
import { wrap } from '../view/wrap.js';
import { exceptionBlocks } from '../view/exception-lines.js';

export function plansText(plans: readonly PlanListing[]): string[] {
  if (plans.length === 0) return ['No plans yet: run `ragtrail demo` or `ragtrail import tracker FILE`.'];
  return [
    `${pad('PLAN ID', 34)} ${pad('TITLE', 40)} ${padStart('ACTIONS', 7)}  LATEST`,
    ...plans.map((p) => `${pad(p.planId, 34)} ${pad(p.title, 40)} ${padStart(String(p.actions), 7)}  ${p.latestPeriod ?? '–'}`),
  ];
}

/**
 * The board's summary in 80 columns: priority names wrap in their column, the worst score shows
 * its whole label with its number, counts use each level's initial with a legend below, and each
 * pair of figures and its arrow go through the core's displayPair, so they never disagree.
 */
export function summaryText(s: RagSummary): string[] {
  const review = s.review ? `review ${s.review.status}, ${s.review.reviewer} ${s.review.reviewDate}${s.review.signedOffBy ? `, signed off by ${s.review.signedOffBy}` : ''}` : 'no review opened';
  const out = [...wrap(`${s.title} (${s.organisation})`, 80), ...wrap(`Period ${s.period} against ${s.previousPeriod}: ${review}`, 80), ''];
  const levels = s.priorities[0]?.current.counts ?? [];
  const worstWidth = Math.max(5, ...levels.map((l) => levelText(levels, l.value).length));
  const countsWidth = Math.max(6, ...s.priorities.map((p) => countsText(p.current.counts).length));
  const nameWidth = Math.max(16, 80 - (6 + 6 + 4 + worstWidth + 1 + countsWidth + 1 + 8));
  const row = (name: string, prev: string, now: string, dir: string, worst: string, counts: string, carried: string) =>
    `${pad(name, nameWidth)} ${padStart(prev, 5)} ${padStart(now, 5)}  ${dir} ${pad(worst, worstWidth)} ${pad(counts, countsWidth)} ${padStart(carried, 7)}`.trimEnd();
  out.push(row('PRIORITY', 'PREV', 'NOW', ' ', 'WORST', 'COUNTS', 'CARRIED'));
  for (const p of s.priorities) {
    const shown = displayPair(p.previous.mean, p.current.mean, p.direction);
    const [first = '', ...more] = wrap(priorityName(p), nameWidth);
    const rest = wrap(more.join(' '), nameWidth - 2).filter(Boolean);
    const actions = p.current.scored + p.current.unscored;
    out.push(row(first, shown.before, shown.after, arrow(shown.direction), levelText(p.current.counts, p.current.worst), countsText(p.current.counts), `${p.current.notUpdated}/${actions}`));
    for (const more of rest) out.push(row(`  ${more}`, '', '', ' ', '', '', ''));
    if (p.imported) {
      const reported = displayPair(p.imported.previous, p.imported.current, null);
      out.push(row('  as the council reported', reported.before, reported.after, ' ', '', '', ''));
    }
  }
  const overall = displayPair(s.overall.previous, s.overall.current, s.overall.direction);
  out.push(row('Overall', overall.before, overall.after, arrow(overall.direction), '', '', `${s.overall.notUpdated}/${s.overall.actions}`));
  out.push('');
  out.push(...wrap(`Counts: ${levels.map((l) => `${l.label.slice(0, 1)} ${l.label} (${l.value})`).join(', ')}. Carried: actions not updated for ${s.period}, their earlier score carried forward. Arrows compare the figures as shown.`, 80));
  return out;
}

/** The actions' exceptions, then the outcomes' (kind in words), each sentence wrapped at 80 columns under its own column. */
export function exceptionsText(period: string, list: readonly PlanException[], outcomes: readonly OutcomeException[] = []): string[] {
  if (list.length === 0 && outcomes.length === 0) return [`No exceptions in ${period}.`];
  return [`Exceptions in ${period}:`, ...exceptionBlocks(list, outcomes, 80).flat()];
}

/**
 * The audit trail as people read it: a heading line per record (when, who, what, which action and
 * period), then what changed in the core's sentences ("Score changed from 2 (Amber) to 3 (Green)")
 * and the reason, wrapped at 80 columns. Never a stored value as JSON.
 */
export function auditText(total: number, records: readonly AuditRecord[], scheme: ScoringScheme | null = null): string[] {
  if (records.length === 0) return ['No audit records match.'];
  const out = records.flatMap((r) => {
    const head = [r.recordedAt.slice(0, 19).replace('T', ' '), `${r.actor.name} (${r.actor.role})`, auditEventTitle(r.type), r.ref ?? '', r.period ?? ''].filter(Boolean).join('  ');
    const sentences = describeAuditRecord(r, { scheme }).filter((t) => !t.startsWith(auditEventTitle(r.type)));
    const detail = `${sentences.length ? `${sentences.join('. ')}.` : ''}${r.reason ? ` Reason: “${r.reason}”.` : ''}`.trim();
    return [head, ...(detail ? wrap(detail, 76).map((l) => `    ${l}`) : [])];
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
