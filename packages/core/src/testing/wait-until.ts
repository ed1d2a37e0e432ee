import { vi } from 'vitest';

/**
 * Waits until `check` holds, checking it every `interval` ms, and fails naming `what` it waited
 * for. Tests wait for the condition they depend on, never for a fixed time: on a busy machine any
 * fixed time is sometimes too short, so the default deadline is generous.
 */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  { timeout = 30_000, interval = 10 }: { timeout?: number; interval?: number } = {},
): Promise<void> {
  const started = Date.now();
  try {
    await vi.waitUntil(check, { timeout, interval });
  } catch (error) {
    // Before the deadline the check itself threw: that error says more than a timeout would.
    if (Date.now() - started < timeout) throw error;
    throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
  }
}
