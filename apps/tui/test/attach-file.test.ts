// ragtrail attach --file records the SHA-256 of a regular file, read as a stream, and refuses a
// device, a directory or a missing file with one line naming the flag.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRagtrail } from '@ragtrail/core';
import { runCli } from '../src/cli/program.js';
import { memoryStoreNamed } from '@ragtrail/stores';
import { sha256OfFile } from '../src/cli/commands/file-digest.js';
import { captureIo, seedPlan, steppingClock } from './fixtures.js';

const officer = ['--actor', 'Iqbal Vaza', '--role', 'officer'];
const attach = (store: string, file: string) =>
  ['attach', '--store', store, ...officer, '--plan', 'dev-plan', '--action', 'P1.1', '--title', 'Case file audit', '--kind', 'audit', '--observed-on', '2017-06-10', '--file', file];

describe('attach --file', () => {
  it('hashes a file larger than one read in pieces, to the digest of its bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-attach-'));
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 'evidence ');
    writeFileSync(join(dir, 'audit.pdf'), bytes);
    expect(await sha256OfFile(join(dir, 'audit.pdf'), '--file')).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('refuses /dev/zero, a directory and a missing file, naming --file, and records nothing', async () => {
    const url = `memory:${randomUUID()}`;
    const rt = createRagtrail({ store: memoryStoreNamed(url.slice('memory:'.length)), now: steppingClock() });
    await seedPlan(rt);
    const before = (await rt.history('dev-plan')).length;
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-attach-'));
    for (const [file, said] of [['/dev/zero', /--file \/dev\/zero: a character device, not a regular file/], [dir, /a directory, not a regular file/], [join(dir, 'nope.pdf'), /--file .*nope\.pdf: no such file/]] as const) {
      const c = captureIo({});
      const started = performance.now();
      expect(await runCli(attach(url, file), c.io)).toBe(1);
      expect(c.err()).toMatch(said);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
    expect((await rt.history('dev-plan')).length).toBe(before);
  });
});
