import { DomainError, markCheckpoint, type Ragtrail } from '@ragtrail/core';

export type ReportCheckpoint = Awaited<ReturnType<Ragtrail['checkpoint']>>;

/**
 * The signed checkpoint of the log as it stood at the moment a report reflects (its `--as-of`, or the
 * plan's last event): the events recorded at or before that moment. Signed when the report is made;
 * Ed25519 signatures are deterministic, so the same key and the same log prefix give the same bytes.
 * Without a signing key the report says so instead.
 */
export async function reportCheckpoint(rt: Ragtrail, moment: string | null): Promise<ReportCheckpoint | null> {
  if (moment === null) return null;
  try {
    return await rt.checkpoint({ asOf: moment });
  } catch (error) {
    if (error instanceof DomainError && error.rule === 'signing-key') return null;
    throw error;
  }
}

const how = (cp: ReportCheckpoint): string =>
  `This report reflects the log as it stood at ${cp.asOf ?? 'the moment it was made'}: its first ${cp.treeSize} events, ` +
  `signed by ${cp.origin}. Keep this checkpoint: \`ragtrail verify --checkpoint\` on this file, or \`ragtrail-verify --key KEY --checkpoint\` ` +
  'with the log\'s public key, shows whether today\'s log still begins with exactly these events.';
const none = 'No signed checkpoint: no signing key is configured for this log.';

export function checkpointMarkdown(cp: ReportCheckpoint | null): string[] {
  if (!cp) return ['## Signed checkpoint', '', none, ''];
  return ['## Signed checkpoint', '', how(cp), '', '```text', markCheckpoint(cp.note).trimEnd(), '```', ''];
}

export function checkpointHtml(cp: ReportCheckpoint | null, esc: (s: string) => string): string {
  if (!cp) return `<section>\n<h2>Signed checkpoint</h2>\n<p>${esc(none)}</p>\n</section>`;
  return `<section>\n<h2>Signed checkpoint</h2>\n<p>${esc(how(cp)).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>\n<pre>${esc(markCheckpoint(cp.note))}</pre>\n</section>`;
}
