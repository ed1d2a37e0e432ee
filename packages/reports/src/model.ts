import { reportCheckpoint, type ReportCheckpoint } from './checkpoint-section.js';
import { coverageRows, type CoverageRow } from './coverage-section.js';
import { reportInstant } from './moment.js';
import { defaultPeriod, levelForFigure, formatFigure, periodLabel, type IndicatorView, type ActionEvidence, type PlanIntegrity, type OutcomeException, type PlanException, type PlanState, type RagSummary, type Ragtrail, type VerifyResult } from '@ragtrail/core';

/** An exception as the report lays it out: a kind, a sentence, what it is about (a reference) and the action's title when it is about an action. */
export interface ReportException {
  kind: string;
  message: string;
  ref?: string;
  title?: string;
  /** What it is about, in words: the action (reference and title), the indicator's name, or the milestone and its action. */
  subject?: string;
}

/** Names an exception's subject from the plan and its indicators as known at the report's instant. */
function withSubject(state: PlanState, indicators: readonly IndicatorView[], e: PlanException | OutcomeException): ReportException {
  const title = (actionId: string | null) => (actionId === null ? undefined : state.actions.get(actionId)?.title);
  const subject = 'title' in e ? `${e.ref} ${e.title}`
    : e.kind === 'off-target' ? indicators.find((i) => i.id === e.indicatorId)?.name ?? e.ref
    : [e.ref, title(e.actionId)].filter(Boolean).join(' ');
  return { ...e, subject };
}

/**
 * The moment a report reflects, never the wall clock: `at`, the one instant every section was read
 * as of (moment.ts), and the plan as known then (its revision and its last event's recorded time).
 * A rerun as of `at` is identical.
 */
export interface Reflected {
  at: string;
  recordedAt: string | null;
  revision: number;
}

export interface BoardModel {
  summary: RagSummary;
  /** The actions' exceptions, then the plan's outcome exceptions (off-target indicators, milestones overdue or missed). */
  exceptions: ReportException[];
  reflected: Reflected;
  state: PlanState;
  /** The signed checkpoint of the log as of the reflected moment (null without a signing key). */
  checkpoint: ReportCheckpoint | null;
  /** The plan's indicators up to the period, shown beside the RAG figures (docs/indicators.md). */
  indicators: IndicatorView[];
  /** Recommendations of this plan, or of an earlier plan it carries from, and what carries them (core's coverage query). */
  coverage: CoverageRow[];
  /** Whether the plan's log can be trusted; a broken one puts a warning at the top of the report. */
  integrity?: PlanIntegrity;
}

export interface EvidenceModel {
  summary: RagSummary;
  actions: ActionEvidence[];
  reflected: Reflected;
  verify: VerifyResult;
  state: PlanState;
  checkpoint: ReportCheckpoint | null;
  coverage: CoverageRow[];
  integrity?: PlanIntegrity;
}

export async function boardModel(rt: Ragtrail, o: { planId: string; period?: string; asOf?: string }): Promise<BoardModel> {
  // One instant for every read below: the as-of given, or the latest time recorded in what the report reads.
  const asOf = await reportInstant(rt, o.planId, o.asOf);
  const state = await rt.loadPlan(o.planId, asOf);
  // The default period is worked out at the instant too, never at the wall clock's month.
  const query = { period: o.period ?? defaultPeriod(state, new Date(asOf)), asOf };
  const summary = await rt.summary(o.planId, query);
  const answer: { exceptions: PlanException[]; outcomes?: OutcomeException[] } = await rt.exceptions(o.planId, { ...query, period: summary.period });
  const { indicators } = await rt.indicators(o.planId, { period: summary.period, asOf });
  const exceptions = [...answer.exceptions, ...(answer.outcomes ?? [])].map((e) => withSubject(state, indicators, e));
  const checkpoint = await reportCheckpoint(rt, asOf);
  const integrity = await rt.planIntegrity(o.planId);
  const coverage = await coverageRows(rt, o.planId, asOf);
  return { summary, exceptions, state, checkpoint, indicators, coverage, integrity, reflected: { at: asOf, recordedAt: state.lastRecordedAt, revision: state.revision } };
}

