import { commandSchemas, commandWords, forbidden, holderOf, outcomeCommandWords, outcomePermissions, permissions, Role, rolesInWords, type CommandType, type OutcomeCommandType } from '@ragtrail/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

/** Who may call a route, and what the refusal calls the act ("sign off a review"). */
export interface Authority { act: string; roles: readonly Role[] }

const command = (type: CommandType, act: string = commandWords[type]): Authority => ({ act, roles: permissions[type] });
const everyone: Authority = { act: 'read', roles: Role.options };
// A batch holds plan commands; each is checked again by the core. Before the body is read, the
// role must at least be one that may issue some plan command (a viewer may issue none).
const planCommandRoles = Role.options.filter((role) =>
  Object.keys(commandSchemas).some((type) => (permissions[type as CommandType] as readonly Role[]).includes(role)));

/**
 * Which entry of the core's permission tables each route is bound by: the one place routes meet
 * roles. Registration fails for a route that has no rule here, so a new route cannot slip in
 * unguarded. Paths are Hono paths below /api.
 */
export function authorityOf(method: 'get' | 'post' | 'delete', path: string): Authority {
  if (method === 'get') return path === '/tokens' ? command('IssueToken', 'list tokens') : everyone;
  if (method === 'post' && path === '/plans') return command('CreatePlan');
  // An import creates a plan, so it needs what CreatePlan needs.
  if (method === 'post' && path === '/imports/:kind') return command('CreatePlan', 'import a plan');
  if (method === 'post' && path === '/tokens') return command('IssueToken');
  if (method === 'delete' && path === '/tokens/:tokenId') return command('RevokeToken');
  if (method === 'post' && path === '/plans/:planId/batch') return { act: 'run a batch of plan commands', roles: planCommandRoles };
  const plan = /^\/plans\/:planId\/commands\/(\w+)$/.exec(path)?.[1];
  if (method === 'post' && plan !== undefined && Object.hasOwn(permissions, plan)) return command(plan as CommandType);
  // An indicator import records values, so it needs what RecordIndicatorValue needs.
  if (method === 'post' && path === '/plans/:planId/outcomes/imports') return { act: 'import indicator values', roles: outcomePermissions.RecordIndicatorValue };
  const outcome = /^\/plans\/:planId\/outcomes\/commands\/(\w+)$/.exec(path)?.[1];
  if (method === 'post' && outcome !== undefined && Object.hasOwn(outcomePermissions, outcome))
    return { act: outcomeCommandWords[outcome as OutcomeCommandType], roles: outcomePermissions[outcome as OutcomeCommandType] };
  throw new Error(`No role rule for ${method.toUpperCase()} /api${path}: bind it to the core's permission table in packages/http/src/http/authority.ts`);
}

/**
 * Refuses a role the route does not admit before anything reads the body, so a viewer's 12 KB
 * spreadsheet costs a header check, not a parse. The core checks the same table again when it
 * decides; this only moves the refusal ahead of the work.
 */
export const authorise = ({ act, roles }: Authority): MiddlewareHandler<AppEnv> => async (c, next) => {
  const { role } = c.get('actor');
  if (!roles.includes(role)) throw forbidden('role', `${holderOf(role)} may not ${act}: that needs ${rolesInWords(roles)}`);
  await next();
};
