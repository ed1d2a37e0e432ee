import { produce, type Draft } from 'immer';
import type { RecordedEvent } from '../events/envelope.js';
import { initialPlanState, type PlanState } from './state.js';

/** Applies one event to a draft. Pure bookkeeping: every decision was made by the decider. */
function apply(state: Draft<PlanState>, event: RecordedEvent): void {
  switch (event.type) {
    case 'PlanCreated': {
      const d = event.data;
      Object.assign(state, {
        status: 'active', planId: d.planId, title: d.title, organisation: d.organisation, description: d.description,
        cadence: d.cadence, scheme: d.scheme, sustainPeriods: d.sustainPeriods, overallMethod: d.overallMethod,
      });
      break;
    }
    case 'PriorityAdded':
      state.priorities[event.data.priorityId] = { ...event.data };
      break;
    case 'ActionAdded':
      state.actions[event.data.actionId] = { ...event.data, retiredInPeriod: null };
      state.actionOrder.push(event.data.actionId);
      break;
    case 'ReviewOpened':
      state.reviews[event.data.period] = {
        ...event.data, openedAt: event.recordedAt, status: 'open', signedOffBy: null, signedOffAt: null,
      };
      break;
    case 'ReviewSignedOff': {
      const review = state.reviews[event.data.period];
      if (review) Object.assign(review, { status: 'signed-off', signedOffBy: event.actor, signedOffAt: event.recordedAt });
      break;
    }
    case 'EntryRecorded': {
      const { actionId, period, ...content } = event.data;
      const forAction = (state.entries[actionId] ??= {});
      forAction[period] = {
        ...content, recordedAt: event.recordedAt, recordedBy: event.actor, reason: event.reason, corrections: 0,
      };
      break;
    }
    case 'EntryCorrected': {
      const entry = state.entries[event.data.actionId]?.[event.data.period];
      if (entry) {
        Object.assign(entry, event.data.after, { derivedDirection: event.data.derivedDirection });
        entry.corrections += 1;
      }
      break;
    }
    case 'EvidenceAttached':
      (state.evidence[event.data.actionId] ??= []).push({ ...event.data, attachedAt: event.recordedAt, attachedBy: event.actor });
      break;
    case 'ActionRescheduled': {
      const action = state.actions[event.data.actionId];
      if (action) action.dueDate = event.data.newDueDate;
      break;
    }
    case 'ActionRetired': {
      const action = state.actions[event.data.actionId];
      if (action) action.retiredInPeriod = event.data.period;
      break;
    }
    case 'FiguresImported':
      state.importedFigures[event.data.period] = {
        source: event.data.source,
        priorities: Object.fromEntries(event.data.priorities.map((p) => [p.priorityId, p.figure])),
        overall: event.data.overall,
      };
      break;
    case 'TokenIssued':
    case 'TokenRevoked':
      break;
  }
  state.revision = event.revision;
  state.lastHash = event.hash;
  state.lastRecordedAt = event.recordedAt;
}

export const evolve = (state: PlanState, event: RecordedEvent): PlanState => produce(state, (draft) => apply(draft, event));

/** Folds many events in one immer draft: the same result as evolving one by one, far fewer copies. */
export const evolveAll = (state: PlanState, events: Iterable<RecordedEvent>): PlanState =>
  produce(state, (draft) => {
    for (const event of events) apply(draft, event);
  });

export const foldPlan = (events: Iterable<RecordedEvent>): PlanState => evolveAll(initialPlanState(), events);
