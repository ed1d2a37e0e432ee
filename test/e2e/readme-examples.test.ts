// The README's "Everyday use" block, run literally: each line through the real command line as a
// child process, on a fresh SQLite store after `ragtrail demo`, in a folder of its own so the files
// the examples write land there. A README example that stops working fails here.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ragtrail as run } from '../../apps/tui/test/child.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ragtrail-readme-'));
const store = `sqlite:${join(dir, 'data', 'ragtrail.db')}`;
const deadlineMs = 600_000;

/** Splits a shell line into words the way sh would for these examples: double quotes group, `#` starts a comment. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quoted = false;
  for (const ch of line) {
    if (quoted) {
      if (ch === '"') quoted = false;
      else word += ch;
    } else if (ch === '"') {
      quoted = true;
      word ??= '';
    } else if (ch === '#' && word === null) break;
    else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + ch;
  }
  if (word !== null) words.push(word);
  return words;
}

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const block = /## Everyday use\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const lines = block.split('\n').map((l) => l.trim()).filter((l) => l !== '');

const ragtrail = (args: string[]) => run(args, { RAGTRAIL_STORE: store }, dir);

const results = new Map<string, { code: number | null; out: string; err: string }>();

beforeAll(async () => {
  const demo = await ragtrail(['demo']);
  expect(demo.code, demo.err).toBe(0);
  for (const line of lines) {
    const [pnpm, command, ...args] = shellWords(line);
    if (pnpm !== 'pnpm' || command !== 'ragtrail') continue;
    results.set(line, await ragtrail(args));
  }
}, deadlineMs);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the README's everyday examples, run as written", () => {
  it('has a block of examples, every line a pnpm command', () => {
    expect(lines.length).toBeGreaterThan(8);
    expect(lines.every((l) => l.startsWith('pnpm '))).toBe(true);
    // Only the benchmarks are not run here: minutes of work, run by `pnpm bench` itself.
    expect(lines.filter((l) => !l.startsWith('pnpm ragtrail '))).toEqual([expect.stringMatching(/^pnpm bench\b/)]);
  });

  it.each(lines.filter((l) => l.startsWith('pnpm ragtrail ') && !/^pnpm ragtrail tui\b/.test(l)))('%s', (line) => {
    const r = results.get(line)!;
    expect(r.code, r.err).toBe(0);
    const text = r.out + r.err;
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text).not.toMatch(/undefined|NaN|\[object Object\]|\n\s+at /);
  });

  it('the terminal UI, outside a terminal, says what it needs and what to run instead', () => {
    const r = [...results].find(([line]) => /^pnpm ragtrail tui\b/.test(line))![1];
    expect(r.code).toBe(1);
    expect(r.err).toContain('needs an interactive terminal');
    expect(r.err).toContain('ragtrail summary');
  });

  it("shows the board's April view before the correction of 16 May, and the corrected one now", () => {
    const now = results.get(lines.find((l) => /summary --plan thurrock-ofsted-tracker-2016-17 --period 2017-04\s*(#|$)/.test(l))!)!.out;
    const then = results.get(lines.find((l) => /summary .*--as-of 2017-05-10/.test(l))!)!.out;
    expect(then).toContain('signed off');
    expect(now).not.toEqual(then);
  });

  it('writes the files the examples name', () => {
    expect(readFileSync(join(dir, 'audit.csv'), 'utf8').split('\n').length).toBeGreaterThan(20);
    expect(readFileSync(join(dir, 'board.html'), 'utf8')).toMatch(/<html[\s\S]*Ofsted improvement plan/);
    expect(existsSync(join(dir, 'board-then.md'))).toBe(true);
    expect(readFileSync(join(dir, 'scrutiny.md'), 'utf8')).toContain('better than statistical neighbours');
  });
});
