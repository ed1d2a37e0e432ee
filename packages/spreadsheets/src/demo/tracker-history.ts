import { createHash } from 'node:crypto';
import { nextPeriod, periodLabel, slugify } from '@ragtrail/core';
import type { TrackerLine, TrackerSheet } from '../tracker/parse.js';
import { command, demoActors, demoPlanIds, type DemoCommand, type DemoMoment } from './history.js';

const planId = demoPlanIds.tracker;
const months = ['2017-01', '2017-02', '2017-03', '2017-04', '2017-05'] as const;
/** The action whose April score the board signed off wrongly, corrected after sign-off. */
const corrected = 'Ofsted 14';
/** The actions updated in May; the others' April scores are carried forward. */
const updatedInMay = new Set(['Ofsted 2', 'Ofsted 3', 'Ofsted 13']);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const refNumber = (line: TrackerLine) => Number(/\d+/.exec(line.ref)?.[0] ?? 0);

/**
 * The scores of the months before March are the demo's own (the tracker gives March and April):
 * one level worse in January, and in February for the even-numbered recommendations, so the
 * history shows progress into the documents' figures. 1 is best on this scale.
 */
function scoreIn(line: TrackerLine, period: string): number | null {
  const march = line.previousScore;
  if (march === null) return null;
  if (period === '2017-04' || period === '2017-05') return line.currentScore;
  if (period === '2017-03') return march;
  const worse = Math.min(3, march + 1);
  return period === '2017-01' || refNumber(line) % 2 === 0 ? worse : march;
}

const updateFor = (score: number) =>
  score === 1 ? 'Actions completed; impact being monitored.' : score === 2 ? 'Actions under way; not yet completed.' : 'Not yet achieved; actions being reworked.';

function entries(sheet: TrackerSheet, period: string): DemoCommand[] {
  const previous = months[months.indexOf(period as (typeof months)[number]) - 1];
  return sheet.lines.flatMap((line) => {
    if (period === '2017-05' && !updatedInMay.has(line.ref)) return [];
    let score = scoreIn(line, period);
    if (score === null) return [];
    const before = previous ? scoreIn(line, previous) : null;
    const april = period === '2017-04';
    let reason = before !== null && before !== score ? `${line.ref} moves from ${before} to ${score} in ${periodLabel(period)}` : undefined;
    if (april && line.ref === corrected) {
      score = 3;
      reason = `${line.ref} recorded as 3 from the draft board pack`;
    } else if (april && line.direction) reason = `direction of travel as the council's April 2017 tracker states it`;
    return [command('RecordEntry', {
      action: line.ref, period, score,
      update: april ? line.progress ?? '' : period === '2017-05' ? `${line.progress ?? updateFor(score)} Reviewed again in May.` : updateFor(score),
      direction: april ? line.direction : null,
    }, reason)];
  });
}

/** The Ofsted tracker's life from set-up (December 2016) to the May 2017 review, month by month. */
export function trackerHistory(sheet: TrackerSheet): DemoMoment[] {
  const { admin, reviewer, officer, board } = demoActors;
  const moments: DemoMoment[] = [{
    at: '2016-12-12T10:00:00.000Z', planId, actor: admin,
    commands: [
      command('CreatePlan', {
        planId, title: 'Ofsted improvement plan: recommendations of the February 2016 inspection', organisation: 'Thurrock Council',
        description: 'Demo plan with an illustrative history, loaded by ragtrail demo: the scores of March and April 2017 are the council\'s April 2017 tracker; the months before are the demo\'s own.',
        scheme: 'ofsted-tracker-3',
      }),
      ...sheet.lines.map((line) => command('AddAction', {
        actionId: slugify(line.ref), ref: line.ref, title: line.title, description: line.description, subActions: line.subActions,
        lead: line.lead, owners: line.owners, dueText: line.byWhen, dueDate: '2017-03-31',
      })),
    ],
  }];
  for (const period of months) {
    const april = period === '2017-04';
    moments.push({ at: `${period}-20T09:00:00.000Z`, planId, actor: reviewer, commands: [command('OpenReview', {
      period, reviewer: april ? sheet.reviewer ?? 'Rory Patterson' : 'Rory Patterson', reviewDate: april ? sheet.reviewDate ?? `${period}-28` : `${period}-28`,
    })] });
    const recorded = entries(sheet, period);
    moments.push({ at: `${period}-24T10:00:00.000Z`, planId, actor: officer, commands: recorded });
    // May 2017 is left open, as a board that has not met yet would leave it: the demo has a month to record into and sign off.
    if (period === '2017-05') continue;
    const notUpdated = sheet.lines.length - recorded.length;
    moments.push({ at: `${nextPeriod(period)}-04T16:00:00.000Z`, planId, actor: board, commands: [command('SignOffReview', { period },
      notUpdated > 0 ? `${notUpdated} of ${sheet.lines.length} actions not updated for ${periodLabel(period)}: their earlier scores are carried forward, noted by the board` : undefined)] });
  }
  moments.push(
    { at: '2017-04-21T14:00:00.000Z', planId, actor: officer, commands: [
      command('AttachEvidence', { evidenceId: 'ofsted-4-rhi-audit', action: 'Ofsted 4', title: 'Audit of return home interviews, March 2017', kind: 'audit', observedOn: '2017-04-18', contentHash: sha256('demo: audit of return home interviews, March 2017') }),
      command('AttachEvidence', { evidenceId: 'ofsted-11-staying-put', action: 'Ofsted 11', title: 'Staying Put numbers, April 2017', kind: 'data', observedOn: '2017-04-19', link: 'https://example.org/thurrock-demo/evidence/ofsted-11' }),
    ] },
    { at: '2017-04-27T11:00:00.000Z', planId, actor: reviewer, commands: [
      command('RescheduleAction', { action: 'Ofsted 15', newDueDate: '2017-09-30', approvedBy: 'Improvement Board' }, 'improving but not yet embedded: the board keeps it on the plan until September 2017'),
    ] },
    { at: '2017-05-16T11:30:00.000Z', planId, actor: reviewer, commands: [
      command('CorrectEntry', { action: corrected, period: '2017-04', score: 2 }, `the draft board pack showed 3 in error; the tracker of 28 April 2017 scores ${corrected} as 2`),
    ] },
  );
  return moments;
}
