import { expect } from 'vitest';

/** Every object reachable from `value` is frozen, and every Map refuses writes (Object.freeze alone would not stop Map.set). */
export function expectDeeplyFrozen(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  expect(Object.isFrozen(value)).toBe(true);
  if (value instanceof Map) {
    expect(() => (value as Map<string, unknown>).set('x', null)).toThrow(TypeError);
    for (const child of value.values()) expectDeeplyFrozen(child, seen);
  } else for (const child of Object.values(value)) expectDeeplyFrozen(child, seen);
}
