/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value, byte for byte what the `canonicalize`
 * package gives (a property test holds the two together, so every hash already in a log still
 * verifies). Written here because hashing is on the path of every event appended and every event
 * folded, and the package scans each string one character at a time in JavaScript to refuse lone
 * surrogates, and builds an array and a joined string per object; `isWellFormed` does the scan
 * natively and the text is built by appending. Same refusals: NaN, Infinity, lone surrogates, cycles.
 */
export function canonicalJson(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  return write(value, undefined);
}

// ES2024's String.prototype.isWellFormed (Node 20 has it; the project's TypeScript lib is ES2023).
type WellFormed = { isWellFormed(): boolean };

function text(value: string): string {
  if (!(value as unknown as WellFormed).isWellFormed()) throw new Error('Lone surrogate is not allowed');
  return JSON.stringify(value);
}

// Member names repeat on every event (the envelope's and each schema's): their text is kept, up to a
// bound, so data with ever-new names cannot grow it without limit.
const names = new Map<string, string>();
function name(key: string): string {
  let written = names.get(key);
  if (written === undefined) {
    written = text(key);
    if (names.size >= 4096) names.clear();
    names.set(key, written);
  }
  return written;
}

// Array items that JSON cannot hold: undefined and symbols become null, as in JSON.stringify; a
// function leaves an empty slot, as the package's join does (no event holds either).
const item = (value: unknown, seen: Set<object> | undefined): string =>
  value === undefined || typeof value === 'symbol' ? 'null' : typeof value === 'function' ? '' : write(value, seen);

/**
 * Sorts member names in place by UTF-16 code units (the RFC's order, section 3.2.3, and what `<`
 * compares). An event's objects have a handful of names: insertion sort allocates nothing, where
 * `Array.prototype.sort` was an eighth of an import's allocation.
 */
function sortNames(names: string[]): string[] {
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!;
    let j = i - 1;
    for (; j >= 0 && names[j]! > name; j--) names[j + 1] = names[j]!;
    names[j + 1] = name;
  }
  return names;
}

// `seen` (for refusing cycles) is made at the first object: most values hashed are strings and numbers.
function write(value: unknown, seen: Set<object> | undefined): string {
  switch (typeof value) {
    case 'string':
      return text(value);
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      // ECMAScript's Number-to-String is the RFC's number form (RFC 8785 section 3.2.2.3).
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      // A bigint throws as JSON.stringify does; functions reach here only as object members (skipped there).
      return JSON.stringify(value) as string;
  }
  if (value === null) return 'null';
  seen ??= new Set();
  if (seen.has(value)) throw new Error('Circular reference detected');
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    seen.add(value);
    const result = write(toJSON.call(value), seen);
    seen.delete(value);
    return result;
  }
  seen.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + item(value[i], seen);
    out += ']';
  } else {
    const record = value as Record<string, unknown>;
    const keys = sortNames(Object.keys(record));
    out = '{';
    let first = true;
    for (const key of keys) {
      const member = record[key];
      if (member === undefined || typeof member === 'symbol') continue;
      out += (first ? '' : ',') + name(key) + ':' + write(member, seen);
      first = false;
    }
    out += '}';
  }
  seen.delete(value);
  return out;
}
