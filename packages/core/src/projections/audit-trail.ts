import type { RecordedEvent } from '../events/envelope.js';
import type { Actor } from '../access/roles.js';
import { startFold } from '../plan/evolve.js';
import { entryAt, initialPlanState, type PlanState } from '../plan/state.js';

/** One field an event changed, with its value before and after, as the audit trail lists it. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * One event of a plan as the audit trail shows it: when and by whom, the reason given, the action it touched
 * and each field it changed.
 */
export interface AuditRecord {
  eventId: string;
  revision: number;
  position: number;
  recordedAt: string;
  type: string;
  version: number;
  actor: Actor;
  reason: string | null;
  actionId: string | null;
  ref: string | null;
  period: string | null;
  changes: FieldChange[];
  hash: string;
}

/**
 * Narrows an audit trail to one action, one actor, one event type or a time window; every field is optional.
 */
export interface AuditFilter {
  action?: string;
  actor?: string;
  since?: string;
  until?: string;
  type?: string;
}

const change = (field: string, before: unknown, after: unknown): FieldChange => ({ field, before, after });
const isEmpty = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);
/** A field that starts out empty is not a change worth an auditor's reading. */
const worthShowing = (c: FieldChange) => c.before !== c.after && !(c.before === null && isEmpty(c.after));

/** What the event changed, read against the state just before it. */
function changesOf(before: PlanState, event: RecordedEvent): FieldChange[] {
  switch (event.type) {
    case 'EntryRecorded': {
      const old = entryAt(before, event.data.actionId, event.data.period);
      return [
        change('score', old?.score ?? null, event.data.score),
        change('update', old?.update ?? null, event.data.update),
        change('statedDirection', old?.statedDirection ?? null, event.data.statedDirection),
      ].filter(worthShowing);
    }
    case 'EntryCorrected': {
      const { before: b, after: a } = event.data;
      return (['score', 'update', 'statedDirection'] as const).filter((k) => b[k] !== a[k]).map((k) => change(k, b[k], a[k]));
    }
    case 'ActionRescheduled':
      return [change('dueDate', event.data.previousDueDate, event.data.newDueDate)];
    case 'ReviewSignedOff':
      return [change('status', 'open', 'signed-off')];
    case 'ActionRetired':
      return [change('active', true, false)];
    default:
      return Object.entries(event.data as Record<string, unknown>).map(([k, v]) => change(k, null, v)).filter(worthShowing);
  }
}

const actionIdOf = (event: RecordedEvent): string | null =>
  'actionId' in event.data && typeof event.data.actionId === 'string' ? event.data.actionId : null;
const periodOf = (event: RecordedEvent): string | null =>
  'period' in event.data && typeof event.data.period === 'string' ? event.data.period : null;

/** Every change to a plan with who, when, why, and the before and after, oldest first. Never shorter than the log. */
export function auditTrail(events: readonly RecordedEvent[], filter: AuditFilter = {}): AuditRecord[] {
  // One mutable fold, read before each event is added: evolving a frozen state per event copied
  // the plan's maps every time (an audit of a 120,000-event plan ran for more than ten minutes).
  // Records copy the primitive values they show, so nothing they hold changes as the fold moves on.
  const fold = startFold(initialPlanState());
  const records: AuditRecord[] = [];
  for (const event of events) {
    const state = fold.current();
    const actionId = actionIdOf(event);
    const record: AuditRecord = {
      eventId: event.id, revision: event.revision, position: event.position, recordedAt: event.recordedAt,
      type: event.type, version: event.version, actor: event.actor, reason: event.reason,
      actionId, ref: actionId ? (state.actions.get(actionId)?.ref ?? (event.type === 'ActionAdded' ? event.data.ref : null)) : null,
      period: periodOf(event), changes: changesOf(state, event), hash: event.hash,
    };
    fold.add(event);
    records.push(record);
  }
  return records.filter((r) => matches(r, filter));
}

function matches(record: AuditRecord, filter: AuditFilter): boolean {
  if (filter.action) {
    const wanted = filter.action.toLowerCase();
    if (record.actionId?.toLowerCase() !== wanted && record.ref?.toLowerCase() !== wanted) return false;
  }
  if (filter.actor) {
    const wanted = filter.actor.toLowerCase();
    if (record.actor.name.toLowerCase() !== wanted && record.actor.id.toLowerCase() !== wanted) return false;
  }
  if (filter.type && record.type !== filter.type) return false;
  if (filter.since && record.recordedAt < filter.since) return false;
  if (filter.until && record.recordedAt > filter.until) return false;
  return true;
}
