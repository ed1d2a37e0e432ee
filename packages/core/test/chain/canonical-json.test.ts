import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/chain/canonical-json.js';
import { createHash } from 'node:crypto';
import { hashEvent } from '../../src/chain/hash-chain.js';
import { sealedEvents } from '../../src/testing/index.js';

/** Either the text, or the fact that it was refused (the two must refuse the same inputs). */
const outcome = (f: (v: unknown) => string | undefined, value: unknown) => {
  try {
    return { text: f(value) };
  } catch {
    return { refused: true };
  }
};

// Strings of any UTF-16 code units, lone surrogates included, as keys and as values.
const anyText = fc.string({ unit: 'binary' });
const anyJsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('canonical JSON for the hash chain', () => {
  it('gives exactly the text the canonicalize package gives, and refuses what it refuses', () => {
    fc.assert(fc.property(anyJsonish, (value) => {
      expect(outcome(canonicalJson, value)).toEqual(outcome(canonicalize, value));
    }), { numRuns: 2000 });
  });

  it('gives the same text for every JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }), { numRuns: 1000 });
  });

  it("writes RFC 8785's own example as the RFC does", () => {
    const input = JSON.parse('{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}');
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('refuses a lone surrogate, NaN, Infinity and a cycle', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const bad of [{ a: '\uD800' }, { ['\uDC00']: 1 }, [Number.NaN], { n: Infinity }, cycle]) expect(() => canonicalJson(bad)).toThrow();
  });

  it('keeps the hash of every event as the package would have given it', () => {
    for (const event of sealedEvents('plan-x', 6)) {
      const { hash, ...rest } = event;
      expect(hashEvent(rest)).toBe(hash);
      const { id, stream, revision, recordedAt, type, version, data, actor, reason, prevHash } = rest;
      const viaPackage = canonicalize({ id, stream, revision, recordedAt, type, version, data, actor, reason, prevHash })!;
      expect(canonicalJson({ id, stream, revision, recordedAt, type, version, data, actor, reason, prevHash })).toBe(viaPackage);
    }
  });

  it('property: an event is hashed over the canonical text of its whole envelope, odd members and frozen actors included', () => {
    const member = fc.oneof(anyText, fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined), anyJsonish);
    const actor = fc.oneof(
      fc.record({ id: anyText, name: anyText, role: fc.constantFrom('admin', 'officer') }).map((a) => Object.freeze(a)),
      fc.record({ id: anyText, name: anyText }),
      fc.record({ id: anyText, extra: fc.dictionary(anyText, fc.integer(), { maxKeys: 2 }) }).map((a) => Object.freeze(a)),
      member,
    );
    const envelope = fc.record({
      id: fc.oneof(fc.uuid(), member), stream: fc.oneof(fc.constant('plan-x'), member), revision: fc.oneof(fc.nat(), member),
      recordedAt: fc.oneof(fc.constant('2017-04-28T10:00:00.000Z'), member), type: fc.oneof(fc.constant('EntryRecorded'), member),
      version: fc.oneof(fc.constant(1), member), data: anyJsonish, actor, reason: fc.oneof(anyText, fc.constant(null), member),
      prevHash: fc.oneof(fc.constant('0'.repeat(64)), member),
    });
    fc.assert(fc.property(envelope, (event) => {
      const { id, stream, revision, recordedAt, type, version, data, actor: who, reason, prevHash } = event;
      const expected = outcome((v) => createHash('sha256').update(canonicalize(v)!).digest('hex'), { id, stream, revision, recordedAt, type, version, data, actor: who, reason, prevHash });
      // The same actor twice: the second hash comes from the kept text of a frozen actor.
      expect(outcome(() => hashEvent(event as never), undefined)).toEqual(expected);
      expect(outcome(() => hashEvent(event as never), undefined)).toEqual(expected);
    }), { numRuns: 1000 });
  });
});
