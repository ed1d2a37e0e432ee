import { describe, it } from 'vitest';
import { outcomeCommandTypes, outcomePermissions, Role, type Actor } from '../../src/index.js';
import { given } from './given-outcomes.js';

const actorOf = (role: Role): Actor => ({ id: `${role}-1`, name: `A ${role}`, role });

describe('outcome commands refuse a role in words, as plan commands do', () => {
  it('given a viewer, when they record an indicator value, then the refusal names the act and the roles that may', () => {
    given([]).when({ type: 'RecordIndicatorValue', data: { indicator: 'cp-rate', period: '2018-03', value: 54 }, actor: actorOf('viewer') })
      .thenThrows({ code: 'forbidden', rule: 'role', message: /^A viewer may not record an indicator value: that needs the officer, reviewer or admin role$/ });
  });

  it('given an officer, when they define an indicator, then it needs the admin role', () => {
    given([]).when({ type: 'DefineIndicator', data: { name: 'NEET 16-18', better: 'lower' }, actor: actorOf('officer') })
      .thenThrows({ code: 'forbidden', message: /^An officer may not define an indicator: that needs the admin role$/ });
  });

  it('given a board member, when they correct a value, then it needs the reviewer or admin role', () => {
    given([]).when({ type: 'CorrectIndicatorValue', data: { indicator: 'cp-rate', period: '2018-03', value: 50 }, actor: actorOf('board'), reason: 'restated' })
      .thenThrows({ code: 'forbidden', message: /^A board member may not correct an indicator value: that needs the reviewer or admin role$/ });
  });

  // Every command and every role it refuses: the words never fall back to the command's type name.
  const refused = outcomeCommandTypes.flatMap((type) => Role.options.filter((r) => !(outcomePermissions[type] as readonly string[]).includes(r)).map((role) => [type, role] as const));
  it.each(refused)('%s refused to %s is worded without the type name', (type, role) => {
    given([]).when({ type, data: {}, actor: actorOf(role) })
      .thenThrows({ code: 'forbidden', message: new RegExp(`^(A|An) [a-z ]+ may not [a-z' -]+: that needs the [a-z, ]+ role$`) });
  });
});
