import type { ScoringScheme } from '../scheme/scheme.js';
import { findLevel } from '../scheme/scheme.js';
import type { AuditRecord, FieldChange } from './audit-trail.js';

/*
 * The audit trail in sentences ("Lead set to Andrew Carter, Head of Service"), one rule for every
 * front end: the web pages, the terminal and the reports all read the same words, and none of them
 * ever shows a stored value as JSON. Covers the fields of the plan trail (audit-trail.ts) and of the
 * outcomes trail (outcomes/audit.ts); a field this file does not know still reads as words.
 */

/** What a sentence may need beyond the record: the plan's scheme names score levels ("3 (Green)"). */
export interface DescribeContext {
  scheme?: ScoringScheme | null;
}

/** The words for each stored field name, where its name alone would not read well. */
const fieldWords: Record<string, string> = {
  planId: 'Plan id', priorityId: 'Priority', actionId: 'Action id', evidenceId: 'Evidence id', indicatorId: 'Indicator id',
  tokenId: 'Token id', ref: 'Reference', statedDirection: 'Stated direction', dueDate: 'Due date',
  dueText: "Due (in the plan's words)", successMeasure: 'Success measure', carriedOverFrom: 'Carried over from',
  subActions: 'Sub-actions', owners: 'Owners', sustainPeriods: 'Periods of sustained evidence needed for removal',
  overallMethod: 'Overall figure method', scheme: 'Scoring scheme', number: 'Priority number', reviewDate: 'Review date',
  observedOn: 'Observed on', contentHash: 'Content hash', kind: 'Kind of evidence', priorities: 'Reported priority figures',
  overall: 'Reported overall figure', tokenHash: 'Token hash', keyId: 'Key id', publicKey: 'Public key',
  verifierKey: 'Verifier key', treeSize: 'Events covered', rootHash: 'Root hash', note: 'Signed checkpoint',
  asOf: 'As of', better: 'Which way is better', decimals: 'Decimal places', priorityIds: 'Priorities',
  actionIds: 'Actions evidenced', fromPlanId: 'Carried from plan', fromReference: 'Carried from reference',
  previousScore: 'Previous score', derivedDirection: 'Direction shown by the scores',
};

/** Free text reads best in quotation marks, so a sentence's own words stay apart from the plan's. */
const quoted = new Set(['update', 'title', 'description', 'successMeasure', 'dueText', 'baseline', 'target', 'text']);
const dateFields = new Set(['dueDate', 'reviewDate', 'observedOn', 'on']);

const overallMethodWords: Record<string, string> = {
  'mean-of-priorities': "the mean of the priorities' averages",
  'mean-of-actions': 'the mean of all actions',
};
const betterWords: Record<string, string> = { higher: 'higher is better', lower: 'lower is better', band: 'within a band is best' };

/** "statedDirection" -> "Stated direction": the fallback for a field without chosen words. */
function humanise(field: string): string {
  const spaced = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase().trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length === 0) return 'none';
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Record<string, unknown>, ...keys: string[]) => keys.every((k) => k in o);

/** An object stored in an event, in words: a lead, a milestone, a sub-action, a comparator, a scheme... */
function objectInWords(o: Record<string, unknown>): string {
  if (has(o, 'name', 'jobTitle')) return o.jobTitle ? `${valueInWords(o.name)}, ${valueInWords(o.jobTitle)}` : valueInWords(o.name);
  if (has(o, 'label', 'text')) return `${valueInWords(o.label)} “${valueInWords(o.text)}”`;
  if (has(o, 'text', 'dueDate')) {
    const due = o.dueDate ? `due ${valueInWords(o.dueDate)}` : o.dueText ? `due “${valueInWords(o.dueText)}”` : 'no due date';
    return `“${valueInWords(o.text)}” (${due})`;
  }
  if (has(o, 'priorityId', 'figure')) return `${valueInWords(o.priorityId)} ${valueInWords(o.figure)}`;
  if (has(o, 'low', 'high')) return `${valueInWords(o.low)} to ${valueInWords(o.high)}`;
  if (has(o, 'name', 'value', 'source')) return `${valueInWords(o.name)} ${valueInWords(o.value)} (${valueInWords(o.source)})`;
  if (has(o, 'name', 'betterIs', 'levels') && Array.isArray(o.levels)) {
    const levels = o.levels.filter(isRecord).map((l) => `${valueInWords(l.value)} ${valueInWords(l.label)}`);
    return `${valueInWords(o.name)} (${listInWords(levels)}; ${valueInWords(o.betterIs)} is better)`;
  }
  if (has(o, 'score', 'update')) return entryInWords(o);
  return listInWords(Object.entries(o).filter(([, v]) => v !== null && v !== '').map(([k, v]) => `${humanise(k).toLowerCase()} ${valueInWords(v)}`));
}

function entryInWords(o: Record<string, unknown>): string {
  const parts = [`score ${valueInWords(o.score)}`];
  if (o.update) parts.push(`update “${valueInWords(o.update)}”`);
  if (o.statedDirection) parts.push(`stated direction ${valueInWords(o.statedDirection)}`);
  return parts.join(', ');
}

