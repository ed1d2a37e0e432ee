// Tampering with a SQLite store as someone holding the database file would, each case after a
// checkpoint was taken: every change is caught by `ragtrail verify --checkpoint` (and by plain
// `verify`, through the chains, the stream list or the store's own checkpoints), and named.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashEvent } from '../../packages/core/src/chain/hash-chain.js';
import { ragtrail as run } from '../../apps/tui/test/child.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// better-sqlite3 is the SQLite store's dependency: reach it through that package, as the store does.
const Database = createRequire(join(root, 'packages/store-sqlite/package.json'))('better-sqlite3') as typeof import('better-sqlite3');
const deadlineMs = 600_000;
const base = mkdtempSync(join(tmpdir(), 'ragtrail-tamper-'));
const plan = 'tp';

const cli = (db: string, ...args: string[]) => run(args, { RAGTRAIL_STORE: `sqlite:${db}` });
async function ok(db: string, ...args: string[]): Promise<string> {
  const r = await cli(db, ...args);
  expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
  return r.out;
}

type Row = { position: number; id: string; stream: string; revision: number; recorded_at: string; type: string; version: number; data: string; actor: string; reason: string | null; prev_hash: string; hash: string };
const rowsOf = (db: InstanceType<typeof Database>, stream: string) => db.prepare('SELECT * FROM events WHERE stream = ? ORDER BY revision').all(stream) as Row[];
const rehash = (r: Row) => hashEvent({ id: r.id, stream: r.stream, revision: r.revision, recordedAt: r.recorded_at, type: r.type, version: r.version, data: JSON.parse(r.data), actor: JSON.parse(r.actor), reason: r.reason, prevHash: r.prev_hash });

/** A copy of the prepared store (and its key), for one case to damage. */
function copyStore(name: string): string {
  const db = join(base, `${name}.db`);
  copyFileSync(join(base, 'base.db'), db);
  copyFileSync(join(base, 'base.db.key'), `${db}.key`);
  return db;
}
function tamper(path: string, change: (db: InstanceType<typeof Database>) => void): void {
  const db = new Database(path);
  try {
    db.transaction(() => change(db))();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const db = join(base, 'base.db');
  const as = (who: string) => ['--actor', who];
  await ok(db, ...as('Ann:admin'), 'plan', 'create', '--title', 'Tamper plan', '--organisation', 'Council', '--id', plan);
  await ok(db, ...as('Ann:admin'), 'action', 'add', '--plan', plan, '--ref', 'A1', '--title', 'First action');
  await ok(db, ...as('Ann:admin'), 'action', 'add', '--plan', plan, '--ref', 'A2', '--title', 'Second action');
  await ok(db, ...as('Rae:reviewer'), 'review', 'open', '--plan', plan, '--period', '2017-04', '--reviewer', 'Rae');
  await ok(db, ...as('Olu:officer'), 'record', '--plan', plan, '--action', 'A1', '--period', '2017-04', '--score', '2');
  await ok(db, ...as('Olu:officer'), 'record', '--plan', plan, '--action', 'A2', '--period', '2017-04', '--score', '3');
  await ok(db, ...as('Ann:admin'), 'token', 'create', '--name', 'Viewer', '--role', 'viewer');
  await ok(db, ...as('Bea:board'), 'review', 'sign-off', '--plan', plan, '--period', '2017-04');
  await ok(db, 'checkpoint', '--out', join(base, 'checkpoint.txt'));
  writeFileSync(join(base, 'key.txt'), await ok(db, 'key', 'show'));
}, deadlineMs);
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Both checks fail, and each names what broke. */
async function expectCaught(db: string, named: { checkpoint: RegExp; verify: RegExp }): Promise<void> {
  const held = await cli(db, 'verify', '--checkpoint', join(base, 'checkpoint.txt'));
  expect(held.code, held.out + held.err).toBe(1);
  expect(held.out + held.err).toMatch(named.checkpoint);
  const plain = await cli(db, 'verify');
  expect(plain.code, plain.out + plain.err).toBe(1);
  expect(plain.out + plain.err).toMatch(named.verify);
}

