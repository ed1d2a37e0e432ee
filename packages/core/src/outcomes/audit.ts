import type { RecordedEvent } from '../events/envelope.js';
import type { AuditRecord, FieldChange } from '../projections/audit-trail.js';
import { startOutcomeFold } from './evolve.js';
import { initialOutcomeState, type OutcomeState } from './state.js';

const change = (field: string, before: unknown, after: unknown): FieldChange => ({ field, before, after });

/** What an outcome event changed, read against the outcome state just before it. */
function changesOf(before: OutcomeState, e: RecordedEvent): FieldChange[] {
  switch (e.type) {
    case 'IndicatorValueRecorded':
      return [change('value', null, e.data.value), ...e.data.comparators.map((c) => change(`comparator ${c.name}`, null, c.value))];
    case 'IndicatorValueCorrected': {
      const out = e.data.before.value === e.data.after.value ? [] : [change('value', e.data.before.value, e.data.after.value)];
      for (const c of e.data.after.comparators) {
        const was = e.data.before.comparators.find((b) => b.name === c.name);
        if (was?.value !== c.value || was?.source !== c.source) out.push(change(`comparator ${c.name}`, was?.value ?? null, c.value));
      }
      return out;
    }
    case 'IndicatorTargetSet': {
      const ind = before.indicators.get(e.data.indicatorId);
      const out = [change(`target ${e.data.by}`, ind?.trajectory.get(e.data.by) ?? null, e.data.value)];
      if (e.data.tolerance !== null && e.data.tolerance !== ind?.tolerance) out.push(change('tolerance', ind?.tolerance ?? null, e.data.tolerance));
      return out;
    }
    case 'IndicatorBaselineSet': {
      const was = before.indicators.get(e.data.indicatorId)?.baseline ?? null;
      return [change('baseline', was ? `${was.value} (${was.period})` : null, `${e.data.value} (${e.data.period})`)];
    }
    case 'MilestoneReplanned':
      return [change(`milestone ${e.data.milestone} due`, e.data.previousDueDate, e.data.newDueDate), change('approved by', null, e.data.approvedBy)];
    case 'MilestoneStatusRecorded':
      return [change(`milestone ${e.data.milestone}`, null, `${e.data.status} on ${e.data.on}`)];
    case 'MilestoneLinked':
      return [change(`milestone ${e.data.milestone} follows`, null, `${e.data.indicatorId} (${e.data.value})`)];
    case 'CarryOverLinked': {
      const was = before.carryOvers.get(e.data.actionId);
      return [change('carries', was ? `${was.fromReference} of ${was.fromPlanId}` : null, `${e.data.fromReference} of ${e.data.fromPlanId}`)];
    }
    default:
      return Object.entries(e.data as Record<string, unknown>).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)).map(([k, v]) => change(k, null, v));
  }
}

/** Every change to a plan's outcomes with who, when, why and before/after, oldest first, in the plan audit trail's record shape. */
export function outcomeAuditTrail(events: readonly RecordedEvent[]): AuditRecord[] {
  // One fold for the whole trail, read before each event: evolving event by event copied the
  // indicator's values for every event, so a trail grew with the square of its length.
  const fold = startOutcomeFold(initialOutcomeState());
  return events.map((e) => {
    const data = e.data as { actionId?: unknown; period?: unknown; indicatorId?: unknown };
    const record: AuditRecord = {
      eventId: e.id, revision: e.revision, position: e.position, recordedAt: e.recordedAt, type: e.type, version: e.version, actor: e.actor, reason: e.reason,
      actionId: typeof data.actionId === 'string' ? data.actionId : null,
      // The indicator stands where the plan's trail names an action's reference.
      ref: typeof data.indicatorId === 'string' ? data.indicatorId : null,
      period: typeof data.period === 'string' ? data.period : null,
      changes: changesOf(fold.finish(), e), hash: e.hash,
    };
    fold.apply(e);
    return record;
  });
}
