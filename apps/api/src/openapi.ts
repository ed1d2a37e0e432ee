import { commandSchemas } from '@ragtrail/core';
import { z } from 'zod';

/** The OpenAPI 3.1 document, with request bodies taken from the core's own command schemas. */
export function openApiDocument() {
  const bearer = [{ bearer: [] }];
  const problem = { description: 'Problem (RFC 9457)', content: { 'application/problem+json': { schema: { type: 'object' } } } };
  const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 412: problem, 413: problem, 422: problem };
  const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });
  const paths: Record<string, unknown> = {
    '/api/plans': {
      get: { summary: 'List active plans', security: bearer, responses: { 200: { description: 'Plans' }, ...errors } },
      post: { summary: 'Create a plan', security: bearer, requestBody: body(commandSchemas.CreatePlan), responses: { 201: { description: 'Created' }, ...errors } },
    },
  };
  for (const [type, schema] of Object.entries(commandSchemas)) {
    if (type === 'CreatePlan') continue;
    paths[`/api/plans/{planId}/commands/${type}`] = {
      post: {
        summary: type, security: bearer, requestBody: body(schema),
        parameters: [{ name: 'planId', in: 'path', required: true, schema: { type: 'string' } }, { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } }],
        responses: { 201: { description: 'Events recorded' }, ...errors },
      },
    };
  }
  const read = (summary: string) => ({
    get: {
      summary, security: bearer,
      parameters: [{ name: 'planId', in: 'path', required: true, schema: { type: 'string' } }, { name: 'period', in: 'query', schema: { type: 'string' } }, { name: 'asOf', in: 'query', schema: { type: 'string', format: 'date-time' } }],
      responses: { 200: { description: summary }, ...errors },
    },
  });
  for (const [path, summary] of [['', 'Plan state'], ['/summary', 'RAG summary'], ['/exceptions', 'Exceptions'], ['/evidence', 'Evidence of sustained improvement'], ['/audit', 'Audit trail (offset, limit)'], ['/events', 'Live events (server-sent events)']] as const)
    paths[`/api/plans/{planId}${path}`] = read(summary);
  return {
    openapi: '3.1.0', info: { title: 'ragtrail', version: '0.1.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }, paths,
  };
}
