import { displayPair, formatFigure, priorityName, type ActionEvidence, type PlanState } from '@ragtrail/core';
import { colourRule, priorityHeading } from '@ragtrail/core/internal';
import { averageText, carriedText, exceptionLine, exceptionSentences, fig, levelName, monthName, reflectedText, scoreText, type BoardModel, type EvidenceModel } from './model.js';
import { verifyText } from './markdown.js';
import { checkpointHtml } from './checkpoint-section.js';
import { integrityWarningHtml } from './integrity-warning.js';
import { indicatorGroups, indicatorsHtml } from './indicators-section.js';
import { coverageHtml } from './coverage-section.js';
import { overviewHtml, overviewRows } from './overview-section.js';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Print: sections and tables may break across pages (a RAG table kept whole would push the summary
// off page 1 on a long plan); rows, charts and list items stay whole. Figures and labels wrap only
// between words ("2.5 Amber" is never cut inside a word); the free-text cells (row names, updates,
// owners) may wrap anywhere, so a long unbroken word there cannot widen the table past the page.
// Charts scale down to the page width.
const style = `
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:2rem;color:#1b1b1b;line-height:1.4;overflow-wrap:break-word}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}.rag{display:inline-block;min-width:1em;height:1em;border-radius:2px;margin-right:.35em;vertical-align:-.15em;border:1px solid #555}
dl.header{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.header dt{font-weight:600}
svg{max-width:100%;height:auto}svg text{font-size:10px;font-family:inherit}code.hash{overflow-wrap:anywhere;font-size:.9em}
@media print{body{margin:0;font-size:9pt}h2,h3,caption{break-after:avoid}tr,svg,li{break-inside:avoid}th,td{padding:.2rem .3rem}th[scope=row],td.text{overflow-wrap:anywhere}th[scope=row]{min-width:8em}a{color:inherit}}
`;

/**
 * An evidence link as a real link when its scheme is one a reader can follow safely; anything else
 * (a log written before the core refused other schemes) stays plain text, never an active href.
 */
export const linkHtml = (link: string): string => (/^(https?:\/\/|mailto:)/i.test(link) ? `<a href="${esc(link)}">${esc(link)}</a>` : esc(link));

function swatch(state: PlanState, score: number | null): string {
  const l = levelName(state, score);
  // The swatch is decoration: the number and label beside it carry the meaning.
  return l ? `<span class="rag" style="background:${esc(l.colour)}" aria-hidden="true"></span>` : '';
}
const scoreCell = (state: PlanState, score: number | null, extra = ''): string => `${swatch(state, score)}${esc(scoreText(state, score))}${extra}`;

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<style>${style}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function header(m: BoardModel | EvidenceModel, kind: string): string {
  const s = m.summary;
  const r = s.review;
  const signOff = r ? (r.status === 'signed-off' ? `Signed off by ${r.signedOffBy ?? 'unknown'} at ${r.signedOffAt ?? 'unknown'}` : 'Open, not signed off') : 'Not signed off';
  const rows: [string, string][] = [
    ['Organisation', s.organisation],
    ['Period', `${monthName(s.period)} (${s.period}), compared with ${monthName(s.previousPeriod)}`],
    ['Reviewer', r ? `${r.reviewer} (review dated ${r.reviewDate})` : 'No review opened for this period'],
    ['Sign-off', signOff],
    ['Reflects', reflectedText(m.reflected)],
  ];
  return `<header>\n<h1>${esc(kind)}: ${esc(s.title)}</h1>${integrityWarningHtml(m.integrity, esc)}\n<dl class="header">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>\n</header>`;
}

export function boardHtml(m: BoardModel): string {
  const s = m.summary;
  const st = m.state;
  const levels = st.scheme.levels;
  // Computed figures first; a figure imported from the council's own sheet sits beside it, labelled.
  // Both figures of a row and its direction come from the core's displayPair, so they never disagree.
  const figure = (computed: number | null, shown: string, imported: number | null | undefined) => {
    const cell = computed === null ? esc('not scored') : `${swatch(st, computed)}${esc(averageText(st, computed, shown))}`;
    return imported == null ? cell : computed == null ? `${esc(formatFigure(imported))} (imported)` : `${cell} <span class="imported">${esc(formatFigure(imported))} imported</span>`;
  };
  const head = `<tr><th scope="col">Priority</th><th scope="col">${esc(monthName(s.previousPeriod))}</th><th scope="col">${esc(monthName(s.period))}</th><th scope="col">Worst score</th>${levels.map((l) => `<th scope="col">${esc(l.label)} (${l.value})</th>`).join('')}<th scope="col">Not updated</th><th scope="col">Direction</th></tr>`;
  const rows = s.priorities.map((p) => {
    const shown = displayPair(p.previous.mean, p.current.mean, p.direction);
    return `<tr><th scope="row">${esc(priorityName(p))}</th><td>${figure(p.previous.mean, shown.before, p.imported?.previous)}</td><td>${figure(p.current.mean, shown.after, p.imported?.current)}</td><td>${scoreCell(st, p.current.worst)}</td>${levels.map((l) => `<td>${p.current.counts.find((c) => c.value === l.value)?.count ?? 0}</td>`).join('')}<td>${esc(carriedText(p.current))}</td><td>${esc(shown.direction ?? '–')}</td></tr>`;
  });
  const io = s.importedOverall;
  const overall = displayPair(s.overall.previous, s.overall.current, s.overall.direction);
  rows.push(`<tr><th scope="row">Overall</th><td>${figure(s.overall.previous, overall.before, io?.previous)}</td><td>${figure(s.overall.current, overall.after, io?.current)}</td><td></td>${levels.map(() => '<td></td>').join('')}<td>${s.overall.notUpdated} of ${s.overall.actions}</td><td>${esc(overall.direction ?? '–')}</td></tr>`);
  const parts = [header(m, 'Improvement Board report'), '<section>\n<h2>RAG summary</h2>', `<table>\n<caption>Each priority's figure in ${esc(monthName(s.previousPeriod))} and ${esc(monthName(s.period))}</caption>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`, `<p class="legend">${esc(colourRule(st.scheme))} Directions compare the figures as shown. "Not updated": actions with no entry for ${esc(monthName(s.period))}, whose earlier score is carried into the figure.</p>`];
  if (io) parts.push(`<p>Imported figures come from ${esc(io.source)}; they were reported before ragtrail and are shown as recorded beside the figures computed from the actions, not recomputed.</p>`);
  parts.push(`<p>Overall figure: ${s.overallMethod === 'mean-of-actions' ? 'mean of all scored actions' : 'mean of the priority figures'}.</p>\n</section>`);
  const indicators = indicatorGroups(s, m.indicators);
  if (indicators.length > 0) parts.push(`<section>\n<h2>Indicators</h2>\n<p>Outcome indicators of each priority, beside (never in) its RAG figures; directions and comparisons go through each indicator's polarity.</p>\n${indicatorsHtml(indicators, esc)}\n</section>`);
  parts.push('<section>\n<h2>Exceptions</h2>');
  const groups = exceptionSentences(m);
  if (groups.length === 0) parts.push('<p>No exceptions this period.</p>');
  for (const g of groups) parts.push(`<p>${esc(g.heading)}</p>\n<ul>${g.items.map((e) => `<li>${esc(exceptionLine(e))}</li>`).join('')}</ul>`);
  parts.push('</section>');
  parts.push(coverageHtml(m.coverage, esc));
  for (const p of s.priorities) {
    const body = p.actions.map((a) => {
      const carried = a.notUpdated && a.scoredPeriod ? ` (carried from ${esc(a.scoredPeriod)})` : '';
      const direction = a.statedDirection && a.derivedDirection && a.statedDirection !== a.derivedDirection ? `${a.statedDirection} stated; scores show ${a.derivedDirection}` : a.derivedDirection ?? a.statedDirection ?? '–';
      return `<tr><th scope="row">${esc(`${a.ref} ${a.title}`)}</th><td>${scoreCell(st, a.score, carried)}</td><td>${scoreCell(st, a.previousScore)}</td><td>${esc(direction)}</td><td class="text">${esc(a.update || '–')}</td><td class="text">${esc([a.lead, ...a.owners].filter(Boolean).join('; ') || '–')}</td></tr>`;
    });
    parts.push(`<section>\n<h2>${esc(priorityHeading(p))}</h2>\n<table>\n<thead><tr><th scope="col">Action</th><th scope="col">Score</th><th scope="col">Previous</th><th scope="col">Direction</th><th scope="col">Update</th><th scope="col">Owner</th></tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>\n</section>`);
  }
  parts.push(checkpointHtml(m.checkpoint, esc));
  return page(`Improvement Board report: ${s.title}, ${monthName(s.period)}`, parts.join('\n'));
}

/**
 * A line chart of an action's scores, one column per period: each point carries its number and
 * label above it (colour is only an addition) and its period below; imported scores are starred.
 */
export function trajectorySvg(state: PlanState, a: ActionEvidence): string {
  const pts = a.trajectory;
  if (pts.length === 0) return '<p>No scores recorded.</p>';
  const values = state.scheme.levels.map((l) => l.value);
  const lo = Math.min(...values), hi = Math.max(...values);
  const column = 96, left = 40, top = 28, bottom = 108;
  const w = left + pts.length * column, h = bottom + 42;
  const y = (v: number) => (hi === lo ? (top + bottom) / 2 : bottom - ((v - lo) / (hi - lo)) * (bottom - top));
  const x = (i: number) => left + column / 2 + i * column;
  const anyImported = pts.some((p) => p.source === 'imported');
  const grid = state.scheme.levels.map((l) => `<line x1="${left - 8}" x2="${w - 4}" y1="${y(l.value)}" y2="${y(l.value)}" stroke="#ddd"/><text x="${left - 14}" y="${y(l.value) + 4}" text-anchor="end">${l.value}</text>`).join('');
  const line = pts.map((p, i) => `${x(i)},${y(p.score)}`).join(' ');
  const dots = pts.map((p, i) => `<circle cx="${x(i)}" cy="${y(p.score)}" r="5" fill="${esc(p.colour)}" stroke="#333"/><text x="${x(i)}" y="${y(p.score) - 10}" text-anchor="middle">${p.score} ${esc(p.label)}${p.source === 'imported' ? '*' : ''}</text><text x="${x(i)}" y="${bottom + 22}" text-anchor="middle">${esc(p.period)}</text>`).join('');
  const note = anyImported ? `<text x="${left - 8}" y="${h - 4}">* imported</text>` : '';
  const desc = pts.map((p) => `${p.period}: ${p.score} ${p.label}${p.source === 'imported' ? ' (imported)' : ''}`).join('; ');
  return `<svg role="img" aria-label="Score trajectory of ${esc(a.ref)}: ${esc(desc)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="12" xmlns="http://www.w3.org/2000/svg">${grid}<polyline points="${line}" fill="none" stroke="#333"/>${dots}${note}</svg>`;
}

export function evidenceHtml(m: EvidenceModel): string {
  const st = m.state;
  const parts = [header(m, 'Inspector evidence pack'), overviewHtml(overviewRows(m.summary, m.actions), esc), coverageHtml(m.coverage, esc)];
  for (const a of m.actions) {
    const after = a.corrections.filter((c) => c.afterSignOff);
    parts.push(`<section>\n<h2>${esc(`${a.ref} ${a.title}`)}</h2>`);
    parts.push(`<p>Current score: ${scoreCell(st, a.currentScore)}; held for ${a.heldPeriods} ${a.heldPeriods === 1 ? 'period' : 'periods'}${a.meetsRemovalRule ? '; meets the rule for removal from the plan' : ''}.</p>`);
    parts.push(`<h3>Score trajectory</h3>\n${trajectorySvg(st, a)}`);
    parts.push(`<h3>Evidence</h3>\n${a.evidence.length === 0 ? '<p>No evidence attached.</p>' : `<ul>${a.evidence.map((e) => `<li><time datetime="${esc(e.observedOn)}">${esc(e.observedOn)}</time>: ${esc(e.title)} (${esc(e.kind)}${e.link ? `, ${linkHtml(e.link)}` : ''}${e.contentHash ? `, SHA-256 <code class="hash">${esc(e.contentHash)}</code>` : ''}), attached ${esc(e.attachedAt.slice(0, 10))} by ${esc(e.attachedBy.name)}</li>`).join('')}</ul>`}`);
    parts.push(`<h3>Corrections after sign-off</h3>\n${after.length === 0 ? '<p>None.</p>' : `<ul>${after.map((c) => `<li>${esc(`${c.period}, ${c.recordedAt} by ${c.actor}: score ${c.before.score} to ${c.after.score}; reason: ${c.reason ?? 'none given'}`)}</li>`).join('')}</ul>`}`);
    parts.push(`<h3>Stated direction disagreeing with the scores</h3>\n${a.disagreements.length === 0 ? '<p>None.</p>' : `<ul>${a.disagreements.map((d) => `<li>${esc(`${d.period}: stated ${d.stated}, but the score went from ${d.previousScore ?? 'none'} to ${d.score} (${d.derived})`)}</li>`).join('')}</ul>`}`);
    parts.push('</section>');
  }
  parts.push(`<section>\n<h2>Integrity of the log</h2>\n<p>${esc(verifyText(m))}</p>\n</section>`);
  parts.push(checkpointHtml(m.checkpoint, esc));
  return page(`Inspector evidence pack: ${m.summary.title}, ${monthName(m.summary.period)}`, parts.join('\n'));
}
