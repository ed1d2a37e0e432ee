import { createHash } from 'node:crypto';
import { nextPeriod, periodLabel, slugify } from '@ragtrail/core';
import { parseDueDate } from '../dates.js';
import type { SummarySheet } from '../summary/parse.js';
import type { TrackerLine, TrackerSheet } from '../tracker/parse.js';
import { command, demoActors, demoPlanIds, type DemoCommand, type DemoMoment } from './history.js';

const planId = demoPlanIds.developmentPlan;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * After the documents' two months (February and March 2018), the demo goes on to June 2018 with
 * the few entries a real month has: P1.1 holds Blue (4, evidenced) from March to May and is
 * scored Sustained (5) in June, the removal level, which takes it off the plan; P7.4 dips in April
 * (so the overall figure moves by less than its one decimal shows) and recovers in May.
 */
const later: Record<string, { ref: string; score: number; update: string; reason?: string }[]> = {
  '2018-04': [
    { ref: 'P1.1', score: 4, update: 'Agency use held at its lowest; stability audit attached.' },
    { ref: 'P1.2', score: 4, update: 'Agency numbers held below target.' },
    { ref: 'P7.4', score: 1, update: 'Care leavers in education, employment or training fell to 48%.', reason: 'fewer care leavers in education, employment or training this month' },
  ],
  '2018-05': [
    { ref: 'P1.1', score: 4, update: 'Stable for a second month; audit attached.' },
    { ref: 'P1.2', score: 4, update: 'Agency numbers held below target.' },
    { ref: 'P7.4', score: 2, update: 'Back to 55% after the spring intake.', reason: 'the spring intake brought the share back up' },
  ],
  '2018-06': [
    { ref: 'P1.1', score: 5, update: 'Three months of evidenced stability: the board agrees it can leave the plan.', reason: 'held Blue with evidence for three consecutive months: the removal level' },
  ],
};

function documentEntries(actions: TrackerSheet, period: '2018-02' | '2018-03'): DemoCommand[] {
  return actions.lines.flatMap((line: TrackerLine) => {
    const before = line.previousScore;
    const score = period === '2018-02' ? before : line.currentScore;
    if (score === null) return [];
    const changed = period === '2018-03' && before !== null && before !== score;
    return [command('RecordEntry', {
      action: line.ref, period, score,
      update: period === '2018-03' ? `${line.direction ?? 'Reviewed'} since February, as reported to the Improvement Board.` : 'Baseline score at the start of the plan\'s monthly reviews.',
      direction: period === '2018-03' ? line.direction : null,
    }, changed ? `${line.ref} moves from ${before} to ${score} in March 2018, as the plan's RAG summary reports` : undefined)];
  });
}

const evidenceFor = (ref: string, period: string, observedOn: string): DemoCommand =>
  command('AttachEvidence', {
    evidenceId: `${slugify(ref)}-audit-${period}`, action: ref, title: `Workforce stability audit, ${periodLabel(period)}`, kind: 'audit', observedOn,
    contentHash: sha256(`demo: workforce stability audit ${ref} ${period}`),
  });

/** The development plan's life from set-up (January 2018) to the June 2018 review, still open, month by month. */
export function developmentPlanHistory(summary: SummarySheet, actions: TrackerSheet, summaryFile: string): DemoMoment[] {
  const { admin, reviewer, officer, board } = demoActors;
  const total = actions.lines.length;
  const moments: DemoMoment[] = [{
    at: '2018-01-15T10:00:00.000Z', planId, actor: admin,
    commands: [
      command('CreatePlan', {
        planId, title: "Children's Social Care Development Plan 2017-19", organisation: 'Thurrock Council', scheme: 'development-plan-5',
        description: "Demo plan with an illustrative history, loaded by ragtrail demo: the priorities and their February and March 2018 figures are the plan's own RAG summary; the actions' scores were chosen to match them.",
      }),
      ...summary.priorities.map((p) => command('AddPriority', { priorityId: `p${p.number}`, number: p.number, title: p.title })),
      ...actions.lines.map((line) => command('AddAction', {
        actionId: slugify(line.ref), ref: line.ref, priorityId: line.priority ? `p${line.priority.number}` : null, title: line.title,
        description: line.description, subActions: line.subActions, lead: line.lead, owners: line.owners, dueText: line.byWhen, dueDate: parseDueDate(line.byWhen),
      })),
    ],
  }];
  for (const period of ['2018-02', '2018-03', '2018-04', '2018-05', '2018-06']) {
    const review = period === '2018-03' ? { reviewer: 'Improvement Board', reviewDate: '2018-03-31' } : { reviewer: 'Improvement Board', reviewDate: `${period}-28` };
    moments.push({ at: `${period}-16T09:00:00.000Z`, planId, actor: reviewer, commands: [command('OpenReview', { period, ...review })] });
    const recorded = period === '2018-02' || period === '2018-03'
      ? documentEntries(actions, period)
      : later[period]!.map((e) => command('RecordEntry', { action: e.ref, period, score: e.score, update: e.update }, e.reason));
    const evidence = period === '2018-03'
      ? actions.lines.flatMap((line) => line.evidence.map((e) => command('AttachEvidence', {
        action: line.ref, title: e.title, kind: e.kind ?? 'document', observedOn: e.observedOn ?? review.reviewDate, link: e.link, contentHash: e.contentHash,
      })))
      : [];
    if (period !== '2018-02') evidence.push(evidenceFor('P1.1', period, `${period}-22`));
    moments.push({ at: `${nextPeriod(period)}-02T10:00:00.000Z`, planId, actor: officer, commands: [...evidence, ...recorded] });
    // June's review is left open, as a board that has not met yet would leave it: the demo has a month to record into.
    if (period === '2018-06') continue;
    const notUpdated = total - recorded.length;
    moments.push({ at: `${nextPeriod(period)}-05T16:00:00.000Z`, planId, actor: board, commands: [command('SignOffReview', { period },
      notUpdated > 0 ? `${notUpdated} of ${total} actions not updated for ${periodLabel(period)}: their earlier scores are carried forward, noted by the board` : undefined)] });
  }
  moments.push(
    { at: '2018-04-06T09:30:00.000Z', planId, actor: admin, commands: (['previous', 'current'] as const).map((pick) => command('ImportFigures', {
      period: pick === 'previous' ? '2018-02' : '2018-03', source: summaryFile, overall: summary.overall?.[pick] ?? null,
      priorities: summary.priorities.map((p) => ({ priorityId: `p${p.number}`, figure: p[pick] })),
    }, "the figures the plan's own RAG summary reported, kept beside the computed ones")) },
    { at: '2018-04-26T15:00:00.000Z', planId, actor: board, commands: [
      command('RescheduleAction', { action: 'P2.3', newDueDate: '2019-09-30', approvedBy: 'Improvement Board' }, 'partners asked for six more months to re-engage; approved by the board'),
    ] },
  );
  return moments;
}
