import { z } from 'zod';
import * as plan from './plan-events.js';
import * as access from './access-events.js';
import * as integrity from './integrity-events.js';
import * as outcome from './outcome-events.js';

/**
 * Every event type with its current schema version. An event stored at an older version is
 * upcast, one version at a time, before its data is parsed; stored bytes are never rewritten.
 */
export const eventCatalogue = {
  PlanCreated: { version: 1, schema: plan.PlanCreated, upcasters: {} },
  PriorityAdded: { version: 1, schema: plan.PriorityAdded, upcasters: {} },
  ActionAdded: { version: 2, schema: plan.ActionAdded, upcasters: { 1: upcastActionAddedV1 } },
  ReviewOpened: { version: 1, schema: plan.ReviewOpened, upcasters: {} },
  EntryRecorded: { version: 1, schema: plan.EntryRecorded, upcasters: {} },
  EntryCorrected: { version: 1, schema: plan.EntryCorrected, upcasters: {} },
  ReviewSignedOff: { version: 1, schema: plan.ReviewSignedOff, upcasters: {} },
  EvidenceAttached: { version: 1, schema: plan.EvidenceAttached, upcasters: {} },
  ActionRescheduled: { version: 1, schema: plan.ActionRescheduled, upcasters: {} },
  ActionRetired: { version: 1, schema: plan.ActionRetired, upcasters: {} },
  FiguresImported: { version: 1, schema: plan.FiguresImported, upcasters: {} },
  TokenIssued: { version: 1, schema: access.TokenIssued, upcasters: {} },
  TokenRevoked: { version: 1, schema: access.TokenRevoked, upcasters: {} },
  SigningKeyRecorded: { version: 1, schema: integrity.SigningKeyRecorded, upcasters: {} },
  CheckpointTaken: { version: 1, schema: integrity.CheckpointTaken, upcasters: {} },
  IndicatorDefined: { version: 1, schema: outcome.IndicatorDefined, upcasters: {} },
  IndicatorValueRecorded: { version: 1, schema: outcome.IndicatorValueRecorded, upcasters: {} },
  IndicatorValueCorrected: { version: 1, schema: outcome.IndicatorValueCorrected, upcasters: {} },
  IndicatorTargetSet: { version: 1, schema: outcome.IndicatorTargetSet, upcasters: {} },
  IndicatorBaselineSet: { version: 1, schema: outcome.IndicatorBaselineSet, upcasters: {} },
  MilestoneLinked: { version: 1, schema: outcome.MilestoneLinked, upcasters: {} },
  MilestoneStatusRecorded: { version: 1, schema: outcome.MilestoneStatusRecorded, upcasters: {} },
  MilestoneReplanned: { version: 1, schema: outcome.MilestoneReplanned, upcasters: {} },
  CarryOverLinked: { version: 1, schema: outcome.CarryOverLinked, upcasters: {} },
} as const satisfies Record<string, { version: number; schema: z.ZodType; upcasters: Record<number, (data: unknown) => unknown> }>;

/** The name of an event type this library records and reads (plan, access, integrity and outcome events). */
export type EventType = keyof typeof eventCatalogue;
type Catalogue = typeof eventCatalogue;

/** The current-version events, as a discriminated union on `type`. */
export type DomainEvent = { [K in EventType]: { type: K; data: z.infer<Catalogue[K]['schema']> } }[EventType];
/** The current-version event of one type, picked out of `DomainEvent` by its `type`. */
export type EventOf<K extends EventType> = Extract<DomainEvent, { type: K }>;
/** The data of one event type at its current schema version. */
export type EventData<K extends EventType> = EventOf<K>['data'];

/**
 * Whether a string names an event type this library knows; narrows a stored event's `type` before its data
 * is read.
 */
export const isEventType = (type: string): type is EventType => Object.hasOwn(eventCatalogue, type);

/** "Iqbal Vaza, Strategic Lead I Performance" -> name before the first comma, job title after. */
function upcastActionAddedV1(data: unknown): unknown {
  const v1 = plan.ActionAddedV1.parse(data);
  const cell = v1.lead?.trim() ?? '';
  const comma = cell.indexOf(',');
  const lead = cell === '' ? null : comma < 0 ? { name: cell, jobTitle: '' } : { name: cell.slice(0, comma).trim(), jobTitle: cell.slice(comma + 1).trim() };
  return { ...v1, lead, baseline: '', target: '', milestones: [] };
}

/** Brings stored data at any known version up to the current schema and validates it. */
export function upcast(type: string, version: number, data: unknown): DomainEvent {
  if (!isEventType(type)) throw new Error(`Unknown event type ${type}`);
  const entry = eventCatalogue[type];
  if (version > entry.version) throw new Error(`${type} v${version} is newer than this library knows (v${entry.version})`);
  let current = data;
  for (let v = version; v < entry.version; v++) {
    const step = (entry.upcasters as Record<number, (d: unknown) => unknown>)[v];
    if (!step) throw new Error(`No upcaster for ${type} v${v} -> v${v + 1}`);
    current = step(current);
  }
  return { type, data: entry.schema.parse(current) } as DomainEvent;
}
