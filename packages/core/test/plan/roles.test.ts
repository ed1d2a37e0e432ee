import { describe, expect, it } from 'vitest';
import { commandWords, decide, DomainError, holderOf, rolesInWords, permissions, Role, type CommandType, type PlanCommand } from '../../src/index.js';
import { decideAccess, initialAccessState } from '../../src/internal.js';
import { actors, given } from '../../src/testing/index.js';
import { basePlan } from '../fixtures.js';

const actorFor = (role: Role) => ({ id: `${role}-x`, name: `A ${role}`, role });
const accessCommands: CommandType[] = ['IssueToken', 'RevokeToken'];

/** Runs the command with an empty body: the role is checked before the input, so the outcome tells which check refused it. */
function outcome(command: CommandType, role: Role): DomainError | null {
  try {
    if (accessCommands.includes(command))
      decideAccess({ type: command, data: {}, metadata: { actor: actorFor(role), reason: null, now: new Date() } } as never, initialAccessState());
    else decide({ type: command, data: {}, metadata: { actor: actorFor(role), reason: null, now: new Date() } } as PlanCommand, given(basePlan()).state);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
}

describe('roles, enforced by the deciders for every front end', () => {
  for (const command of Object.keys(permissions) as CommandType[])
    for (const role of Role.options) {
      const allowed = (permissions[command] as readonly Role[]).includes(role);
      it(`${command} by a ${role} is ${allowed ? 'let through to the input checks' : 'refused for the role'}`, () => {
        const error = outcome(command, role);
        if (allowed) expect(error?.code).not.toBe('forbidden');
        else {
          expect(error).toMatchObject({ code: 'forbidden', rule: 'role' });
          expect(error!.message).toContain(`${holderOf(role)} may not ${commandWords[command]}: that needs ${rolesInWords(permissions[command])}`);
        }
      });
    }

  it('viewers may issue no command at all', () => {
    for (const command of Object.keys(permissions) as CommandType[]) expect(outcome(command, 'viewer')?.code).toBe('forbidden');
  });
});

describe('importing figures a council reported before ragtrail', () => {
  it('records them as imported, for priorities of the plan only', () => {
    given(basePlan())
      .when({ type: 'ImportFigures', data: { period: '2017-04', source: 'Seed 002 RAG summary', priorities: [{ priorityId: 'p1', figure: 2.8 }], overall: 2.6 }, actor: actors.admin })
      .then([{ type: 'FiguresImported', data: { period: '2017-04', source: 'Seed 002 RAG summary', priorities: [{ priorityId: 'p1', figure: 2.8 }], overall: 2.6 } }]);
    given(basePlan())
      .when({ type: 'ImportFigures', data: { period: '2017-04', source: 'x', priorities: [{ priorityId: 'p9', figure: 2 }] }, actor: actors.admin })
      .thenThrows({ code: 'not-found', field: 'priorities.0.priorityId' });
    given(basePlan())
      .when({ type: 'ImportFigures', data: { period: '2017-04', source: 'x', priorities: [] }, actor: actors.admin })
      .thenThrows({ code: 'invalid', field: 'data.priorities' });
  });
});
