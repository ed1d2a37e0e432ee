import { actionsInOrder, type PlanState } from '../plan/state.js';
import { periodLabel, periodOfDate } from '../shared/period.js';
import { figure } from './format.js';
import { meets } from './indicator-view.js';
import { valuesInOrder, type OutcomeState } from './state.js';

/** A milestone's status on a day: upcoming before its date, due (overdue) after it, met or missed. */
export type MilestoneStatus = 'upcoming' | 'due' | 'met' | 'missed';

/** One milestone of an action as front ends show it: its dates, status, what decided it, its indicator link and re-plans. */
export interface MilestoneView {
  actionId: string;
  ref: string;
  milestone: number;
  text: string;
  /** The date it is due now (the latest re-planned date, else the plan's). */
  dueDate: string | null;
  plannedDate: string | null;
  status: MilestoneStatus;
  /** What settled the status: the linked indicator's value, what someone recorded, or only the date. */
  decidedBy: 'indicator' | 'recorded' | 'date';
  on: string | null;
  evidenceId: string | null;
  link: { indicatorId: string; target: number; actual: { period: string; value: number } | null } | null;
  replans: { previousDueDate: string | null; newDueDate: string; approvedBy: string; reason: string | null; at: string }[];
  /** The exception in words when it is due or missed, else null. */
  exception: string | null;
}

/**
 * Every milestone of the plan's actions with its status on `today` (YYYY-MM-DD). A milestone linked
 * to an indicator is met or missed by the indicator's latest value up to its due month when one
 * exists (met as soon as a value reaches it; missed once the date has passed); otherwise by what
 * was recorded; otherwise it is upcoming until its date and due (overdue) after it.
 */
export function milestoneViews(plan: PlanState, outcomes: OutcomeState, today: string): MilestoneView[] {
  const out: MilestoneView[] = [];
  for (const action of actionsInOrder(plan)) {
    action.milestones.forEach((m, i) => {
      const n = i + 1;
      const record = outcomes.milestones.get(action.actionId)?.get(n);
      const replans = record?.replans ?? [];
      const dueDate = replans.at(-1)?.newDueDate ?? m.dueDate;
      const passed = dueDate !== null && dueDate < today;
      const base = { actionId: action.actionId, ref: action.ref, milestone: n, text: m.text, dueDate, plannedDate: m.dueDate, replans };
      const indicator = record?.link ? outcomes.indicators.get(record.link.indicatorId) : undefined;
      if (record?.link && indicator) {
        const upTo = dueDate === null ? undefined : periodOfDate(dueDate);
        const value = valuesInOrder(indicator).filter((v) => upTo === undefined || v.period <= upTo).at(-1);
        const link = { indicatorId: indicator.indicatorId, target: record.link.value, actual: value ? { period: value.period, value: value.value } : null };
        if (value && (meets(indicator, value.value, record.link.value) || passed)) {
          const met = meets(indicator, value.value, record.link.value);
          out.push({
            ...base, status: met ? 'met' : 'missed', decidedBy: 'indicator', on: null, evidenceId: null, link,
            exception: met ? null : `${indicator.name}: ${figure(indicator, value.value)} in ${periodLabel(value.period)} against a milestone of ${figure(indicator, record.link.value)}`,
          });
          return;
        }
        if (!record.status) {
          out.push({ ...base, ...byDate(action.ref, n, m.text, dueDate, passed), link });
          return;
        }
      }
      const link = record?.link && indicator ? { indicatorId: indicator.indicatorId, target: record.link.value, actual: null } : null;
      if (record?.status) {
        const s = record.status;
        out.push({
          ...base, status: s.status, decidedBy: 'recorded', on: s.on, evidenceId: s.evidenceId, link,
          exception: s.status === 'missed' ? `${action.ref} milestone ${n} "${m.text}" was missed${dueDate ? ` (due ${dueDate})` : ''}` : null,
        });
        return;
      }
      out.push({ ...base, ...byDate(action.ref, n, m.text, dueDate, passed), link });
    });
  }
  return out;
}

function byDate(ref: string, n: number, text: string, dueDate: string | null, passed: boolean) {
  return {
    status: passed ? ('due' as const) : ('upcoming' as const), decidedBy: 'date' as const, on: null, evidenceId: null,
    exception: passed ? `${ref} milestone ${n} "${text}" was due on ${dueDate} and is not recorded as met` : null,
  };
}
