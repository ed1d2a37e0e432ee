// Issue 13, section 1: nothing the fold cannot apply ever reaches the log, whatever ids and
// references people type. Every step goes through the facade; afterwards a fresh facade on the same
// store must read everything back, and a refused step must leave the store as it was.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createMemoryStore, createRagtrail, DomainError, permissions, planStateFromJson, planStateToJson,
  type Actor, type CommandType, type EventStore, type Ragtrail,
} from '../../src/index.js';
import { actors } from '../../src/testing/index.js';

/** Text that has broken plain-object lookups, or sizes and scripts a schema might not expect. */
const hostile = [
  '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__',
  '', ' ', 'x'.repeat(10_000), 'Ofsted ③ – é 漢字', '\u202Eevil\u202C', '\u200Fשלום 1', '👩‍👩‍👧 P1', 'P1.1', 'p1', 'p1-1',
];
const text = fc.oneof(fc.constantFrom(...hostile), fc.string({ maxLength: 12 }));
const optionalText = fc.option(text, { nil: undefined });
const period = fc.constantFrom('2018-01', '2018-02', '2018-03');

const planCommand = fc.oneof(
  fc.record({ type: fc.constant('AddPriority' as const), data: fc.record({ priorityId: optionalText, number: fc.integer({ min: 1, max: 4 }), title: text }) }),
  fc.record({ type: fc.constant('AddAction' as const), data: fc.record({ actionId: optionalText, ref: text, priorityId: fc.option(text, { nil: null }), title: text }) }),
  fc.record({ type: fc.constant('OpenReview' as const), data: fc.record({ period, reviewer: text, reviewDate: fc.constant('2018-03-31') }) }),
  fc.record({ type: fc.constant('RecordEntry' as const), data: fc.record({ action: text, period, score: fc.integer({ min: 1, max: 5 }), update: text }) }),
  fc.record({ type: fc.constant('CorrectEntry' as const), data: fc.record({ action: text, period, score: fc.integer({ min: 1, max: 5 }) }) }),
  fc.record({ type: fc.constant('SignOffReview' as const), data: fc.record({ period }) }),
  fc.record({ type: fc.constant('AttachEvidence' as const), data: fc.record({ evidenceId: optionalText, action: text, title: text, kind: fc.constant('audit'), observedOn: fc.constant('2018-01-15'), link: text }) }),
  fc.record({ type: fc.constant('RescheduleAction' as const), data: fc.record({ action: text, newDueDate: fc.constant('2019-01-31'), approvedBy: text }) }),
  fc.record({ type: fc.constant('ImportFigures' as const), data: fc.record({ period, source: text, priorities: fc.array(fc.record({ priorityId: text, figure: fc.double({ noNaN: true, min: 0, max: 5 }) }), { minLength: 1, maxLength: 3 }), overall: fc.constant(null) }) }),
);
const step = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('plan' as const), command: planCommand }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('batch' as const), commands: fc.array(planCommand, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('issue' as const), name: text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const), tokenId: fc.oneof(text, fc.constant('issued')) }) },
);

/** A caller whose role may issue the command, so the rules, not the roles, decide. */
const callerFor = (type: CommandType) => {
  const role = permissions[type][0];
  const actor = Object.values(actors).find((a) => a.role === role) as Actor;
  return { actor, reason: 'Adversarial test' };
};

/** Counts what reaches the store, so a refusal can be shown to have written nothing. */
function countingStore(store: EventStore) {
  const counted = { appended: 0 };
  return {
    counted,
    store: { ...store, append: async (...args: Parameters<EventStore['append']>) => {
      const result = await store.append(...args);
      counted.appended += args[1].length;
      return result;
    } } as EventStore,
  };
}

/** Every read a front end makes must still work on what was written. */
async function readsBack(store: EventStore, planIds: readonly string[]): Promise<void> {
  const fresh = createRagtrail({ store });
  const listed = (await fresh.plans()).map((p) => p.planId).sort();
  expect(listed).toEqual([...planIds].sort());
  for (const planId of planIds) {
    const state = await fresh.loadPlan(planId);
    expect(planStateFromJson(JSON.parse(JSON.stringify(planStateToJson(state))))).toEqual(state);
    for (const p of ['2018-02', '2018-03']) {
      await fresh.summary(planId, { period: p });
      await fresh.exceptions(planId, { period: p });
    }
    expect((await fresh.audit(planId)).total).toBe(state.revision + 1);
    await fresh.evidence(planId);
  }
  await fresh.tokens();
  expect((await fresh.verify()).ok).toBe(true);
}

describe('adversarial ids and references through the facade', () => {
  it('every appended event folds, every read still works, and a refusal writes nothing', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 14 }), async (steps) => {
        let tick = Date.UTC(2018, 0, 1);
        const { store, counted } = countingStore(createMemoryStore());
        const rt = createRagtrail({ store, now: () => new Date((tick += 60_000)) });
        await rt.createPlan({ planId: 'adv', title: 'Adversarial plan', organisation: 'Test Council', sustainPeriods: 1 }, callerFor('CreatePlan'));
        const issued: string[] = [];
        for (const s of steps) {
          const before = counted.appended;
          try {
            await run(rt, s, issued);
            outcomes.accepted++;
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(DomainError);
            expect(counted.appended, 'a refusal writes nothing').toBe(before);
            outcomes.refused++;
          }
        }
        await readsBack(store, ['adv']);
      }),
      { numRuns: 60 },
    );
    // Both paths must be exercised, or the property shows nothing.
    expect(outcomes.accepted).toBeGreaterThan(30);
    expect(outcomes.refused).toBeGreaterThan(30);
  });
});

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

async function run(rt: Ragtrail, s: Step, issued: string[]): Promise<void> {
  switch (s.kind) {
    case 'plan':
      await rt.execute('adv', s.command.type, s.command.data as never, callerFor(s.command.type));
      return;
    case 'batch': {
      const batch = await rt.batch('adv');
      for (const c of s.commands) batch.execute(c.type, c.data as never, callerFor(c.type));
      await batch.commit();
      return;
    }
    case 'issue':
      issued.push((await rt.issueToken({ name: s.name, role: 'viewer' }, callerFor('IssueToken'))).tokenId);
      return;
    case 'revoke':
      await rt.revokeToken(s.tokenId === 'issued' ? (issued.shift() ?? 'issued') : s.tokenId, callerFor('RevokeToken'));
  }
}
