import { auditEventTitle, describeAuditRecord, type AuditRecord, type Evidence, type ScoringScheme } from '@ragtrail/core';
import { pad } from './symbols.js';
import { wrap } from './wrap.js';

/*
 * The action screen's evidence and audit panes as lines that fit a given width and number of rows.
 * Plain functions, so the rules (counts that match the list, whole sentences, what was left out and
 * where to read it) are tested without rendering.
 */

interface PaneSpace {
  planId: string;
  /** The action's reference, for the command that shows what did not fit. */
  ref: string;
  width: number;
  room: number;
}

/**
 * "Evidence (5)" and as many of the latest items as fit in `room` rows; when some do not, the count
 * says how many are listed and the last line says where the rest are, so the number never disagrees
 * with the list.
 */
export function evidencePane(items: readonly Evidence[], space: PaneSpace): string[] {
  const fits = items.length <= space.room ? items.length : Math.max(0, space.room - 1);
  const listed = items.slice(items.length - fits);
  const heading = fits === items.length ? `Evidence (${items.length})` : `Evidence (${items.length}; the latest ${fits} listed)`;
  const lines = [heading, ...listed.map((e) => pad(`  ${e.observedOn} ${pad(e.kind, 9)} ${e.title}`, space.width))];
  if (items.length === 0) lines.push('  none attached');
  if (fits < items.length) lines.push(pad(`  … ${items.length - fits} earlier: ragtrail evidence --plan ${space.planId} --action ${space.ref}`, space.width));
  return lines;
}

const idFields = new Set(['planId', 'actionId', 'evidenceId']);

/** One record as a paragraph: when, who, what happened and each change as a sentence, and why. */
function recordLines(record: AuditRecord, scheme: ScoringScheme, width: number): string[] {
  const when = record.recordedAt.slice(0, 16).replace('T', ' ');
  const what = `${auditEventTitle(record.type)}${record.period ? ` for ${record.period}` : ''}`;
  // The record's head already names the action (and the evidence by its title): its ids would only repeat it.
  const shown = { ...record, changes: record.changes.filter((c) => !idFields.has(c.field)) };
  const changes = describeAuditRecord(shown, { scheme }).filter((s) => !s.startsWith(auditEventTitle(record.type)));
  const why = record.reason ? ` Reason: “${record.reason}”.` : '';
  const text = `${when} ${record.actor.name} (${record.actor.role}): ${what}.${changes.length ? ` ${changes.join('. ')}.` : ''}${why}`;
  const [first = '', ...rest] = wrap(text, width - 2);
  return [`  ${first}`, ...wrap(rest.join(' '), width - 4).filter(Boolean).map((l) => `    ${l}`)];
}

/**
 * The audit trail in the rows it has: the newest records whole, oldest of them first; a line says
 * how many earlier records did not fit and how to read them all. A newest record longer than the
 * whole room is shown as far as it fits, ending in "…".
 */
export function auditPane(records: readonly AuditRecord[], total: number, space: PaneSpace & { scheme: ScoringScheme }): string[] {
  if (records.length === 0) return ['  none'];
  const blocks: string[][] = [];
  let used = 0;
  for (let i = records.length - 1; i >= 0; i--) {
    const block = recordLines(records[i]!, space.scheme, space.width);
    const olderLeft = i > 0 || total > records.length;
    if (used + block.length + (olderLeft ? 1 : 0) > space.room) {
      if (blocks.length === 0) {
        const cut = block.slice(0, Math.max(1, space.room - (olderLeft ? 1 : 0)));
        cut[cut.length - 1] = `${pad(cut[cut.length - 1]!, space.width - 1).trimEnd()}…`;
        blocks.push(cut);
      }
      break;
    }
    blocks.push(block);
    used += block.length;
  }
  const lines = blocks.reverse().flat();
  const left = total - blocks.length;
  if (left > 0) lines.unshift(pad(`  … ${left} earlier: ragtrail audit --plan ${space.planId} --action ${space.ref}`, space.width));
  return lines;
}
