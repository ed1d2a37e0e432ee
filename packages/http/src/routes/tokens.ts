import type { OpenAPIHono } from '@hono/zod-openapi';
import { IssueTokenInput } from '@ragtrail/core';
import type { AppEnv, Ragtrail } from '../env.js';
import { callerOf } from '../http/caller.js';
import { route } from '../openapi.js';

/** Bearer tokens: the secret is shown once in the reply and stored only as a hash (admin only). */
export function tokenRoutes(api: OpenAPIHono<AppEnv>, rt: Ragtrail): void {
  // Front ends ask who the token belongs to, to offer only what that role may do.
  route(api, { method: 'get', path: '/me', summary: 'Who this token acts as: { id, name, role }', tag: 'access', ok: { status: 200, description: 'the actor' } },
    async (c) => c.json(c.get('actor')));
  route(api, { method: 'post', path: '/tokens', summary: 'Issue a token (admin); the secret is in this reply only', tag: 'access', body: IssueTokenInput, conditional: true, ok: { status: 201, description: '{ tokenId, token, name, role }' } },
    async (c) => c.json(await rt.issueToken(await c.req.json(), callerOf(c)), 201));
  // Listing is for whoever may issue tokens (src/http/authority.ts); the hashes never leave the core.
  route(api, { method: 'get', path: '/tokens', summary: 'The issued tokens, without secrets or hashes (admin)', tag: 'access', ok: { status: 200, description: 'token records' } },
    async (c) => c.json(await rt.tokens()));
  route(api, { method: 'delete', path: '/tokens/:tokenId', summary: 'Revoke a token (admin)', tag: 'access', conditional: true, ok: { status: 200, description: '{ revoked }' } },
    async (c) => {
      const tokenId = c.req.param('tokenId')!;
      await rt.revokeToken(tokenId, callerOf(c));
      return c.json({ revoked: tokenId });
    });
}