describe('tampering with the database file, after a checkpoint', () => {
  it('the untouched copy verifies both ways', async () => {
    const db = copyStore('clean');
    expect(await ok(db, 'verify', '--checkpoint', join(base, 'checkpoint.txt'))).toMatch(/extends, unchanged, the checkpoint of \d+ events/);
    expect(await ok(db, 'verify')).toMatch(/Every chain holds/);
  }, deadlineMs);

  it('an edited score', async () => {
    const db = copyStore('edit');
    tamper(db, (d) => d.prepare("UPDATE events SET data = json_set(data, '$.score', 4) WHERE stream = 'plan-tp' AND type = 'EntryRecorded' AND revision = 4").run());
    await expectCaught(db, { checkpoint: /plan-tp at revision 4 no longer matches them[\s\S]*First event that differs: plan-tp at revision 4 .*hash-mismatch/, verify: /plan-tp at revision 4 .*hash-mismatch/ });
  }, deadlineMs);

  it('an event deleted from the middle', async () => {
    const db = copyStore('delete-middle');
    tamper(db, (d) => d.prepare("DELETE FROM events WHERE stream = 'plan-tp' AND revision = 2").run());
    await expectCaught(db, { checkpoint: /no longer hash to the root[\s\S]*plan-tp at revision 3 .*revision-gap/, verify: /plan-tp at revision 3 .*revision-gap/ });
  }, deadlineMs);

  it("the plan's last event deleted, its chain still whole", async () => {
    const db = copyStore('delete-last');
    tamper(db, (d) => {
      d.prepare("DELETE FROM events WHERE stream = 'plan-tp' AND revision = 6").run();
      d.prepare("UPDATE streams SET revision = 5 WHERE stream = 'plan-tp'").run();
    });
    await expectCaught(db, { checkpoint: /no longer hash to the root/, verify: /store's own checkpoint of \d+ events.*no longer hash/ });
  }, deadlineMs);

  it("a plan's row deleted from the streams table", async () => {
    const db = copyStore('delete-stream-row');
    tamper(db, (d) => d.prepare("DELETE FROM streams WHERE stream = 'plan-tp'").run());
    const held = await cli(db, 'verify', '--checkpoint', join(base, 'checkpoint.txt'));
    // The events themselves are intact, so the checkpoint holds; the stream list no longer matches them.
    expect(held.code).toBe(0);
    const plain = await cli(db, 'verify');
    expect(plain.code).toBe(1);
    expect(plain.out + plain.err).toMatch(/plan-tp has events in the log but is missing from the store's list of streams/);
  }, deadlineMs);

  it('two events swapped in the global order', async () => {
    const db = copyStore('swap');
    tamper(db, (d) => {
      const token = d.prepare("SELECT position FROM events WHERE stream = 'access'").get() as { position: number };
      const entry = d.prepare("SELECT position FROM events WHERE stream = 'plan-tp' AND revision = 5").get() as { position: number };
      d.prepare('UPDATE events SET position = -1 WHERE position = ?').run(token.position);
      d.prepare('UPDATE events SET position = ? WHERE position = ?').run(token.position, entry.position);
      d.prepare('UPDATE events SET position = ? WHERE position = -1').run(entry.position);
    });
    await expectCaught(db, { checkpoint: /no longer hash to the root/, verify: /store's own checkpoint.*no longer hash to the root/ });
  }, deadlineMs);

  it('an edited score with the rest of the chain re-hashed', async () => {
    const db = copyStore('rehash');
    tamper(db, (d) => {
      let prev: string | null = null;
      for (const r of rowsOf(d, 'plan-tp')) {
        if (r.revision === 4) r.data = JSON.stringify({ ...JSON.parse(r.data), score: 4 });
        if (prev !== null) r.prev_hash = prev;
        r.hash = rehash(r);
        d.prepare('UPDATE events SET data = ?, prev_hash = ?, hash = ? WHERE id = ?').run(r.data, r.prev_hash, r.hash, r.id);
        prev = r.hash;
      }
    });
    await expectCaught(db, { checkpoint: /first \d+ events of the log no longer hash to the root/, verify: /store's own checkpoint.*no longer hash to the root/ });
  }, deadlineMs);

  it('a viewer token edited into an admin one in the access stream', async () => {
    const db = copyStore('access');
    tamper(db, (d) => d.prepare("UPDATE events SET data = json_set(data, '$.role', 'admin') WHERE stream = 'access' AND type = 'TokenIssued'").run());
    await expectCaught(db, { checkpoint: /access at revision 0 no longer matches them[\s\S]*First event that differs: access at revision 0 .*hash-mismatch/, verify: /access at revision 0 .*hash-mismatch/ });
  }, deadlineMs);
});

describe("a board report's checkpoint", () => {
  it('still holds after the log grows, checked by ragtrail and by the verifier alone', async () => {
    const db = copyStore('report');
    const report = join(base, 'report.md');
    await ok(db, 'report', 'board', '--plan', plan, '--format', 'md', '--out', report);
    await ok(db, '--actor', 'Rae:reviewer', 'review', 'open', '--plan', plan, '--period', '2017-05', '--reviewer', 'Rae');
    expect(await ok(db, 'verify', '--checkpoint', report)).toMatch(/extends, unchanged, the checkpoint/);
    const proof = join(base, 'consistency.json');
    await ok(db, 'proof', '--from', report, '--out', proof);
    const verifier = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      import('node:child_process').then(({ execFile }) =>
        execFile(process.execPath, ['--import', 'tsx', join(root, 'packages/verifier/src/bin.ts'), '--key', join(base, 'key.txt'), '--from-checkpoint', report, '--proof', proof], { cwd: root }, (error, out) =>
          error && typeof error.code !== 'number' ? reject(error) : resolve({ code: error ? (error.code as number) : 0, out })),
      );
    });
    expect(verifier.code, verifier.out).toBe(0);
    expect(verifier.out).toMatch(/^yes: the log of \d+ events extends, unchanged, the log of \d+ events/m);
    // The same report against a log cut below its checkpoint: refused, naming the shortfall.
    const cut = copyStore('report-cut');
    tamper(cut, (d) => d.prepare('DELETE FROM events WHERE position > 3').run());
    const refused = await cli(cut, 'verify', '--checkpoint', report);
    expect(refused.code).toBe(1);
    expect(refused.out + refused.err).toMatch(/the log has 3 events but the checkpoint of .* covers \d+: events were removed/);
  }, deadlineMs);
});
