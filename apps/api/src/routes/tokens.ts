import type { OpenAPIHono } from '@hono/zod-openapi';
import { IssueTokenInput } from '@ragtrail/core';
import type { AppEnv, Ragtrail } from '../env.js';
import { callerOf } from '../http/caller.js';
import { route } from '../openapi.js';

/** Bearer tokens: the secret is shown once in the reply and stored only as a hash (admin only). */
export function tokenRoutes(api: OpenAPIHono<AppEnv>, rt: Ragtrail): void {
  route(api, { method: 'post', path: '/tokens', summary: 'Issue a token (admin); the secret is in this reply only', tag: 'access', body: IssueTokenInput, conditional: true, ok: { status: 201, description: '{ tokenId, token, name, role }' } },
    async (c) => c.json(await rt.issueToken(await c.req.json(), callerOf(c)), 201));
  route(api, { method: 'delete', path: '/tokens/:tokenId', summary: 'Revoke a token (admin)', tag: 'access', conditional: true, ok: { status: 200, description: '{ revoked }' } },
    async (c) => {
      const tokenId = c.req.param('tokenId')!;
      await rt.revokeToken(tokenId, callerOf(c));
      return c.json({ revoked: tokenId });
    });
}
