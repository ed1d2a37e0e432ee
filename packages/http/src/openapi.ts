import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Handler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './env.js';
import { authorise, authorityOf } from './http/authority.js';
import { limitBody } from './middleware/body-limit.js';

const problemResponse = { description: 'Problem (RFC 9457): `field` and `rule` name what to fix', content: { 'application/problem+json': { schema: z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string(), field: z.string().optional(), rule: z.string().optional() }) } } };

export interface RouteSpec {
  method: 'get' | 'post' | 'delete';
  /** Hono path below /api, e.g. `/plans/:planId/summary`. */
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  /** Path parameters with a narrower schema than a string (an enum of report kinds). */
  params?: Record<string, z.ZodType>;
  /** JSON body schema, or a raw media type for file uploads. */
  body?: z.ZodType | { mediaType: string; description: string };
  ok: { status: 200 | 201; description: string; mediaType?: string };
  /** Mutating routes honour If-Match and X-Reason. */
  conditional?: boolean;
  /** Reads that answer If-None-Match with 304 when the ETag (the plan's revision) matches. */
  cacheable?: boolean;
  public?: boolean;
}

const toOpenApiPath = (path: string) => `/api${path.replace(/:(\w+)/g, '{$1}')}`;
const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/**
 * Registers a route and its OpenAPI entry in one call, from the same zod schemas the core and the
 * handler use, so the document cannot drift from what the app serves.
 */
export function route(api: OpenAPIHono<AppEnv>, spec: RouteSpec, handler: Handler<AppEnv>): void {
  const params = pathParams(spec.path);
  const authority = authorityOf(spec.method, spec.path);
  const headers = spec.conditional
    ? z.object({
        'if-match': z.string().optional().describe('the ETag of your last read: refuse with 412 if the plan moved on'),
        'x-reason': z.string().optional().describe('why (percent-encoded); required by some rules, e.g. corrections'),
      })
    : undefined;
  const body = spec.body === undefined ? undefined
    : spec.body instanceof z.ZodType
      ? { required: true, content: { 'application/json': { schema: spec.body } } }
      : { required: true, description: spec.body.description, content: { [spec.body.mediaType]: { schema: z.string().describe(spec.body.description) } } };
  const config: RouteConfig = {
    method: spec.method, path: toOpenApiPath(spec.path), summary: spec.summary, tags: [spec.tag],
    ...(spec.public ? {} : { security: [{ bearer: [] }] }),
    // The roles this route admits, from the core's permission table (checked before any body is read).
    'x-ragtrail-roles': [...authority.roles],
    request: {
      ...(params.length ? { params: z.object(Object.fromEntries(params.map((p) => [p, spec.params?.[p] ?? z.string()]))) } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(headers ? { headers } : {}),
      ...(body ? { body } : {}),
    },
    responses: {
      [spec.ok.status]: { description: spec.ok.description, ...(spec.ok.mediaType ? { content: { [spec.ok.mediaType]: { schema: z.string() } } } : {}) },
      ...(spec.cacheable ? { 304: { description: 'Not modified: If-None-Match named the current ETag; no body' } } : {}),
      400: problemResponse, 401: problemResponse, 403: problemResponse, 404: problemResponse,
      ...(spec.method === 'get' ? {} : { 409: problemResponse, 412: problemResponse, 413: problemResponse, 422: problemResponse }),
    },
  };
  api.openAPIRegistry.registerPath(config);
  // Role first, then the body limit, then the handler: nothing reads a body the caller may not send.
  const limit = spec.body === undefined ? [] : [limitBody(spec.body instanceof z.ZodType ? 'json' : 'upload')];
  api.on(spec.method.toUpperCase(), spec.path, authorise(authority), ...limit, handler);
}

/** The OpenAPI 3.1 document of every route registered through `route`. */
export function openApiDocument(api: OpenAPIHono<AppEnv>): ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']> {
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'a token from `ragtrail token create` or POST /api/tokens' });
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'ragtrail', version: '0.1.0', description: 'Improvement plans as an immutable event log: commands, RAG summaries, audit trail, evidence.' },
  });
}
