import { expect } from 'vitest';
import type { DomainEvent } from '../events/catalogue.js';
import type { RecordedEvent } from '../events/envelope.js';
import { eventCatalogue } from '../events/catalogue.js';
import { GENESIS_HASH } from '../chain/hash-chain.js';
import type { Actor } from '../access/roles.js';
import { decide, type PlanCommand } from '../plan/decider.js';
import { evolveAll } from '../plan/evolve.js';
import { initialPlanState, type PlanState } from '../plan/state.js';
import { DomainError } from '../shared/errors.js';

/**
 * One actor per role (admin, officer, reviewer, board) for given/when/then tests, so a test names who acts
 * without building an Actor.
 */
export const actors = {
  admin: { id: 'admin-1', name: 'Sheila Admin', role: 'admin' },
  officer: { id: 'officer-1', name: 'Iqbal Vaza', role: 'officer' },
  reviewer: { id: 'reviewer-1', name: 'Rory Patterson', role: 'reviewer' },
  board: { id: 'board-1', name: 'Lyn Carpenter', role: 'board' },
  viewer: { id: 'viewer-1', name: 'Ofsted Inspector', role: 'viewer' },
} as const satisfies Record<string, Actor>;

/** Wraps bare domain events in envelopes so they can be folded, as a store would hand them back. */
export function asRecorded(events: readonly DomainEvent[], stream = 'plan-test', actor: Actor = actors.admin): RecordedEvent[] {
  return events.map((e, i) => ({
    ...e,
    id: `event-${i}`, stream, revision: i, position: i + 1,
    recordedAt: new Date(Date.UTC(2017, 3, 1) + i * 1000).toISOString(),
    version: eventCatalogue[e.type].version, actor, reason: null, prevHash: GENESIS_HASH, hash: GENESIS_HASH,
  })) as RecordedEvent[];
}

/**
 * The command a given/when/then test runs: its type and raw data, and optionally the actor (admin by
 * default) and a reason.
 */
export interface WhenInput {
  type: PlanCommand['type'];
  data: unknown;
  actor?: Actor;
  reason?: string | null;
  now?: Date;
}

/** What a refusal must carry; each part left out is not checked. */
export interface ExpectedRefusal {
  code?: DomainError['code'];
  rule?: string;
  field?: string;
  message?: RegExp;
}

/**
 * The `then` half of a given/when/then for any decider: `run` decides the command. Every path
 * asserts, so a specification cannot run a command and check nothing.
 */
export function decisionOf(run: () => readonly DomainEvent[]) {
  return {
    then(expected: DomainEvent[]) {
      expect(run()).toEqual(expected);
    },
    thenThrows(expected: ExpectedRefusal): DomainError {
      let error: unknown;
      try {
        run();
      } catch (e) {
        error = e;
      }
      expect(error, 'expected the command to be refused').toBeInstanceOf(DomainError);
      const e = error as DomainError;
      if (expected.code) expect(e.code).toBe(expected.code);
      if (expected.rule) expect(e.rule).toBe(expected.rule);
      if (expected.field) expect(e.field).toBe(expected.field);
      if (expected.message) expect(e.message).toMatch(expected.message);
      return e;
    },
  };
}

/**
 * Emmett-style decider specification: given(events).when(command).then(events) or .thenThrows(rule).
 * Every path asserts: there is no way to run a command and check nothing.
 */
export function given(events: readonly DomainEvent[]) {
  const state: PlanState = evolveAll(initialPlanState(), asRecorded(events));
  return {
    state,
    when(command: WhenInput) {
      const run = () =>
        decide(
          {
            type: command.type,
            data: command.data,
            metadata: { actor: command.actor ?? actors.admin, reason: command.reason ?? null, now: command.now ?? new Date('2017-04-28T10:00:00Z') },
          } as PlanCommand,
          state,
        );
      return decisionOf(run);
    },
  };
}
