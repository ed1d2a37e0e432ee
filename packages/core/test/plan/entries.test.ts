import { describe, it } from 'vitest';
import { actors, given } from '../../src/testing/index.js';
import { actionAdded, basePlan, entryRecorded, evidenceAttached, planCreated, priorityAdded, reviewOpened, reviewSignedOff } from '../fixtures.js';
import { ofstedTrackerScheme } from '../../src/index.js';

const record = (data: Record<string, unknown>, extra: { reason?: string; actor?: (typeof actors)[keyof typeof actors] } = {}) => ({
  type: 'RecordEntry' as const,
  data: { action: 'P1.1', period: '2017-04', update: 'update', ...data },
  actor: extra.actor ?? actors.officer,
  reason: extra.reason ?? null,
});

describe('recording a monthly entry', () => {
  it('records a first score without a reason', () => {
    given(basePlan()).when(record({ score: 2 })).then([entryRecorded('p1-1', '2017-04', 2)]);
  });

  it('finds the action by its reference, case-insensitively', () => {
    given(basePlan()).when(record({ action: 'p1.1', score: 2 })).then([entryRecorded('p1-1', '2017-04', 2)]);
  });

  it('refuses a score that is not a level of the plan\'s scheme, listing the levels', () => {
    given(basePlan()).when(record({ score: 7 })).thenThrows({ code: 'invalid', field: 'score', rule: 'scheme-level', message: /1 \(Red\)/ });
    given(basePlan()).when(record({ score: 2.5 })).thenThrows({ code: 'invalid', field: 'data.score' });
  });

  it('requires a reason when the score changes from the previous period', () => {
    const history = [...basePlan(), reviewOpened('2017-05'), entryRecorded('p1-1', '2017-04', 2)];
    given(history).when(record({ period: '2017-05', score: 3 })).thenThrows({ field: 'reason', rule: 'reason-on-score-change' });
    given(history)
      .when(record({ period: '2017-05', score: 3 }, { reason: 'Recruitment campaign filled 12 posts' }))
      .then([entryRecorded('p1-1', '2017-05', 3, 2, { derivedDirection: 'Improving' })]);
  });

  it('compares with the latest earlier score even when periods were skipped', () => {
    const history = [...basePlan(), reviewOpened('2017-07'), entryRecorded('p1-1', '2017-04', 2)];
    given(history).when(record({ period: '2017-07', score: 1 })).thenThrows({ rule: 'reason-on-score-change' });
  });

  it('requires a reason when the stated direction disagrees with the scores (the seed says "Improving" on 1 -> 1)', () => {
    const tracker = [planCreated(ofstedTrackerScheme), actionAdded('Ofsted 1', null), reviewOpened('2017-03'), reviewOpened('2017-04'), entryRecorded('ofsted-1', '2017-03', 1)];
    given(tracker).when(record({ action: 'Ofsted 1', score: 1, direction: 'Improving' })).thenThrows({ rule: 'reason-on-direction-disagreement', message: /"Maintained"/ });
    given(tracker)
      .when(record({ action: 'Ofsted 1', score: 1, direction: 'Improving' }, { reason: 'Direction as stated by the service' }))
      .then([entryRecorded('ofsted-1', '2017-04', 1, 1, { statedDirection: 'Improving', derivedDirection: 'Maintained' })]);
  });

  it('reads direction through the scheme: on the tracker, 2 -> 1 is improving', () => {
    const tracker = [planCreated(ofstedTrackerScheme), actionAdded('Ofsted 2', null), reviewOpened('2017-03'), reviewOpened('2017-04'), entryRecorded('ofsted-2', '2017-03', 2)];
    given(tracker)
      .when(record({ action: 'Ofsted 2', score: 1, direction: 'Improving' }, { reason: 'Actions completed' }))
      .then([entryRecorded('ofsted-2', '2017-04', 1, 2, { statedDirection: 'Improving', derivedDirection: 'Improving' })]);
  });

  it('needs an open review of the period', () => {
    given(basePlan()).when(record({ period: '2017-06', score: 2 })).thenThrows({ field: 'period', rule: 'review-open' });
  });

  it('refuses new entries after sign-off: they change only by correction', () => {
    given([...basePlan(), reviewSignedOff('2017-04', 0)]).when(record({ score: 2 })).thenThrows({ rule: 'signed-off', message: /correction/ });
  });

  it('refuses an evidence-requiring level without evidence dated by the end of the period', () => {
    const history = [...basePlan(), entryRecorded('p1-1', '2017-03', 3)];
    given(history).when(record({ score: 4 }, { reason: 'Completed' })).thenThrows({ field: 'score', rule: 'evidence-required' });
    given([...history, evidenceAttached('p1-1', '2017-05-02')]).when(record({ score: 4 }, { reason: 'Completed' })).thenThrows({ rule: 'evidence-required' });
    given([...history, evidenceAttached('p1-1', '2017-04-30')])
      .when(record({ score: 4 }, { reason: 'Completed' }))
      .then([entryRecorded('p1-1', '2017-04', 4, 3, { derivedDirection: 'Improving' })]);
  });

  it('allows the removal level only after three consecutive evidenced completed periods, then retires the action', () => {
    const evidenced = [
      planCreated(), priorityAdded(1), actionAdded('P1.1'), evidenceAttached('p1-1', '2017-01-15'),
      reviewOpened('2017-02'), reviewOpened('2017-03'), reviewOpened('2017-04'), reviewOpened('2017-05'),
      entryRecorded('p1-1', '2017-02', 4), entryRecorded('p1-1', '2017-03', 4, 4), entryRecorded('p1-1', '2017-04', 4, 4),
    ];
    given(evidenced)
      .when(record({ period: '2017-05', score: 5 }, { reason: 'Sustained for three months' }))
      .then([
        entryRecorded('p1-1', '2017-05', 5, 4, { derivedDirection: 'Improving' }),
        { type: 'ActionRetired', data: { actionId: 'p1-1', period: '2017-05' } },
      ]);
    const gap = evidenced.filter((e) => !(e.type === 'EntryRecorded' && e.data.period === '2017-03'));
    given(gap).when(record({ period: '2017-05', score: 5 }, { reason: 'x' })).thenThrows({ rule: 'sustained-before-removal', message: /March 2017 has no entry/ });
  });

  it('honours a plan-configured number of sustain periods', () => {
    const twoPeriods = [
      planCreated(undefined, 2), priorityAdded(1), actionAdded('P1.1'), evidenceAttached('p1-1', '2017-01-15'),
      reviewOpened('2017-03'), reviewOpened('2017-04'), reviewOpened('2017-05'),
      entryRecorded('p1-1', '2017-03', 4), entryRecorded('p1-1', '2017-04', 4, 4),
    ];
    given(twoPeriods)
      .when(record({ period: '2017-05', score: 5 }, { reason: 'Sustained' }))
      .then([
        entryRecorded('p1-1', '2017-05', 5, 4, { derivedDirection: 'Improving' }),
        { type: 'ActionRetired', data: { actionId: 'p1-1', period: '2017-05' } },
      ]);
  });

  it('takes no entries for an action after it has left the plan', () => {
    const retired = [...basePlan(), reviewOpened('2017-05'), { type: 'ActionRetired' as const, data: { actionId: 'p1-1', period: '2017-04' } }];
    given(retired).when(record({ period: '2017-05', score: 5 })).thenThrows({ rule: 'action-retired' });
  });

  it('lets officers record and viewers and board members not', () => {
    given(basePlan()).when(record({ score: 2 }, { actor: actors.viewer })).thenThrows({ code: 'forbidden' });
    given(basePlan()).when(record({ score: 2 }, { actor: actors.board })).thenThrows({ code: 'forbidden' });
  });
});