export async function evidenceModel(rt: Ragtrail, o: { planId: string; period?: string; asOf?: string }): Promise<EvidenceModel> {
  const board = await boardModel(rt, o);
  const { actions } = await rt.evidence(o.planId, { period: board.summary.period, asOf: board.reflected.at });
  // Verify the log as the report knows it (up to the reflected revision), so a later append cannot change the pack.
  // Folding stops at a broken event, so the state ends before it: verify through the break so the pack names it.
  const broken = board.integrity && !board.integrity.ok ? board.integrity.firstBreak.revision : null;
  const verify = await rt.verifyPlan(o.planId, { upToRevision: Math.max(board.reflected.revision, broken ?? -1) });
  return { summary: board.summary, actions, verify, state: board.state, reflected: board.reflected, checkpoint: board.checkpoint, coverage: board.coverage, ...(board.integrity ? { integrity: board.integrity } : {}) };
}

/** Means keep one decimal; a single action's whole-number score is shown as it was recorded. */
export const fig = (n: number | null): string => (n !== null && Number.isInteger(n) ? String(n) : formatFigure(n, 1));

export function levelName(state: PlanState, score: number | null): { label: string; colour: string } | null {
  if (score === null) return null;
  if (state.scheme.levels.length === 0) return null;
  const l = levelForFigure(state.scheme, score);
  return { label: l.label, colour: l.colour };
}

/** A score always carries its number and its level's name: colour is never the only signal. */
/** An average as shown beside another (`shown` from the core's displayPair), with the level its colour comes from. */
export function averageText(state: PlanState, mean: number | null, shown: string): string {
  if (mean === null) return 'not scored';
  const l = levelName(state, mean);
  return l ? `${shown} ${l.label}` : shown;
}

/** "3 of 16": the actions of a group not updated for the period, whose earlier scores are carried into its figure. */
export const carriedText = (g: { notUpdated: number; scored: number; unscored: number }): string => `${g.notUpdated} of ${g.scored + g.unscored}`;

export function scoreText(state: PlanState, score: number | null): string {
  if (score === null) return 'not scored';
  const l = levelName(state, score);
  return l ? `${fig(score)} ${l.label}` : fig(score);
}

export const monthName = (period: string): string => periodLabel(period);

export function reflectedText(r: Reflected): string {
  const plan = r.recordedAt === null ? 'no event of the plan yet' : `the plan up to revision ${r.revision}, last recorded ${r.recordedAt}`;
  return `the log as known at ${r.at} (${plan})`;
}

const numberWords = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve'];
export const countWord = (n: number): string => numberWords[n] ?? String(n);

const kindText: Record<string, ((n: number, since: string) => string) | undefined> = {
  'worst-level': (n) => `${n === 1 ? 'action is' : 'actions are'} at the worst level`,
  declining: (n, since) => `${n === 1 ? 'action' : 'actions'} declined since ${since}`,
  overdue: (n) => `${n === 1 ? 'action is' : 'actions are'} past the due date and not complete`,
  'not-updated': (n) => `${n === 1 ? 'action was' : 'actions were'} not updated this period`,
  'direction-disagrees': (n) => `${n === 1 ? 'action states' : 'actions state'} a direction the scores do not bear out`,
  'off-target': (n) => `${n === 1 ? 'indicator is' : 'indicators are'} off target`,
  milestone: (n) => `${n === 1 ? 'milestone is' : 'milestones are'} overdue or missed`,
};

/** A kind the report has no sentence for yet (the core may add kinds) still gets a heading in words. */
const otherKindText = (kind: string, n: number): string => `${kind.replace(/-/g, ' ')} ${n === 1 ? 'exception' : 'exceptions'}`;

/** Exceptions grouped by kind into one plain-English sentence each: known kinds first, then any other in order of appearance. */
export function exceptionSentences(model: Pick<BoardModel, 'exceptions' | 'summary'>): { heading: string; items: ReportException[] }[] {
  const known = Object.keys(kindText);
  const kinds = [...known, ...new Set(model.exceptions.map((e) => e.kind).filter((k) => !known.includes(k)))];
  const since = monthName(model.summary.previousPeriod);
  return kinds.flatMap((kind) => {
    const items = model.exceptions.filter((e) => e.kind === kind);
    if (items.length === 0) return [];
    const words = kindText[kind]?.(items.length, since) ?? otherKindText(kind, items.length);
    return [{ heading: `${countWord(items.length)} ${words}:`, items }];
  });
}

/** One exception as a line: its sentence, and the action's title when it is about an action (outcome exceptions may not be). */
export const exceptionLine = (e: { message: string; title?: string | null }): string => (e.title ? `${e.message} (${e.title})` : e.message);
