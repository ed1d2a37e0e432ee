import { useInput, useStdin, type Key } from 'ink';

/** useInput, but only where raw mode exists: Ink throws on a stdin that is not a terminal. */
export function useKeys(handler: (input: string, key: Key) => void, active = true): void {
  const { isRawModeSupported } = useStdin();
  useInput(handler, { isActive: active && isRawModeSupported === true });
}

export const isDown = (input: string, key: Key): boolean => key.downArrow || input === 'j';
export const isUp = (input: string, key: Key): boolean => key.upArrow || input === 'k';
