import { developmentPlanScheme, ofstedTrackerScheme, type DomainEvent, type ScoringScheme } from '../src/index.js';

export const planCreated = (scheme: ScoringScheme = developmentPlanScheme, sustainPeriods = 3): DomainEvent => ({
  type: 'PlanCreated',
  data: {
    planId: 'dev-plan', title: "Children's Social Care Development Plan 2017-19", organisation: 'Thurrock Council',
    description: '', cadence: 'monthly', scheme, sustainPeriods, overallMethod: 'mean-of-priorities',
  },
});

export const trackerPlanCreated = (): DomainEvent => planCreated(ofstedTrackerScheme);

export const priorityAdded = (number: number, title = `Priority ${number}`): DomainEvent => ({
  type: 'PriorityAdded', data: { priorityId: `p${number}`, number, title, description: '' },
});

export const actionAdded = (ref: string, priorityId: string | null = 'p1', extra: Partial<{ dueDate: string | null }> = {}): DomainEvent => ({
  type: 'ActionAdded',
  data: {
    actionId: ref.toLowerCase().replace(/[^a-z0-9]+/g, '-'), ref, priorityId, title: `Action ${ref}`, description: '',
    subActions: [], lead: { name: 'Clare Moore', jobTitle: 'Strategic Lead' }, owners: ["Head of Children's Social Care"],
    dueDate: extra.dueDate ?? null, dueText: '', successMeasure: '', carriedOverFrom: null, baseline: '', target: '', milestones: [],
  },
});

export const reviewOpened = (period: string): DomainEvent => ({
  type: 'ReviewOpened', data: { period, reviewer: 'Rory Patterson', reviewDate: `${period}-28` },
});

export const reviewSignedOff = (period: string, entries = 1): DomainEvent => ({ type: 'ReviewSignedOff', data: { period, entries } });

export const entryRecorded = (actionId: string, period: string, score: number, previousScore: number | null = null, extra: Partial<{ statedDirection: 'Improving' | 'Maintained' | 'Declining' | null; derivedDirection: 'Improving' | 'Maintained' | 'Declining' | null; update: string }> = {}): DomainEvent => ({
  type: 'EntryRecorded',
  data: {
    actionId, period, score, update: extra.update ?? 'update', statedDirection: extra.statedDirection ?? null,
    derivedDirection: extra.derivedDirection ?? null, previousScore, source: 'recorded',
  },
});

export const evidenceAttached = (actionId: string, observedOn: string, evidenceId = `ev-${actionId}-${observedOn}`): DomainEvent => ({
  type: 'EvidenceAttached',
  data: { evidenceId, actionId, title: 'Audit of case files', kind: 'audit', observedOn, link: 'https://intranet.example/audit.pdf', contentHash: null },
});

/** A development plan with one priority and one action P1.1 (id "p1-1"), April 2017 review open. */
export const basePlan = (): DomainEvent[] => [planCreated(), priorityAdded(1), actionAdded('P1.1'), reviewOpened('2017-04')];
