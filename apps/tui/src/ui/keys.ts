import { useEffect, useRef, useState } from 'react';
import { useInput, useStdin, type Key } from 'ink';

/**
 * useInput, but only where raw mode exists (Ink throws on a stdin that is not a terminal), and one
 * key per render: keys that arrive together (a fast typist, a paste, key repeat, "↓ then enter")
 * are queued and each is handled after the render the previous one caused, so a handler always
 * reads the state its earlier keys produced rather than a stale copy.
 */
export function useKeys(handler: (input: string, key: Key) => void, active = true): void {
  const { isRawModeSupported } = useStdin();
  const queue = useRef<[string, Key][]>([]);
  const latest = useRef(handler);
  latest.current = handler;
  const [, rerender] = useState(0);
  useInput((input, key) => {
    queue.current.push([input, key]);
    rerender((n) => n + 1);
  }, { isActive: active && isRawModeSupported === true });
  useEffect(() => {
    const next = queue.current.shift();
    if (!next) return;
    latest.current(next[0], next[1]);
    if (queue.current.length > 0) rerender((n) => n + 1);
  });
}

export const isDown = (input: string, key: Key): boolean => key.downArrow || input === 'j';
export const isUp = (input: string, key: Key): boolean => key.upArrow || input === 'k';
