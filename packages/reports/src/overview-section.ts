import { type ActionEvidence, type RagSummary } from '@ragtrail/core';
import { priorityHeading } from '@ragtrail/core/internal';

/**
 * The evidence pack's opening overview: per priority, the actions meeting the removal rule, the
 * levels held, and the counts of evidence, corrections after sign-off and direction disagreements.
 * Each figure is read off the core's sustained-evidence projection; nothing is judged here.
 */
export interface OverviewRow {
  heading: string;
  actions: number;
  /** References of the actions meeting the plan's rule for removal. */
  meetingRemoval: string[];
  /** "1.1 4 Blue for 2 periods": each scored action's current level and how long it has held it (the whole plan: counts per level). */
  held: string[];
  evidence: number;
  correctionsAfterSignOff: number;
  disagreements: number;
}

const heldText = (a: ActionEvidence): string[] => {
  const last = a.trajectory.at(-1);
  return last ? [`${a.ref} ${last.score} ${last.label} for ${a.heldPeriods} ${a.heldPeriods === 1 ? 'period' : 'periods'}`] : [];
};

/** The whole plan's levels as counts ("1 at 4 Blue, 3 at 2 Amber"): a list of every action would repeat the rows above. */
function levelCounts(actions: readonly ActionEvidence[]): string[] {
  const counts = new Map<string, number>();
  for (const a of actions) {
    const last = a.trajectory.at(-1);
    if (last) counts.set(`${last.score} ${last.label}`, (counts.get(`${last.score} ${last.label}`) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => parseFloat(b) - parseFloat(a)).map(([level, n]) => `${n} at ${level}`);
}

function row(heading: string, actions: readonly ActionEvidence[], whole = false): OverviewRow {
  return {
    heading,
    actions: actions.length,
    meetingRemoval: actions.filter((a) => a.meetsRemovalRule).map((a) => a.ref),
    held: whole ? levelCounts(actions) : actions.flatMap(heldText),
    evidence: actions.reduce((n, a) => n + a.evidence.length, 0),
    correctionsAfterSignOff: actions.reduce((n, a) => n + a.corrections.filter((c) => c.afterSignOff).length, 0),
    disagreements: actions.reduce((n, a) => n + a.disagreements.length, 0),
  };
}

/** One row per priority in the plan's order, then any actions outside a priority, then the whole plan. */
export function overviewRows(summary: RagSummary, actions: readonly ActionEvidence[]): OverviewRow[] {
  const known = new Set(summary.priorities.map((p) => p.priorityId));
  const rows = summary.priorities.map((p) => row(priorityHeading(p), actions.filter((a) => a.priorityId === p.priorityId)));
  const outside = actions.filter((a) => !known.has(a.priorityId));
  if (outside.length > 0) rows.push(row('Actions outside a priority', outside));
  return [...rows.filter((r) => r.actions > 0), row('Whole plan', actions, true)];
}

export const overviewHeader = ['Priority', 'Actions', 'Meeting the removal rule', 'Levels held', 'Evidence items', 'Corrections after sign-off', 'Direction disagreements'];

export const overviewCells = (r: OverviewRow): string[] => [
  r.heading,
  String(r.actions),
  r.meetingRemoval.length === 0 ? 'none' : `${r.meetingRemoval.length}: ${r.meetingRemoval.join(', ')}`,
  r.held.join('; ') || 'none scored',
  String(r.evidence),
  String(r.correctionsAfterSignOff),
  String(r.disagreements),
];

const mdCell = (s: string): string => s.replace(/</g, '\\<').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const mdRow = (cells: string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;

export function overviewMarkdown(rows: readonly OverviewRow[]): string[] {
  return ['## Overview', '', mdRow(overviewHeader), mdRow(overviewHeader.map(() => '---')), ...rows.map((r) => mdRow(overviewCells(r))), ''];
}

export function overviewHtml(rows: readonly OverviewRow[], esc: (s: string) => string): string {
  const body = rows.map((r) => overviewCells(r).map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')).map((cells) => `<tr>${cells}</tr>`).join('\n');
  return `<section>\n<h2>Overview</h2>\n<table>\n<caption>Per priority: actions meeting the removal rule, levels held, evidence, corrections after sign-off and direction disagreements</caption>\n<thead><tr>${overviewHeader.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</section>`;
}
