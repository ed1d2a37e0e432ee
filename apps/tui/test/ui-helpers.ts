import { stripVTControlCharacters } from 'node:util';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the screen shows what is expected; fails with the last screen when it never does. */
export async function until(frame: () => string, expected: string | RegExp, timeoutMs = 8000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const text = frame(); // a frame() that throws (e.g. too wide) fails at once
    if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${String(expected)}; the screen shows:\n${text}`);
    await sleep(15);
  }
}

export const plain = (frame: string | undefined): string => stripVTControlCharacters(frame ?? '');

export const keys = { enter: '\r', escape: '\u001B', up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', tab: '\t', backspace: '\u007F' };
