import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, DomainError, initialPlanState, planStateFromJson, planStateToJson } from '../../src/index.js';
import { actors } from '../../src/testing/index.js';

const admin = { actor: actors.admin };

/** A plan whose ids are the names that break plain-object lookups. */
async function oddlyNamedPlan() {
  const rt = createRagtrail({ store: createMemoryStore(), now: (() => { let t = Date.UTC(2018, 2, 1); return () => new Date((t += 1000)); })() });
  await rt.createPlan({ planId: 'dev', title: 'Development plan', organisation: 'Thurrock Council' }, admin);
  await rt.execute('dev', 'AddPriority', { priorityId: 'constructor', number: 1, title: 'Workforce' }, admin);
  await rt.execute('dev', 'AddAction', { actionId: 'hasOwnProperty', ref: '__proto__', priorityId: 'constructor', title: 'Supervision' }, admin);
  await rt.execute('dev', 'OpenReview', { period: '2018-03', reviewer: 'Improvement Board', reviewDate: '2018-03-31' }, admin);
  await rt.execute('dev', 'AttachEvidence', { action: '__proto__', title: 'Audit', kind: 'audit', observedOn: '2018-03-01', link: 'https://x.example/a' }, admin);
  await rt.execute('dev', 'RecordEntry', { action: '__proto__', period: '2018-03', score: 4, update: 'Done' }, admin);
  await rt.execute('dev', 'ImportFigures', { period: '2018-03', source: 'board paper', priorities: [{ priorityId: 'constructor', figure: 2.5 }] }, admin);
  return rt.loadPlan('dev');
}

describe('PlanState as JSON', () => {
  it('sends every Map as a plain object with the same keys, and reads it back to an equal state', async () => {
    const state = await oddlyNamedPlan();
    const wire = JSON.parse(JSON.stringify(planStateToJson(state)));
    expect(Object.keys(wire.actions)).toEqual(['hasOwnProperty']);
    expect(Object.keys(wire.priorities)).toEqual(['constructor']);
    expect(wire.entries.hasOwnProperty['2018-03'].score).toBe(4);
    expect(wire.importedFigures['2018-03'].priorities.constructor).toBe(2.5);
    expect(planStateFromJson(wire)).toEqual(state);
    expect(planStateFromJson(JSON.parse(JSON.stringify(planStateToJson(initialPlanState()))))).toEqual(initialPlanState());
  });

  it('keeps a "__proto__" key as an entry, never as the prototype', () => {
    const wire = JSON.parse(JSON.stringify(planStateToJson(initialPlanState())));
    wire.importedFigures = JSON.parse('{"2018-03":{"source":"paper","priorities":{"__proto__":1.5},"overall":null}}');
    const state = planStateFromJson(wire);
    expect([...state.importedFigures.get('2018-03')!.priorities]).toEqual([['__proto__', 1.5]]);
    expect(JSON.parse(JSON.stringify(planStateToJson(state))).importedFigures['2018-03'].priorities).toEqual(JSON.parse('{"__proto__":1.5}'));
  });

  it('refuses a body that is not a plan state, naming the field', async () => {
    const wire = JSON.parse(JSON.stringify(planStateToJson(await oddlyNamedPlan())));
    wire.entries.hasOwnProperty['2018-03'].score = 'four';
    const error = (() => { try { planStateFromJson(wire); return null; } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/entries\.hasOwnProperty\.2018-03\.score/);
    expect(() => planStateFromJson({ ...wire, actions: [] })).toThrow(/actions/);
  });
});