describe('correcting a recorded entry', () => {
  const signedOff = [...basePlan(), entryRecorded('p1-1', '2017-04', 2), reviewSignedOff('2017-04')];
  const correct = (data: Record<string, unknown>, reason: string | null = 'Score was keyed against the wrong action') => ({
    type: 'CorrectEntry' as const, data: { action: 'P1.1', period: '2017-04', ...data }, actor: actors.reviewer, reason,
  });

  it('records the before and after, flagged as after sign-off, keeping the original in history', () => {
    given(signedOff)
      .when(correct({ score: 3 }))
      .then([{
        type: 'EntryCorrected',
        data: {
          actionId: 'p1-1', period: '2017-04', afterSignOff: true, derivedDirection: null,
          before: { score: 2, update: 'update', statedDirection: null },
          after: { score: 3, update: 'update', statedDirection: null },
        },
      }]);
  });

  it('always needs a reason', () => {
    given(signedOff).when(correct({ score: 3 }, null)).thenThrows({ field: 'reason', rule: 'reason-on-correction' });
  });

  it('must change something, and only an existing entry', () => {
    given(signedOff).when(correct({ score: 2 })).thenThrows({ rule: 'correction-changes-something' });
    given(signedOff).when(correct({})).thenThrows({ code: 'invalid' });
    given(signedOff).when(correct({ period: '2017-05', score: 3 })).thenThrows({ rule: 'entry-exists' });
  });

  it('applies the evidence rule to a corrected score', () => {
    given(signedOff).when(correct({ score: 4 })).thenThrows({ rule: 'evidence-required' });
  });

  it('is not for officers', () => {
    given(signedOff).when({ ...correct({ score: 3 }), actor: actors.officer }).thenThrows({ code: 'forbidden' });
  });
});
