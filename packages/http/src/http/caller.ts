import type { Caller } from '@ragtrail/core';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { DomainError } from '@ragtrail/core';
import { refusal } from '../problem.js';

/**
 * Who is asking and on what terms: the authenticated actor, the reason from `X-Reason`, and the
 * revision from `If-Match` (the ETag a read sent), which the core enforces without retrying.
 */
export function callerOf(c: Context<AppEnv>): Caller {
  const ifMatch = c.req.header('if-match');
  let expectedRevision: number | undefined;
  if (ifMatch !== undefined && ifMatch.trim() !== '*') {
    const bare = ifMatch.trim().replace(/^W\//, '').replace(/"/g, '');
    if (!/^-?\d+$/.test(bare)) {
      const p = refusal(400, 'If-Match', 'etag', 'If-Match must be an ETag a read of this plan sent, like "12"');
      throw new DomainError('invalid', p.detail, p.field, p.rule);
    }
    expectedRevision = Number(bare);
  }
  return { actor: c.get('actor'), reason: reasonOf(c.req.header('x-reason')), ...(expectedRevision !== undefined ? { expectedRevision } : {}) };
}

/** Headers carry Latin-1 only, so clients percent-encode other text; a stray "%" is kept as typed. */
function reasonOf(header: string | undefined): string | null {
  if (!header) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}
