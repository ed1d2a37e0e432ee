import { stripVTControlCharacters } from 'node:util';

/** The pause between two looks at a condition while polling; never a wait for something to have happened. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long a test waits for a screen before it fails. Generous on purpose: on a busy machine a render
 * can take seconds, and a slow pass is better than a false failure. A screen that never comes still
 * fails, with the last screen in the message.
 */
export const screenDeadlineMs = 45_000;

/** Polls until `holds` returns true; fails naming `what` (and what `describe` says of the state) when the deadline passes. */
export async function waitFor(holds: () => boolean, what: string, describe: () => string = () => '', timeoutMs = screenDeadlineMs): Promise<void> {
  const start = Date.now();
  while (!holds()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${describe()}`);
    await sleep(15);
  }
}

type Expected = string | RegExp;

/**
 * Waits until one screen shows everything expected (a screen still loading may show a part); fails
 * with the last screen when it never does.
 */
export async function until(frame: () => string, expected: Expected | Expected[], timeoutMs = screenDeadlineMs): Promise<string> {
  const all = Array.isArray(expected) ? expected : [expected];
  let text = '';
  const shows = () => {
    text = frame(); // a frame() that throws (e.g. too wide) fails at once
    return all.every((e) => (typeof e === 'string' ? text.includes(e) : e.test(text)));
  };
  await waitFor(shows, all.map(String).join(' and '), () => `; the screen shows:\n${text}`, timeoutMs);
  return text;
}

/** The test stdin ink-testing-library hands the app: Ink listens on it for "readable" while it takes keys. */
type TestStdin = { listenerCount(event: string): number; write(data: string): void };

/**
 * Waits until the app listens for keys. Ink subscribes to stdin in an effect after the first render
 * commits, so a key written before then is lost; after the app quits it stops listening.
 */
export const listening = (stdin: TestStdin) => waitFor(() => stdin.listenerCount('readable') > 0, 'the app to listen for keys');
export const stoppedListening = (stdin: TestStdin) => waitFor(() => stdin.listenerCount('readable') === 0, 'the app to stop listening for keys');

/**
 * Lets the work already queued run before the next key is written: Ink renders on a legacy React
 * root, whose effects (among them the subscription of a screen's key handler) run in a task queued
 * after the commit that drew the screen. A few turns of the event loop, not a timed pause.
 */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** Writes keys one at a time, each after the app listens and the previous key's work has run. */
export async function pressKeys(stdin: TestStdin, ...sequence: string[]): Promise<void> {
  for (const key of sequence) {
    await listening(stdin);
    await settle();
    stdin.write(key);
    await settle();
  }
}

export const plain = (frame: string | undefined): string => stripVTControlCharacters(frame ?? '');

/**
 * The app's last frame as plain text, for tests to read; it throws when a row is wider than 80
 * columns or, given a height, when there are more rows: every screen must fit the terminal.
 */
export function fittingFrame(app: { lastFrame(): string | undefined }, height?: number): () => string {
  return () => {
    const text = plain(app.lastFrame());
    const rows = text.split('\n');
    if (rows.some((row) => row.length > 80) || (height !== undefined && rows.length > height))
      throw new Error(`The screen does not fit 80x${height ?? 'any'}:\n${text}`);
    return text;
  };
}

export const keys = { enter: '\r', escape: '\u001B', up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', tab: '\t', backspace: '\u007F' };
