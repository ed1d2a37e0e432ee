import type { PlanIntegrity } from '@ragtrail/core';

/**
 * The warning a report opens with when the plan's log cannot be trusted (a broken chain, events cut
 * from its end, or a log that no longer extends the store's own checkpoint): the figures below were
 * computed from what still holds, and a reader must not take them as the record.
 */
export function integrityWarningText(integrity: PlanIntegrity | undefined): string | null {
  if (!integrity || integrity.ok) return null;
  const b = integrity.firstBreak;
  const where = b.revision === null ? b.stream : `${b.stream} at revision ${b.revision}`;
  return `Warning: this plan's log is broken (${b.problem}) at ${where}: ${b.message}. ` +
    'The figures below come only from the events before the break and cannot be relied on until the log is restored; `ragtrail verify` names every break.';
}

export function integrityWarningMarkdown(integrity: PlanIntegrity | undefined): string[] {
  const text = integrityWarningText(integrity);
  return text === null ? [] : ['', `> **${text.replace(/</g, '\\<')}**`];
}

export function integrityWarningHtml(integrity: PlanIntegrity | undefined, esc: (s: string) => string): string {
  const text = integrityWarningText(integrity);
  return text === null ? '' : `\n<p class="integrity-warning" role="alert" style="border:5px solid #d4351c;padding:.75rem 1rem"><strong>${esc(text).replace(/`([^`]+)`/g, '<code>$1</code>')}</strong></p>`;
}
