import { describe, it } from 'vitest';
import { actors, given } from '../../src/testing/index.js';
import { actionAdded, basePlan, evidenceAttached, planCreated, priorityAdded } from '../fixtures.js';

describe('evidence and re-scheduling', () => {
  it('attaches dated evidence with a link', () => {
    given(basePlan())
      .when({ type: 'AttachEvidence', data: { evidenceId: 'ev-p1-1-2017-04-30', action: 'P1.1', title: 'Audit of case files', kind: 'audit', observedOn: '2017-04-30', link: 'https://intranet.example/audit.pdf' }, actor: actors.officer, now: new Date('2017-05-02T10:00:00Z') })
      .then([evidenceAttached('p1-1', '2017-04-30')]);
  });

  it('needs a link or a content hash, and a real kind', () => {
    given(basePlan()).when({ type: 'AttachEvidence', data: { action: 'P1.1', title: 'A', kind: 'audit', observedOn: '2017-04-30' } }).thenThrows({ field: 'data.link' });
    given(basePlan()).when({ type: 'AttachEvidence', data: { action: 'P1.1', title: 'A', kind: 'rumour', observedOn: '2017-04-30', link: 'x' } }).thenThrows({ field: 'data.kind' });
  });

  it('re-schedules with the old date, the new date, who approved it and why', () => {
    const plan = [planCreated(), priorityAdded(1), actionAdded('P1.1', 'p1', { dueDate: '2017-03-31' })];
    given(plan)
      .when({ type: 'RescheduleAction', data: { action: 'P1.1', newDueDate: '2017-09-30', approvedBy: 'Improvement Board' }, actor: actors.reviewer, reason: 'Recruitment delayed by restructure' })
      .then([{ type: 'ActionRescheduled', data: { actionId: 'p1-1', previousDueDate: '2017-03-31', newDueDate: '2017-09-30', approvedBy: 'Improvement Board' } }]);
    given(plan).when({ type: 'RescheduleAction', data: { action: 'P1.1', newDueDate: '2017-09-30', approvedBy: 'Board' }, actor: actors.reviewer }).thenThrows({ rule: 'reason-on-reschedule' });
    given(plan).when({ type: 'RescheduleAction', data: { action: 'P1.1', newDueDate: '2017-03-31', approvedBy: 'Board' }, actor: actors.reviewer, reason: 'x' }).thenThrows({ rule: 'date-changes' });
    given(plan).when({ type: 'RescheduleAction', data: { action: 'P1.1', newDueDate: '2017-09-30', approvedBy: 'Board' }, actor: actors.officer, reason: 'x' }).thenThrows({ code: 'forbidden' });
  });
});
