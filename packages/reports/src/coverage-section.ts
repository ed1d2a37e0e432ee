import type { CoverageRow, Ragtrail, RecommendationCoverage } from '@ragtrail/core';

/**
 * The coverage section of the board report and the evidence pack: for each recommendation of the
 * plan, or of an earlier plan this one carries recommendations from, the actions that carry it.
 * Which plans, every figure and the open/closed/exception verdict come from the core's
 * coverageView query; this module only lays the answer out.
 */
export type { CoverageRow };

export async function coverageRows(rt: Ragtrail, planId: string, asOf?: string): Promise<CoverageRow[]> {
  return (await rt.coverageView(planId, asOf ? { asOf } : {})).rows;
}

export const coverageHeader = ['Recommendation', 'Carried by', 'Latest score', 'Direction', 'Status', 'Indicators and evidence'];

/** What else bears on the recommendation, from the same answer: its linked indicators (with direction and RAG) and the evidence count. */
export function linkedText(r: RecommendationCoverage): string {
  const indicators = r.indicators.map((i) => `${i.name} (${[i.direction ?? 'no direction yet', i.rag?.replace(/-/g, ' ')].filter(Boolean).join(', ')})`);
  return [...indicators, `${r.evidence.length} evidence ${r.evidence.length === 1 ? 'item' : 'items'}`].join('; ');
}

const carrierCells = (c: RecommendationCoverage['carriedBy'][number]): [string, string, string] => [
  `${c.planId} ${c.ref}${c.retired ? ' (retired)' : ''}`,
  c.latest ? `${c.latest.score} ${c.latest.label} (${c.latest.period})` : 'not scored',
  c.direction ?? '–',
];

/** A recommendation's verdict in the words every front end uses: open, closed after sustained evidence, or an exception. */
export const coverageStatusText = (r: RecommendationCoverage): string =>
  r.exception !== null ? 'Open: exception' : r.status === 'closed' ? 'Closed: removed after sustained evidence' : 'Open';

/** One row per carrying action; a recommendation nothing carries gets one row saying so. */
export function coverageTable(rows: readonly CoverageRow[]): string[][] {
  return rows.flatMap(({ fromPlanId, recommendation: r }) => {
    const name = `${fromPlanId} ${r.ref} ${r.title}`;
    if (r.carriedBy.length === 0) return [[name, 'carried by no action', '–', '–', coverageStatusText(r), linkedText(r)]];
    return r.carriedBy.map((c) => [name, ...carrierCells(c), coverageStatusText(r), linkedText(r)]);
  });
}

export const coverageExceptions = (rows: readonly CoverageRow[]): string[] => rows.flatMap((r) => (r.recommendation.exception === null ? [] : [`${r.fromPlanId}: ${r.recommendation.exception}`]));

export const coverageIntro = 'Each recommendation of this plan, or of an earlier plan it carries recommendations from, with the actions that carry it, their latest scores and direction, whether it is closed (removed after sustained evidence) or open, and the indicators and evidence linked to it or to what carries it.';
export const noCoverage = 'No later plan carries a recommendation of this plan, and this plan carries none from an earlier plan.';

const mdCell = (s: string): string => s.replace(/</g, '\\<').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const mdRow = (cells: string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;

export function coverageMarkdown(rows: readonly CoverageRow[]): string[] {
  const out = ['## Coverage of recommendations', ''];
  if (rows.length === 0) return [...out, noCoverage, ''];
  out.push(coverageIntro, '', mdRow(coverageHeader), mdRow(coverageHeader.map(() => '---')), ...coverageTable(rows).map(mdRow), '');
  const exceptions = coverageExceptions(rows);
  out.push(exceptions.length === 0 ? 'Every recommendation is carried or closed.' : 'Exceptions: recommendations nothing assures is acted on:', '');
  for (const e of exceptions) out.push(`- ${mdCell(e)}`);
  return [...out, ''];
}

export function coverageHtml(rows: readonly CoverageRow[], esc: (s: string) => string): string {
  if (rows.length === 0) return `<section>\n<h2>Coverage of recommendations</h2>\n<p>${esc(noCoverage)}</p>\n</section>`;
  const body = coverageTable(rows).map(([first, ...rest]) => `<tr><th scope="row">${esc(first!)}</th>${rest.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  const exceptions = coverageExceptions(rows);
  const tail = exceptions.length === 0 ? '<p>Every recommendation is carried or closed.</p>' : `<p>Exceptions: recommendations nothing assures is acted on:</p>\n<ul>${exceptions.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>`;
  return `<section>\n<h2>Coverage of recommendations</h2>\n<p>${esc(coverageIntro)}</p>\n<table>\n<thead><tr>${coverageHeader.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n${tail}\n</section>`;
}