/** Any stored value in words, never as JSON: null is "nothing", lists read "A, B and C". */
export function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.every((v) => typeof v !== 'object') ? listInWords(value.map(valueInWords)) : value.map(valueInWords).join('; ');
  if (isRecord(value)) return objectInWords(value);
  return String(value);
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** One value of a field as a sentence shows it: scores with their level, methods and polarities in words, text quoted. */
function shown(field: string, value: unknown, context: DescribeContext): string {
  if (field === 'score' && typeof value === 'number') {
    const level = context.scheme ? findLevel(context.scheme, value) : undefined;
    return level ? `${value} (${level.label})` : String(value);
  }
  if (field === 'overallMethod' && typeof value === 'string') return overallMethodWords[value] ?? value;
  if (field === 'better' && typeof value === 'string') return betterWords[value] ?? value;
  if (quoted.has(field) && typeof value === 'string') return `“${value}”`;
  return valueInWords(value);
}

/** The field's label, for the outcome trail's compound fields ("target 2018-03", "comparator England") too. */
function labelOf(field: string): string {
  const target = /^target (.+)$/.exec(field);
  if (target) return `Target for ${target[1]}`;
  const comparator = /^comparator (.+)$/.exec(field);
  if (comparator) return `Comparator ${comparator[1]}`;
  const milestoneDue = /^milestone (\d+) due$/.exec(field);
  if (milestoneDue) return `Milestone ${milestoneDue[1]} due date`;
  return fieldWords[field] ?? humanise(field);
}

/** Fields whose change is an event in itself, read as one fixed sentence. */
function special(c: FieldChange): string | null {
  if (c.field === 'status' && c.after === 'signed-off') return 'Review signed off';
  if (c.field === 'active' && c.after === false) return 'Action retired from the active plan';
  if (c.field === 'active' && c.after === true) return 'Action returned to the active plan';
  if (c.field === 'approved by') return `Approved by ${valueInWords(c.after)}`;
  const status = /^milestone (\d+)$/.exec(c.field);
  if (status && typeof c.after === 'string') return `Milestone ${status[1]} ${c.after}`;
  const follows = /^milestone (\d+) follows$/.exec(c.field);
  if (follows) return `Milestone ${follows[1]} linked to indicator ${valueInWords(c.after)}`;
  if (c.field === 'carries') return c.before === null ? `Carries over ${valueInWords(c.after)}` : `Carry-over changed from ${valueInWords(c.before)} to ${valueInWords(c.after)}`;
  return null;
}

/**
 * One change as a sentence: "Lead set to Andrew Carter, Head of Service", "Score changed from 2
 * (Amber) to 3 (Green)", "Due date moved from 2017-03-31 to 2017-06-30", "Review signed off".
 * A value set where there was none is "set to"; a value removed is "cleared"; dates "move".
 */
export function describeChange(change: FieldChange, context: DescribeContext = {}): string {
  const fixed = special(change);
  if (fixed) return fixed;
  const label = labelOf(change.field);
  const isDate = dateFields.has(change.field) || / due$/.test(change.field);
  if (isEmpty(change.before)) return `${label} set to ${shown(change.field, change.after, context)}`;
  if (isEmpty(change.after)) return `${label} cleared (was ${shown(change.field, change.before, context)})`;
  return `${label} ${isDate ? 'moved' : 'changed'} from ${shown(change.field, change.before, context)} to ${shown(change.field, change.after, context)}`;
}

const titles: Record<string, string> = {
  PlanCreated: 'Plan created', PriorityAdded: 'Priority added', ActionAdded: 'Action added', ReviewOpened: 'Review opened',
  EntryRecorded: 'Entry recorded', EntryCorrected: 'Entry corrected', ReviewSignedOff: 'Review signed off',
  EvidenceAttached: 'Evidence attached', ActionRescheduled: 'Action rescheduled', ActionRetired: 'Action retired',
  FiguresImported: 'Reported figures imported', TokenIssued: 'Token issued', TokenRevoked: 'Token revoked',
  SigningKeyRecorded: 'Signing key recorded', CheckpointTaken: 'Checkpoint taken', IndicatorDefined: 'Indicator defined',
  IndicatorValueRecorded: 'Indicator value recorded', IndicatorValueCorrected: 'Indicator value corrected',
  IndicatorTargetSet: 'Indicator target set', IndicatorBaselineSet: 'Indicator baseline set', MilestoneLinked: 'Milestone linked to an indicator',
  MilestoneStatusRecorded: 'Milestone status recorded', MilestoneReplanned: 'Milestone re-planned', CarryOverLinked: 'Carry-over linked',
};

/** The event type as a heading in words ("EntryCorrected" -> "Entry corrected"); unknown types are spaced out. */
export function auditEventTitle(type: string): string {
  return titles[type] ?? humanise(type);
}

/**
 * A record's changes as sentences, in the order the trail lists them. A record whose event changed
 * no field worth showing (an entry recorded again as it was) reads as its event title, so a record
 * is never shown blank.
 */
export function describeAuditRecord(record: AuditRecord, context: DescribeContext = {}): string[] {
  const sentences = record.changes.map((c) => describeChange(c, context));
  return sentences.length > 0 ? sentences : [`${auditEventTitle(record.type)}, with no field changed`];
}
