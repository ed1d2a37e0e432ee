import type { PoolClient } from 'pg';

/** Names of one store's objects inside its PostgreSQL schema (default `ragtrail`). */
export function namesFor(schema: string) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`PostgreSQL schema "${schema}": use lower-case letters, digits and _ (at most 63), starting with a letter or _`);
  return {
    schema,
    events: `"${schema}".events`,
    streams: `"${schema}".streams`,
    readModels: `"${schema}".read_models`,
    version: `"${schema}".schema_version`,
    /** LISTEN/NOTIFY channel that carries "something was appended" for this store. */
    channel: `ragtrail_${schema}`,
    /**
     * Advisory-lock key pair every append takes for the length of its transaction: a class number
     * for ragtrail and one for the schema, so two stores in one database do not serialise each other.
     */
    lock: [0x52414754, hash32(schema)] as const,
  };
}

export type Names = ReturnType<typeof namesFor>;

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * Ordered schema steps; `schema_version` says how many ran, so a newer library upgrades an older
 * store in place and an older library refuses a newer store. Data and actor are `json`, not `jsonb`:
 * `json` keeps the text exactly as appended, so what is read back is what was sealed.
 */
const migrations = (n: Names): readonly string[] => [
  `CREATE TABLE ${n.events} (
     position    bigint PRIMARY KEY,
     id          text NOT NULL UNIQUE,
     stream      text NOT NULL,
     revision    integer NOT NULL,
     recorded_at text NOT NULL,
     type        text NOT NULL,
     version     integer NOT NULL,
     data        json NOT NULL,
     actor       json NOT NULL,
     reason      text,
     prev_hash   text NOT NULL,
     hash        text NOT NULL,
     UNIQUE (stream, revision)
   );
   CREATE TABLE ${n.streams} (
     stream   text PRIMARY KEY,
     revision integer NOT NULL,
     created  bigint NOT NULL
   );
   CREATE INDEX streams_created ON ${n.streams} (created);`,
  // Read models beside the log (plan catalogue, snapshots): caches, each entry naming the stream
  // revision and event hash it covers; dropping the table loses nothing the log does not hold.
  `CREATE TABLE ${n.readModels} (
     model    text NOT NULL,
     key      text NOT NULL,
     value    text NOT NULL,
     revision integer NOT NULL,
     hash     text NOT NULL,
     PRIMARY KEY (model, key)
   );`,
];

export const SCHEMA_VERSION = 2;

/** Creates or upgrades the store's tables; the append lock keeps two processes opening at once apart. */
export async function migrate(client: PoolClient, n: Names): Promise<void> {
  const steps = migrations(n);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...n.lock]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${n.schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${n.version} (version integer NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${n.version}`);
    const current = rows[0]?.version ?? 0;
    if (current > steps.length)
      throw new Error(`The PostgreSQL store "${n.schema}" has schema version ${current}; this library knows up to ${steps.length}: upgrade @ragtrail/store-postgres`);
    for (let v = current; v < steps.length; v++) await client.query(steps[v]!);
    if (rows.length === 0) await client.query(`INSERT INTO ${n.version} (version) VALUES ($1)`, [steps.length]);
    else if (current < steps.length) await client.query(`UPDATE ${n.version} SET version = $1`, [steps.length]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
