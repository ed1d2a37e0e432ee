// Every operation of the OpenAPI document, with no token and with a token of every role: a caller
// the route does not admit is refused (401, 403 naming the rule "role") before one byte of the
// body is pulled. The roles each route admits come from the core's permission tables, worked out
// here from the path, not read back from the app.
import { commandSchemas, mayIssue, outcomePermissions, permissions, Role, type CommandType, type OutcomeCommandType } from '@ragtrail/core';
import { describe, expect, it } from 'vitest';
import { planFixture } from './fixture.js';

type Who = Role | 'nobody';
const everyRole = Role.options;

/** The roles the core's tables admit for an operation; fails for one this test does not know. */
function admitted(method: string, path: string): readonly Role[] {
  if (method === 'get') return path === '/api/tokens' ? permissions.IssueToken : everyRole;
  if (path === '/api/plans' || path === '/api/imports/{kind}') return permissions.CreatePlan;
  if (path === '/api/tokens') return permissions.IssueToken;
  if (path === '/api/tokens/{tokenId}') return permissions.RevokeToken;
  if (path === '/api/plans/{planId}/batch') return everyRole.filter((r) => Object.keys(commandSchemas).some((t) => mayIssue(r, t as CommandType)));
  const plan = /^\/api\/plans\/\{planId\}\/commands\/(\w+)$/.exec(path)?.[1];
  if (plan && Object.hasOwn(permissions, plan)) return permissions[plan as CommandType];
  if (path === '/api/plans/{planId}/outcomes/imports') return outcomePermissions.RecordIndicatorValue;
  const outcome = /^\/api\/plans\/\{planId\}\/outcomes\/commands\/(\w+)$/.exec(path)?.[1];
  if (outcome && Object.hasOwn(outcomePermissions, outcome)) return outcomePermissions[outcome as OutcomeCommandType];
  throw new Error(`${method.toUpperCase()} ${path}: which command of the core's tables binds it? Add it here and to src/http/authority.ts`);
}

/** A body that notes whether anyone started reading it, and would run to 50 MB if they did. */
function watchedBody() {
  const seen = { pulled: false };
  let left = 50;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulled = true;
      if (left-- > 0) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
      else controller.close();
    },
  }, { highWaterMark: 0 });
  return { body, seen };
}

describe('every route refuses a caller it does not admit before reading the body', async () => {
  const { app, tokens, rt, store } = await planFixture();
  const doc = await (await app.request('/api/openapi.json')).json() as { paths: Record<string, Record<string, { 'x-ragtrail-roles'?: string[]; requestBody?: { content: Record<string, unknown> } }>> };
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

  it('the document lists the routes this test walks, each with the roles the core admits', () => {
    expect(operations.length).toBeGreaterThan(30);
    for (const { path, method, op } of operations) expect(op['x-ragtrail-roles'], `${method} ${path}`).toEqual([...admitted(method, path)]);
  });

  for (const { path, method, op } of operations)
    for (const who of ['nobody', ...everyRole] as Who[])
      it(`${method.toUpperCase()} ${path} as ${who}`, async () => {
        const spare = await rt.issueToken({ name: 'Spare', role: 'viewer' }, { actor: { id: 'setup', name: 'Setup', role: 'admin' } });
        const url = path.replace('{planId}', 'p1').replace('{tokenId}', spare.tokenId).replace('{kind}', path.includes('imports') ? 'tracker' : 'board');
        const before = (await store.readAll()).length;
        const mediaType = Object.keys(op.requestBody?.content ?? {})[0];
        const watched = mediaType ? watchedBody() : null;
        const res = await app.request(`${url}${mediaType === 'multipart/form-data' ? '?fileName=t.csv' : ''}`, {
          method: method.toUpperCase(),
          headers: { ...(who === 'nobody' ? {} : { authorization: `Bearer ${tokens[who]}` }), ...(mediaType ? { 'content-type': mediaType === 'multipart/form-data' ? 'text/csv' : mediaType } : {}) },
          ...(watched ? { body: watched.body, duplex: 'half' } : {}),
        } as RequestInit);
        const refusedRole = who !== 'nobody' && !admitted(method, path).includes(who);
        if (who === 'nobody') expect(res.status).toBe(401);
        else if (refusedRole) {
          expect(res.status, await res.clone().text()).toBe(403);
          const problem = await res.json() as { rule: string; detail: string };
          expect(problem.rule).toBe('role');
          expect(problem.detail).toMatch(/ may not [a-z' -]+: that needs the [a-z, ]+ role$/);
        } else {
          expect([401, 403]).not.toContain(res.status);
          // The probe works: an admitted caller's route does read it (and stops at the body limit).
          if (watched) expect(watched.seen.pulled).toBe(true);
        }
        if (who === 'nobody' || refusedRole) {
          expect(watched?.seen.pulled ?? false, 'the body was read before the refusal').toBe(false);
          if (watched) expect(res.headers.get('connection')).toBe('close');
          expect((await store.readAll()).length).toBe(before);
        }
      });
});
