import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditEventTitle, auditTrail, describeAuditRecord, describeChange, developmentPlanScheme, ofstedTrackerScheme,
  outcomeAuditTrail, valueInWords, type DomainEvent, type FieldChange,
} from '../../src/index.js';
import { eventCatalogue } from '../../src/internal.js';
import { asRecorded } from '../../src/testing/index.js';
import { actionAdded, entryRecorded, planCreated, priorityAdded, reviewOpened, reviewSignedOff } from '../fixtures.js';

const scheme = { scheme: developmentPlanScheme };
const c = (field: string, before: unknown, after: unknown): FieldChange => ({ field, before, after });

describe('describeChange: every field kind the audit trails produce reads as a sentence', () => {
  // [what, change, sentence]
  const table: [string, FieldChange, string][] = [
    ['a lead object', c('lead', null, { name: 'Andrew Carter', jobTitle: 'Head of Service' }), 'Lead set to Andrew Carter, Head of Service'],
    ['a lead without a job title', c('lead', null, { name: 'Andrew Carter', jobTitle: '' }), 'Lead set to Andrew Carter'],
    ['a score with its level', c('score', 2, 3), 'Score changed from 2 (Amber) to 3 (Green)'],
    ['a first score', c('score', null, 1), 'Score set to 1 (Red)'],
    ['a due date moved', c('dueDate', '2017-03-31', '2017-06-30'), 'Due date moved from 2017-03-31 to 2017-06-30'],
    ['a due date set', c('dueDate', null, '2017-12-31'), 'Due date set to 2017-12-31'],
    ['a review signed off', c('status', 'open', 'signed-off'), 'Review signed off'],
    ['an action retired', c('active', true, false), 'Action retired from the active plan'],
    ['free text, quoted', c('update', 'Digest in build', 'Digest live'), 'Update changed from “Digest in build” to “Digest live”'],
    ['text cleared', c('update', 'Digest live', ''), 'Update cleared (was “Digest live”)'],
    ['a stated direction', c('statedDirection', null, 'Improving'), 'Stated direction set to Improving'],
    ['a list of owners', c('owners', null, ['Head of Service', 'Strategic Lead', 'Team Manager']), 'Owners set to Head of Service, Strategic Lead and Team Manager'],
    ['sub-actions', c('subActions', null, [{ label: 'a', text: 'Audit files' }, { label: 'b', text: 'Report' }]), 'Sub-actions set to a “Audit files”; b “Report”'],
    ['milestones', c('milestones', null, [{ text: '6.2% NEET', dueDate: '2013-03-31', dueText: 'March 2013' }, { text: 'Review', dueDate: null, dueText: 'Spring' }]),
      'Milestones set to “6.2% NEET” (due 2013-03-31); “Review” (due “Spring”)'],
    ['a scheme', c('scheme', null, ofstedTrackerScheme), 'Scoring scheme set to Ofsted recommendation tracker (1 = completed) (1 Completed, 2 In progress and 3 Not achieved; lower is better)'],
    ['the overall method', c('overallMethod', null, 'mean-of-priorities'), "Overall figure method set to the mean of the priorities' averages"],
    ['a number', c('sustainPeriods', null, 3), 'Periods of sustained evidence needed for removal set to 3'],
    ['imported figures', c('priorities', null, [{ priorityId: 'p1', figure: 2.8 }, { priorityId: 'p2', figure: 3 }]), 'Reported priority figures set to p1 2.8; p2 3'],
    ['a reference', c('ref', null, 'Ofsted 1'), 'Reference set to Ofsted 1'],
    ['a plan carried from', c('carriedOverFrom', null, 'Ofsted 3'), 'Carried over from set to Ofsted 3'],
    ['an unknown field, spelt out', c('someNewField', null, 'x'), 'Some new field set to x'],
    ['an unknown object, in words', c('extra', null, { alpha: 1, betaGamma: 'two' }), 'Extra set to alpha 1 and beta gamma two'],
    // The outcomes trail's fields.
    ['an indicator value', c('value', 68, 54), 'Value changed from 68 to 54'],
    ['a comparator', c('comparator statistical neighbours', null, 54.6), 'Comparator statistical neighbours set to 54.6'],
    ['a target point', c('target 2014-03', null, 5.7), 'Target for 2014-03 set to 5.7'],
    ['a tolerance', c('tolerance', 0.5, 1), 'Tolerance changed from 0.5 to 1'],
    ['a baseline', c('baseline', null, '60 (2016-03)'), 'Baseline set to “60 (2016-03)”'],
    ['a milestone re-planned', c('milestone 2 due', '2014-03-31', '2014-09-30'), 'Milestone 2 due date moved from 2014-03-31 to 2014-09-30'],
    ['who approved', c('approved by', null, 'Chief Executive'), 'Approved by Chief Executive'],
    ['a milestone status', c('milestone 1', null, 'met on 2013-04-10'), 'Milestone 1 met on 2013-04-10'],
    ['a milestone linked', c('milestone 1 follows', null, 'neet-16-18 (6.2)'), 'Milestone 1 linked to indicator neet-16-18 (6.2)'],
    ['a carry-over', c('carries', null, 'Ofsted 1 of tracker'), 'Carries over Ofsted 1 of tracker'],
    ['a carry-over changed', c('carries', 'Ofsted 1 of tracker', 'Ofsted 2 of tracker'), 'Carry-over changed from Ofsted 1 of tracker to Ofsted 2 of tracker'],
    ['which way is better', c('better', null, 'lower'), 'Which way is better set to lower is better'],
    ['a band', c('band', null, { low: 80, high: 90 }), 'Band set to 80 to 90'],
    ['a list of ids', c('priorityIds', null, ['p1', 'p2']), 'Priorities set to p1 and p2'],
  ];
  it.each(table)('%s', (_what, change, sentence) => {
    expect(describeChange(change, scheme)).toBe(sentence);
  });

  it('shows a score without its level when no scheme is given, and on the tracker scale by its labels', () => {
    expect(describeChange(c('score', 2, 3))).toBe('Score changed from 2 to 3');
    expect(describeChange(c('score', 3, 2), { scheme: ofstedTrackerScheme })).toBe('Score changed from 3 (Not achieved) to 2 (In progress)');
  });

  it('never shows a value as JSON, whatever shape a future event stores (fast-check)', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,12}$/);
    // The keys of the shapes read specially (a lead, a milestone, a scheme...) come up often, with any values.
    const known = fc.constantFrom('name', 'jobTitle', 'label', 'text', 'dueDate', 'dueText', 'priorityId', 'figure', 'low', 'high', 'value', 'source', 'betterIs', 'levels', 'score', 'update', 'statedDirection');
    const key = fc.oneof(known, fc.stringMatching(/^[a-z][a-zA-Z]{0,10}$/));
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(word, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(fc.property(key, value, value, (field, before, after) => {
      const sentence = describeChange(c(field, before, after), scheme);
      expect(sentence).not.toMatch(/[{}"[\]]/);
      expect(sentence).not.toContain('[object Object]');
    }), { numRuns: 500 });
  });

  it('never shows a value as JSON', () => {
    for (const value of [{ name: 'A', jobTitle: 'B' }, [{ text: 't', dueDate: null, dueText: '' }], { a: { b: 1 } }, [], null, true]) {
      expect(valueInWords(value)).not.toMatch(/[{}"[\]]/);
    }
  });
});

describe('describeAuditRecord: given a plan history, when audited, then every record reads as sentences', () => {
  const lead = actionAdded('P1.1');
  const events: DomainEvent[] = [
    planCreated(), priorityAdded(1), lead, reviewOpened('2017-04'), entryRecorded('p1-1', '2017-04', 2), reviewSignedOff('2017-04'),
    { type: 'EntryCorrected', data: { actionId: 'p1-1', period: '2017-04', before: { score: 2, update: 'update', statedDirection: null }, after: { score: 3, update: 'update', statedDirection: null }, derivedDirection: null, afterSignOff: true } },
    { type: 'ActionRescheduled', data: { actionId: 'p1-1', previousDueDate: '2017-03-31', newDueDate: '2017-06-30', approvedBy: 'Chief Executive' } },
    { type: 'ActionRetired', data: { actionId: 'p1-1', period: '2017-04' } },
  ];
  const sentences = auditTrail(asRecorded(events)).map((r) => describeAuditRecord(r, scheme));

  it('names the lead, the correction, the new date, the sign-off and the retirement in words', () => {
    const all = sentences.flat();
    expect(all).toContain("Lead set to Clare Moore, Strategic Lead");
    expect(all).toContain('Owners set to Head of Children\'s Social Care');
    expect(all).toContain('Score changed from 2 (Amber) to 3 (Green)');
    expect(all).toContain('Due date moved from 2017-03-31 to 2017-06-30');
    expect(all).toContain('Review signed off');
    expect(all).toContain('Action retired from the active plan');
    expect(all.join('\n')).not.toMatch(/[{}]|"\w+":/);
  });

  it('gives a record whose event changed nothing its title, never a blank line', () => {
    const [record] = auditTrail(asRecorded([planCreated()]));
    expect(describeAuditRecord({ ...record!, changes: [] })).toEqual(['Plan created, with no field changed']);
  });

  it('has a title in words for every event type in the catalogue', () => {
    for (const type of Object.keys(eventCatalogue)) expect(auditEventTitle(type)).toMatch(/^[A-Z][a-z-]+( [a-z-]+)+$/);
    expect(auditEventTitle('FiguresImported')).toBe('Reported figures imported');
    expect(auditEventTitle('MilestoneReplanned')).toBe('Milestone re-planned');
  });
});

describe('describeAuditRecord over the outcomes trail', () => {
  it('given an indicator defined, recorded, corrected and targeted, then each record reads as words', () => {
    const events: DomainEvent[] = [
      { type: 'IndicatorDefined', data: { indicatorId: 'cp-rate', name: 'Children on a CP plan', unit: 'per 10,000', better: 'lower', band: null, decimals: 1, frequency: 'annual', source: 'DfE', tolerance: 2, priorityIds: ['p1'], actionIds: [] } },
      { type: 'IndicatorValueRecorded', data: { indicatorId: 'cp-rate', period: '2017-03', value: 68, source: 'DfE', release: 'CIN 2017', comparators: [{ name: 'statistical neighbours', value: 54.6, source: 'CIN 2017' }] } },
      { type: 'IndicatorValueCorrected', data: { indicatorId: 'cp-rate', period: '2017-03', before: { value: 68, comparators: [] }, after: { value: 67, comparators: [] } } },
      { type: 'IndicatorTargetSet', data: { indicatorId: 'cp-rate', by: '2018-03', value: 55, tolerance: 3 } },
      { type: 'CarryOverLinked', data: { actionId: 'p1-1', fromPlanId: 'tracker', fromReference: 'Ofsted 1' } },
    ];
    const described = outcomeAuditTrail(asRecorded(events, 'outcomes-dev-plan')).map((r) => describeAuditRecord(r));
    expect(described[0]).toContain('Which way is better set to lower is better');
    expect(described[0]).toContain('Unit set to per 10,000');
    expect(described[1]).toEqual(['Value set to 68', 'Comparator statistical neighbours set to 54.6']);
    expect(described[2]).toEqual(['Value changed from 68 to 67']);
    expect(described[3]).toEqual(['Target for 2018-03 set to 55', 'Tolerance changed from 2 to 3']);
    expect(described[4]).toEqual(['Carries over Ofsted 1 of tracker']);
  });
});
