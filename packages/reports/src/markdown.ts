import { displayPair, formatFigure, priorityName } from '@ragtrail/core';
import { colourRule, priorityHeading } from '@ragtrail/core/internal';
import { checkpointMarkdown } from './checkpoint-section.js';
import { integrityWarningMarkdown } from './integrity-warning.js';
import { indicatorGroups, indicatorsMarkdown } from './indicators-section.js';
import { coverageMarkdown } from './coverage-section.js';
import { overviewMarkdown, overviewRows } from './overview-section.js';
import { averageText, carriedText, exceptionLine, exceptionSentences, fig, monthName, reflectedText, scoreText, type BoardModel, type EvidenceModel } from './model.js';

/** Text from the log is data, not markup: a title like "<MASH>" must not become an HTML tag. */
const text = (s: string): string => s.replace(/</g, '\\<');
const cell = (s: string): string => text(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;

export function headerLines(m: BoardModel | EvidenceModel, kind: string): string[] {
  const s = m.summary;
  const review = s.review;
  return [
    `# ${kind}: ${text(s.title)}`,
    ...integrityWarningMarkdown(m.integrity),
    '',
    `- Organisation: ${s.organisation}`,
    `- Period: ${monthName(s.period)} (${s.period}), compared with ${monthName(s.previousPeriod)}`,
    `- Reviewer: ${review ? `${review.reviewer} (review dated ${review.reviewDate})` : 'no review opened for this period'}`,
    `- Sign-off: ${review ? (review.status === 'signed-off' ? `signed off by ${review.signedOffBy ?? 'unknown'} at ${review.signedOffAt ?? 'unknown'}` : 'open, not signed off') : 'not signed off'}`,
    `- Reflects: ${reflectedText(m.reflected)}`,
  ];
}

export function boardMarkdown(m: BoardModel): string {
  const s = m.summary;
  const st = m.state;
  const out = [...headerLines(m, 'Improvement Board report'), '', '## RAG summary', ''];
  const levels = st.scheme.levels;
  out.push(row(['Priority', `${monthName(s.previousPeriod)}`, `${monthName(s.period)}`, 'Worst score', ...levels.map((l) => `${l.label} (${l.value})`), 'Not updated', 'Direction']));
  out.push(row(Array.from({ length: 6 + levels.length }, () => '---')));
  // Computed figures first; a figure imported from the council's own sheet sits beside it, labelled.
  // Both figures of a row and its direction come from the core's displayPair, so they never disagree.
  const figure = (computed: number | null, shown: string, imported: number | null | undefined) =>
    imported == null ? averageText(st, computed, shown) : computed == null ? `${formatFigure(imported)} (imported)` : `${averageText(st, computed, shown)}; ${formatFigure(imported)} imported`;
  for (const p of s.priorities) {
    const shown = displayPair(p.previous.mean, p.current.mean, p.direction);
    const prev = figure(p.previous.mean, shown.before, p.imported?.previous);
    const curr = figure(p.current.mean, shown.after, p.imported?.current);
    out.push(row([priorityName(p), prev, curr, scoreText(st, p.current.worst), ...levels.map((l) => String(p.current.counts.find((c) => c.value === l.value)?.count ?? 0)), carriedText(p.current), shown.direction ?? '–']));
  }
  const io = s.importedOverall;
  const overall = displayPair(s.overall.previous, s.overall.current, s.overall.direction);
  const prevOverall = figure(s.overall.previous, overall.before, io?.previous);
  const currOverall = figure(s.overall.current, overall.after, io?.current);
  out.push(row(['Overall', prevOverall, currOverall, '', ...levels.map(() => ''), `${s.overall.notUpdated} of ${s.overall.actions}`, overall.direction ?? '–']));
  out.push('', `${colourRule(st.scheme)} Directions compare the figures as shown. "Not updated": actions with no entry for ${monthName(s.period)}, whose earlier score is carried into the figure.`);
  if (io) out.push('', `Imported figures come from ${io.source}; they were reported before ragtrail and are shown as recorded beside the figures computed from the actions, not recomputed.`);
  out.push('', `Overall figure: ${s.overallMethod === 'mean-of-actions' ? 'mean of all scored actions' : 'mean of the priority figures'}.`);
  const indicators = indicatorGroups(s, m.indicators);
  if (indicators.length > 0) out.push('', '## Indicators', '', 'Outcome indicators of each priority, beside (never in) its RAG figures; directions and comparisons go through each indicator\'s polarity.', '', ...indicatorsMarkdown(indicators));
  out.push('', '## Exceptions', '');
  const groups = exceptionSentences(m);
  if (groups.length === 0) out.push('No exceptions this period.');
  for (const g of groups) {
    out.push(g.heading, '');
    for (const e of g.items) out.push(`- ${text(exceptionLine(e))}`);
    out.push('');
  }
  out.push('', ...coverageMarkdown(m.coverage));
  for (const p of s.priorities) {
    out.push('', `## ${text(priorityHeading(p))}`, '');
    out.push(row(['Action', 'Score', 'Previous', 'Direction', 'Update', 'Owner']));
    out.push(row(['---', '---', '---', '---', '---', '---']));
    for (const a of p.actions) {
      const score = scoreText(st, a.score) + (a.notUpdated && a.scoredPeriod ? ` (carried from ${a.scoredPeriod})` : '');
      const direction = a.statedDirection && a.derivedDirection && a.statedDirection !== a.derivedDirection ? `${a.statedDirection} stated; scores show ${a.derivedDirection}` : a.derivedDirection ?? a.statedDirection ?? '–';
      out.push(row([`${a.ref} ${a.title}`, score, scoreText(st, a.previousScore), direction, a.update || '–', [a.lead, ...a.owners].filter(Boolean).join('; ') || '–']));
    }
  }
  out.push('', ...checkpointMarkdown(m.checkpoint));
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

export function evidenceMarkdown(m: EvidenceModel): string {
  const st = m.state;
  const out = [...headerLines(m, 'Inspector evidence pack'), '', ...overviewMarkdown(overviewRows(m.summary, m.actions)), ...coverageMarkdown(m.coverage)];
  for (const a of m.actions) {
    out.push(`## ${text(`${a.ref} ${a.title}`)}`, '');
    out.push(`Current score: ${scoreText(st, a.currentScore)}; held for ${a.heldPeriods} ${a.heldPeriods === 1 ? 'period' : 'periods'}${a.meetsRemovalRule ? '; meets the rule for removal from the plan' : ''}.`, '');
    out.push('### Score trajectory', '');
    if (a.trajectory.length === 0) out.push('No scores recorded.');
    else {
      out.push(row(['Period', 'Score', 'Source', 'Corrections']), row(['---', '---', '---', '---']));
      for (const t of a.trajectory) out.push(row([t.period, `${t.score} ${t.label}`, t.source, String(t.corrections)]));
    }
    out.push('', '### Evidence', '');
    if (a.evidence.length === 0) out.push('No evidence attached.');
    // The content hash is printed whole: it is what ties the pack to the file an inspector is handed.
    for (const e of a.evidence) out.push(`- ${text(`${e.observedOn}: ${e.title} (${e.kind}${e.link ? `, ${e.link}` : ''}${e.contentHash ? `, SHA-256 ${e.contentHash}` : ''}), attached ${e.attachedAt.slice(0, 10)} by ${e.attachedBy.name}`)}`);
    out.push('', '### Corrections after sign-off', '');
    const after = a.corrections.filter((c) => c.afterSignOff);
    if (after.length === 0) out.push('None.');
    for (const c of after) out.push(`- ${c.period}, ${c.recordedAt} by ${c.actor}: score ${c.before.score} to ${c.after.score}; reason: ${c.reason ?? 'none given'}`);
    out.push('', '### Stated direction disagreeing with the scores', '');
    if (a.disagreements.length === 0) out.push('None.');
    for (const d of a.disagreements) out.push(`- ${d.period}: stated ${d.stated}, but the score went from ${d.previousScore ?? 'none'} to ${d.score} (${d.derived})`);
    out.push('');
  }
  out.push('## Integrity of the log', '', verifyText(m));
  out.push('', ...checkpointMarkdown(m.checkpoint));
  return out.join('\n') + '\n';
}

export function verifyText(m: EvidenceModel): string {
  const v = m.verify;
  return v.ok
    ? `Verified: all ${v.events} events of the plan's log (to revision ${m.reflected.revision}) are intact and chained.`
    : `NOT verified: ${v.events} events checked; revision ${v.firstBreak.revision} ${v.firstBreak.message}.`;
}
