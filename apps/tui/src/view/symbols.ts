import { formatFigure, type Direction, type GroupFigures, type LevelCount, type ScoringScheme } from '@ragtrail/core';

/** Arrows read the same on every scale: up is better, whichever way the scheme counts. */
export const arrow = (direction: Direction | null | undefined): string =>
  direction === 'Improving' ? '↑' : direction === 'Declining' ? '↓' : direction === 'Maintained' ? '→' : ' ';

const sparks = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character per period, taller when better under the scheme (so "1 = completed" still rises). */
export function sparkline(scheme: ScoringScheme, scores: readonly (number | null)[]): string {
  const values = scheme.levels.map((l) => l.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return scores
    .map((s) => {
      if (s === null) return '·';
      const t = hi === lo ? 1 : (s - lo) / (hi - lo);
      const better = scheme.betterIs === 'higher' ? t : 1 - t;
      return sparks[Math.round(better * (sparks.length - 1))]!;
    })
    .join('');
}

/** "Amber (2)": the label always travels with the colour, for people who cannot tell them apart. */
export function levelText(counts: readonly LevelCount[], value: number | null): string {
  if (value === null) return '–';
  const level = counts.find((c) => c.value === value);
  return level ? `${level.label} (${value})` : String(value);
}

/** Columns a RAG cell needs so every level's "Label value" fits whole, with a space (or bracket) each side. */
export const levelCellWidth = (counts: readonly LevelCount[]): number => Math.max(5, ...counts.map((c) => `${c.label} ${c.value}`.length + 2));

/** "C Completed (1), I In progress (2)": the key to countsText's initials. */
export const countsLegend = (counts: readonly LevelCount[]): string => counts.map((c) => `${c.label.slice(0, 1)} ${c.label} (${c.value})`).join(', ');

/** "R0 A1 G2": the first letter of each label with its count. */
export const countsText = (counts: readonly LevelCount[]): string => counts.map((c) => `${c.label.slice(0, 1)}${c.count}`).join(' ');

export const figure = (g: GroupFigures): string => formatFigure(g.mean);

export const pad = (text: string, width: number): string => (text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width));
export const padStart = (text: string, width: number): string => text.padStart(width);
