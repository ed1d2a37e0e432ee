import type { OpenAPIHono } from '@hono/zod-openapi';
import { parseInput } from '@ragtrail/core';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ragtrail } from '../env.js';
import { route } from '../openapi.js';

const CheckpointQuery = z.object({
  asOf: z.iso.datetime({ offset: true }).optional().describe('the log as it stood at this moment (events recorded at or before it); signed now'),
  format: z.enum(['json', 'text']).optional().describe('text: the signed checkpoint itself, as ragtrail-verify --checkpoint reads it'),
});
const ProofQuery = z.object({
  revision: z.string().regex(/^\d+$/, 'must be a whole number').describe("the event's revision in the plan"),
});

const queryOf = <S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.infer<S> => parseInput(schema, c.req.query(), 'query');

/** Signed checkpoints, the log's public key and inclusion proofs (docs/integrity.md); reading them writes nothing but, once, the key. */
export function integrityRoutes(api: OpenAPIHono<AppEnv>, rt: Ragtrail): void {
  route(api, { method: 'get', path: '/checkpoint', summary: "The log's signed head now (or as it stood at asOf): a C2SP checkpoint", tag: 'integrity', query: CheckpointQuery, ok: { status: 200, description: '{ origin, treeSize, rootHash, note, asOf? }, or the note as text/plain with format=text' } },
    async (c) => {
      const q = queryOf(c, CheckpointQuery);
      const signed = await rt.checkpoint(q.asOf === undefined ? {} : { asOf: new Date(q.asOf).toISOString() });
      if (q.format === 'text') return c.text(signed.note);
      return c.json(signed);
    });

  route(api, { method: 'get', path: '/key', summary: "The log's public signing key (verifierKey is what ragtrail-verify --key takes)", tag: 'integrity', ok: { status: 200, description: '{ name, keyId, publicKey, verifierKey }' } },
    async (c) => c.json(await rt.publicKey()));

  route(api, { method: 'get', path: '/plans/:planId/proof', summary: 'An inclusion proof that one event of the plan is in the log, with a signed checkpoint', tag: 'integrity', query: ProofQuery, ok: { status: 200, description: 'the proof JSON ragtrail-verify --proof reads, with the event' } },
    async (c) => {
      const q = queryOf(c, ProofQuery);
      return c.json(await rt.proof(c.req.param('planId')!, Number(q.revision)));
    });
}
