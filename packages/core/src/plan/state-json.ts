import { z } from 'zod';
import { parseInput } from '../shared/errors.js';
import { Cadence, Period } from '../shared/period.js';
import { ScoringScheme } from '../scheme/scheme.js';
import { Actor } from '../access/roles.js';
import { ActionAdded, EntryContent, EvidenceAttached, OverallMethod, PriorityAdded, ReviewOpened, StatedDirection } from '../events/plan-events.js';
import type { ActionState, Entry, Evidence, PlanState, Priority, Review } from './state.js';

/**
 * PlanState as JSON: the wire form GET /api/plans/:planId answers with (docs/http-api.md), where
 * every id-keyed Map is a plain object. Maps do not survive JSON.stringify, so anything that
 * sends or stores a state goes through this codec.
 *
 * Keys come from people's text ("constructor" is a valid action id), so neither direction assigns
 * `obj[key] = ...`: Object.fromEntries defines own properties,
 * and the way in reads Object.entries into a Map. zod's z.record is not used on the way in for
 * the same reason: it assigns keys one by one, and a "__proto__" key replaces the prototype
 * instead of becoming an entry.
 */

/** A JSON object read into a Map, each value checked by `value`; issues name the key. */
function mapOf<T extends z.ZodType>(value: T) {
  return z
    .custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: 'must be an object' })
    .transform((obj, ctx) => {
      const out = new Map<string, z.output<T>>();
      for (const [key, raw] of Object.entries(obj)) {
        const parsed = value.safeParse(raw);
        if (parsed.success) out.set(key, parsed.data);
        else for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
      }
      return out;
    });
}

const at = z.string().min(1);

const PriorityJson = PriorityAdded;
const ActionJson = ActionAdded.extend({ retiredInPeriod: Period.nullable() });
const ReviewJson = ReviewOpened.extend({
  openedAt: at,
  status: z.enum(['open', 'signed-off']),
  signedOffBy: Actor.nullable(),
  signedOffAt: at.nullable(),
});
const EntryJson = EntryContent.extend({
  derivedDirection: StatedDirection.nullable(),
  previousScore: z.number().int().nullable(),
  source: z.enum(['recorded', 'imported']),
  recordedAt: at,
  recordedBy: Actor,
  reason: z.string().nullable(),
  corrections: z.number().int().min(0),
});
const EvidenceJson = EvidenceAttached.extend({ attachedAt: at, attachedBy: Actor });
const ImportedFiguresJson = z.object({ source: z.string(), priorities: mapOf(z.number()), overall: z.number().nullable() });

const PlanStateJson = z.object({
  status: z.enum(['empty', 'active']),
  planId: z.string(),
  title: z.string(),
  organisation: z.string(),
  description: z.string(),
  cadence: Cadence,
  // An empty plan's scheme has no levels yet, which ScoringScheme itself refuses.
  scheme: z.union([ScoringScheme, z.object({ id: z.literal(''), name: z.literal(''), betterIs: z.enum(['higher', 'lower']), levels: z.tuple([]) })]),
  sustainPeriods: z.number().int(),
  overallMethod: OverallMethod,
  priorities: mapOf(PriorityJson),
  actions: mapOf(ActionJson),
  actionOrder: z.array(z.string()),
  reviews: mapOf(ReviewJson),
  entries: mapOf(mapOf(EntryJson)),
  evidence: mapOf(z.array(EvidenceJson)),
  importedFigures: mapOf(ImportedFiguresJson),
  revision: z.number().int().min(-1),
  lastHash: z.string(),
  lastRecordedAt: z.string().nullable(),
});

/** The JSON form of a PlanState: the same fields, each Map a plain object keyed the same way. */
export interface PlanStateJson extends Omit<PlanState, 'priorities' | 'actions' | 'reviews' | 'entries' | 'evidence' | 'importedFigures'> {
  priorities: Record<string, Priority>;
  actions: Record<string, ActionState>;
  reviews: Record<string, Review>;
  entries: Record<string, Record<string, Entry>>;
  evidence: Record<string, Evidence[]>;
  importedFigures: Record<string, { source: string; priorities: Record<string, number>; overall: number | null }>;
}

const objectOf = <V, W>(map: ReadonlyMap<string, V>, f: (v: V) => W): Record<string, W> =>
  Object.fromEntries([...map].map(([k, v]) => [k, f(v)]));
const same = <V>(v: V): V => v;

/**
 * A PlanState as plain JSON (each Map a plain object), for an HTTP answer or a file; `planStateFromJson`
 * reads it back.
 */
export function planStateToJson(state: PlanState): PlanStateJson {
  return {
    ...state,
    priorities: objectOf(state.priorities, same),
    actions: objectOf(state.actions, same),
    reviews: objectOf(state.reviews, same),
    entries: objectOf(state.entries, (byPeriod) => objectOf(byPeriod, same)),
    evidence: objectOf(state.evidence, same),
    importedFigures: objectOf(state.importedFigures, (f) => ({ ...f, priorities: objectOf(f.priorities, same) })),
  };
}

/** A PlanState from its JSON form (an HTTP answer, a file), validated; bad input is a DomainError naming the field. */
export function planStateFromJson(json: unknown): PlanState {
  return parseInput(PlanStateJson, json, 'plan') as PlanState;
}
