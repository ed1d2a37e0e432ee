import { figure, type IndicatorView, type RagSummary } from '@ragtrail/core';
import { priorityHeading } from '@ragtrail/core/internal';

// The indicators section shared by the board report and the scrutiny progress report: each
// priority's indicators beside (never inside) its RAG figures, in words and in a table.

const ragWords = { 'on-target': 'on target', 'within-tolerance': 'within tolerance', 'off-target': 'off target' } as const;
const relationWords = { better: 'better than', same: 'in line with', worse: 'worse than' } as const;

export interface IndicatorGroup {
  heading: string;
  indicators: IndicatorView[];
}

/** Indicators under the priorities they evidence (one may sit under several), then those of none. */
export function indicatorGroups(summary: RagSummary, indicators: readonly IndicatorView[]): IndicatorGroup[] {
  const ids = new Set(summary.priorities.map((p) => p.priorityId).filter((id): id is string => id !== null));
  return [
    ...summary.priorities.map((p) => ({ heading: priorityHeading(p), indicators: indicators.filter((i) => p.priorityId !== null && i.priorityIds.includes(p.priorityId)) })),
    { heading: 'Other indicators', indicators: indicators.filter((i) => !i.priorityIds.some((id) => ids.has(id))) },
  ].filter((g) => g.indicators.length > 0);
}

/** One row of figures: indicator, previous, latest, target, comparators, direction, RAG. */
export function indicatorCells(v: IndicatorView): string[] {
  return [
    v.name,
    v.previous ? `${figure(v, v.previous.value)} (${v.previous.period})` : '–',
    v.latest ? `${figure(v, v.latest.value)} (${v.latest.period})` : '–',
    v.target ? figure(v, v.target.value) : '–',
    Object.entries(v.comparators).map(([name, c]) => `${relationWords[c.relation]} ${name} (${figure(v, c.value)}; ${c.source})`).join('; ') || '–',
    v.direction ?? '–',
    v.rag ? ragWords[v.rag] : '–',
  ];
}

export const indicatorHeader = ['Indicator', 'Previous', 'Latest', 'Target', 'Comparators', 'Direction', 'RAG'];

const mdText = (s: string): string => s.replace(/</g, '\\<');
const mdRow = (cells: string[]): string => `| ${cells.map((c) => mdText(c).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join(' | ')} |`;

export function indicatorsMarkdown(groups: readonly IndicatorGroup[], level = '###'): string[] {
  const out: string[] = [];
  for (const g of groups) {
    out.push(`${level} ${mdText(g.heading)}`, '');
    for (const v of g.indicators) out.push(`- ${mdText(v.sentence)}`);
    out.push('', mdRow(indicatorHeader), mdRow(indicatorHeader.map(() => '---')), ...g.indicators.map((v) => mdRow(indicatorCells(v))), '');
  }
  return out;
}

export function indicatorsHtml(groups: readonly IndicatorGroup[], esc: (s: string) => string, level = 'h3'): string {
  return groups.map((g) => [
    `<${level}>${esc(g.heading)}</${level}>`,
    `<ul>${g.indicators.map((v) => `<li>${esc(v.sentence)}</li>`).join('')}</ul>`,
    `<table>\n<thead><tr>${indicatorHeader.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${g.indicators.map((v) => `<tr>${indicatorCells(v).map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('\n')}\n</tbody>\n</table>`,
  ].join('\n')).join('\n');
}
