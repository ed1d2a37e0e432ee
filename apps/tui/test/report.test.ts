import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRagtrail } from '@ragtrail/core';
import { runCli } from '../src/cli/program.js';
import { memoryStoreNamed } from '@ragtrail/stores';
import { ragtrail } from './child.js';
import { captureIo, seedPlan, steppingClock } from './fixtures.js';

async function run(args: string[]) {
  const c = captureIo();
  const code = await runCli(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

const outDir = () => mkdtempSync(join(tmpdir(), 'ragtrail-report-'));

describe('ragtrail report, in-process', () => {
  it('writes the board report and the evidence pack in md, html and xlsx, as known at a moment when asked', async () => {
    const name = randomUUID();
    await seedPlan(createRagtrail({ store: memoryStoreNamed(name), now: steppingClock() }));
    const store = `memory:${name}`;
    const dir = outDir();
    for (const kind of ['board', 'evidence'])
      for (const format of ['md', 'html', 'xlsx']) {
        const out = join(dir, `${kind}.${format}`);
        const r = await run(['report', kind, '--store', store, '--plan', 'dev-plan', '--period', '2017-05', '--format', format, '--out', out, '--json']);
        expect(r.code, `${kind} ${format}: ${r.err}`).toBe(0);
        expect(JSON.parse(r.out)).toMatchObject({ out, fileName: `dev-plan-${kind}-2017-05.${format}` });
      }
    expect(readFileSync(join(dir, 'board.md'), 'utf8')).toContain('Development Plan 2017-19');
    // April as the board saw it before May's review was opened: the May figures are not there yet.
    const asOf = join(dir, 'april.md');
    const r = await run(['report', 'board', '--store', store, '--plan', 'dev-plan', '--period', '2017-04', '--as-of', '2017-04-01T09:12:30Z', '--format', 'md', '--out', asOf]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Wrote ${asOf}`);
    expect(readFileSync(asOf, 'utf8')).not.toContain('Agency staff 39');
  });

  it('exits 1 with one line for an unknown plan, 2 for a format it does not make', async () => {
    const missing = await run(['report', 'board', '--store', 'memory:', '--plan', 'nope', '--format', 'md', '--out', join(outDir(), 'x.md')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('ragtrail: No plan nope: list plans to see their ids\n');
    const badFormat = await run(['report', 'evidence', '--store', 'memory:', '--plan', 'p', '--format', 'docx', '--out', 'x.docx']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toContain('Allowed choices are md, html, xlsx, pdf');
  });
});

describe('ragtrail report, as a child process', () => {
  it('renders the demo plan board report from a SQLite store', async () => {
    const dir = outDir();
    const env = { RAGTRAIL_STORE: `sqlite:${join(dir, 'ragtrail.db')}` };
    expect((await ragtrail(['demo'], env)).code).toBe(0);
    const out = join(dir, 'board.html');
    const r = await ragtrail(['report', 'board', '--plan', 'thurrock-development-plan-2017-19', '--format', 'html', '--out', out, '--json'], env);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ out, contentType: 'text/html; charset=utf-8' });
    expect(readFileSync(out, 'utf8')).toContain('<html');
  }, 180_000);
});
