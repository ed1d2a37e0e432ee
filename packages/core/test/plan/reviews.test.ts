import { describe, it } from 'vitest';
import { actors, given } from '../../src/testing/index.js';
import { MAX_REVIEWS } from '../../src/plan/commands/reviews.js';
import { basePlan, entryRecorded, reviewOpened, reviewSignedOff } from '../fixtures.js';

describe('reviews of a period', () => {
  it('opens a review with its reviewer and date', () => {
    given(basePlan().slice(0, 3)).when({ type: 'OpenReview', data: { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, actor: actors.reviewer }).then([reviewOpened('2017-04')]);
  });

  it('refuses a review past the most a plan may have', () => {
    const months = (n: number) => Array.from({ length: n }, (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const full = [...basePlan().slice(0, 3), ...months(MAX_REVIEWS).map(reviewOpened)];
    given(full).when({ type: 'OpenReview', data: { period: '2099-01', reviewer: 'Rory Patterson', reviewDate: '2099-01-28' }, actor: actors.reviewer })
      .thenThrows({ code: 'rule', field: 'period', rule: 'reviews-bounded' });
    given(full.slice(0, -1)).when({ type: 'OpenReview', data: { period: '2099-01', reviewer: 'Rory Patterson', reviewDate: '2099-01-28' }, actor: actors.reviewer })
      .then([reviewOpened('2099-01')]);
  });

  it('refuses a second review of the same period', () => {
    given(basePlan()).when({ type: 'OpenReview', data: { period: '2017-04', reviewer: 'R', reviewDate: '2017-04-28' } }).thenThrows({ field: 'period', rule: 'one-review-per-period' });
  });

  it('refuses a period that is not a month and a date that is not a date', () => {
    given(basePlan()).when({ type: 'OpenReview', data: { period: 'April 17', reviewer: 'R', reviewDate: '2017-04-28' } }).thenThrows({ field: 'data.period' });
    given(basePlan()).when({ type: 'OpenReview', data: { period: '2017-05', reviewer: 'R', reviewDate: '2017-02-30' } }).thenThrows({ field: 'data.reviewDate' });
  });

  it('is signed off by the board, counting the entries', () => {
    given([...basePlan(), entryRecorded('p1-1', '2017-04', 3)]).when({ type: 'SignOffReview', data: { period: '2017-04' }, actor: actors.board }).then([reviewSignedOff('2017-04', 1)]);
  });

  it('may not be signed off by anyone without the board role, admins included', () => {
    for (const actor of [actors.officer, actors.reviewer, actors.admin, actors.viewer])
      given(basePlan()).when({ type: 'SignOffReview', data: { period: '2017-04' }, actor }).thenThrows({ code: 'forbidden', rule: 'role' });
  });

  it('is signed off once, and only when it exists', () => {
    given([...basePlan(), reviewSignedOff('2017-04')]).when({ type: 'SignOffReview', data: { period: '2017-04' }, actor: actors.board }).thenThrows({ rule: 'sign-off-once' });
    given(basePlan()).when({ type: 'SignOffReview', data: { period: '2017-05' }, actor: actors.board }).thenThrows({ code: 'not-found', field: 'period' });
  });
});
