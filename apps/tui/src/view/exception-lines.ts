import type { OutcomeException, PlanException } from '@ragtrail/core';
import { pad } from './symbols.js';
import { wrap } from './wrap.js';

/** The outcome kinds in words: "off-target" alone would not say that it is an indicator. */
const outcomeKindWords: Record<OutcomeException['kind'], string> = {
  'off-target': 'indicator off target',
  milestone: 'milestone not met',
};

export const outcomeKindText = (kind: OutcomeException['kind']): string => outcomeKindWords[kind] ?? kind.replace(/-/g, ' ');

const kindWidth = 20;
const refWidth = 12;
/** Where each sentence starts: two spaces, the kind, a space, the reference, a space. */
export const messageColumn = 2 + kindWidth + 1 + refWidth + 1;

/**
 * One block of lines per exception, the actions' first and then the outcomes' (off-target
 * indicators, milestones overdue or missed), as the web dashboard and the reports order them.
 * Each sentence wraps under its own column, so no line is wider than `width`.
 */
export function exceptionBlocks(actions: readonly PlanException[], outcomes: readonly OutcomeException[], width: number): string[][] {
  const messageWidth = Math.max(10, width - messageColumn);
  const rows = [...actions.map((e) => ({ kind: e.kind, ref: e.ref, message: e.message })), ...outcomes.map((e) => ({ kind: outcomeKindText(e.kind), ref: e.ref, message: e.message }))];
  return rows.map((e) => wrap(e.message, messageWidth).map((text, i) => (i === 0 ? `  ${pad(e.kind, kindWidth)} ${pad(e.ref, refWidth)} ${text}` : `${' '.repeat(messageColumn)}${text}`)));
}
