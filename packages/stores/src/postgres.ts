import { invalid, type EventStore } from '@ragtrail/core';

/** Errors that mean "this server, database or login is wrong", not a bug: the person's to fix. */
const UNREACHABLE = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'];
const REFUSED_LOGIN = ['28P01', '28000', '3D000']; // bad password, no such role / not allowed, no such database

/**
 * `postgres://user:password@host:5432/database?schema=NAME` (or `postgresql://`). `schema` picks the
 * PostgreSQL schema holding the tables (default `ragtrail`); every other parameter goes to the client.
 */
export async function openPostgres(url: string): Promise<EventStore> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('store', 'postgres-url', `"${url}" is not a URL: use postgres://USER:PASSWORD@HOST:5432/DATABASE`);
  }
  if (!parsed.hostname) throw invalid('store', 'postgres-url-host', `"${url}": a PostgreSQL URL needs a host, e.g. postgres://ragtrail@localhost:5432/ragtrail`);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw invalid('store', 'postgres-url-schema', `schema=${schema}: a schema name is lower-case letters, digits and _ (at most 63), starting with a letter or _`);
  parsed.searchParams.delete('schema');
  // Where it is, without the password, for messages.
  const where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  const { createPostgresStore } = await import('@ragtrail/store-postgres');
  try {
    return await createPostgresStore({ connectionString: parsed.toString(), ...(schema ? { schema } : {}) });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (UNREACHABLE.includes(code) || /timeout/i.test((error as Error).message))
      throw invalid('store', 'postgres-reachable', `Cannot reach the PostgreSQL store at ${where} (${(error as Error).message}): check the host and port and that the server runs`);
    if (REFUSED_LOGIN.includes(code))
      throw invalid('store', 'postgres-login', `The PostgreSQL server at ${where} refused the login (${(error as Error).message}): check the user, password and database name`);
    throw error;
  }
}
