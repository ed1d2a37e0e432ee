import { describe, it, expect } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { privateKeyFromSeed, rawPublicKey } from '../../src/integrity/ed25519.js';
import { decodeNote, formatVerifierKey, parseNote, parseVerifierKey, signNote, verifyNote } from '../../src/integrity/signed-note.js';
import { parseCheckpointBody, signCheckpoint, verifyCheckpoint } from '../../src/integrity/checkpoint.js';

/*
 * The example key and note of Go's golang.org/x/mod/sumdb/note (its package documentation and note_test.go),
 * the reference implementation of C2SP signed-note. The private key string is "PRIVATE+KEY+name+keyid+"
 * base64(0x01 || 32-byte seed); Ed25519 is deterministic, so signing the text must give the same line.
 */
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const SIGNED = `${TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

/*
 * A real checkpoint of the Go checksum database, quoted in the sigsum project's documentation; sum.golang.org's
 * verifier key is the one the go command trusts (cmd/go, GOSUMDB default).
 */
const SUMDB_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';
const SUMDB_CHECKPOINT = 'go.sum database tree\n49189689\nftjbAOzaupaIvaPo/G+Dk63nxOZ2s1OPOKIaPtXs7S4=\n\n'
  + '— sum.golang.org Az3grlKZssqRoMNPpZfKt0TphbbcF+pzXqElURJKRNFKfaUAgqeI5k2AORH0QAhg/ebRwyIqD/OqP4oLtLnNumvOBAM=\n';

const freshSigner = (name: string) => ({ name, privateKey: generateKeyPairSync('ed25519').privateKey });

describe('signed notes against the Go reference example', () => {
  it('derives the published verifier key string (name, key id, key) from the private seed', () => {
    const publicKey = rawPublicKey(privateKeyFromSeed(SEED));
    expect(formatVerifierKey('PeterNeumann', publicKey)).toBe(VKEY);
    expect(parseVerifierKey(VKEY).keyId.toString('hex')).toBe('c74f20a3');
  });

  it('signs the example text byte for byte as the reference does', () => {
    expect(signNote(TEXT, { name: 'PeterNeumann', privateKey: privateKeyFromSeed(SEED) })).toBe(SIGNED);
  });

  it('verifies the example note and returns its text', () => {
    expect(verifyNote(SIGNED, parseVerifierKey(VKEY))).toEqual({ ok: true, text: TEXT });
  });

  it('verifies a real sum.golang.org checkpoint whose origin is not its key name', () => {
    expect(verifyNote(SUMDB_CHECKPOINT, parseVerifierKey(SUMDB_KEY))).toMatchObject({ ok: true });
    const body = parseCheckpointBody(parseNote(SUMDB_CHECKPOINT).text);
    expect(body).toMatchObject({ origin: 'go.sum database tree', size: 49189689, extensions: [] });
    // ragtrail's own rule: the origin must be the trusted key's name.
    expect(verifyCheckpoint(SUMDB_CHECKPOINT, parseVerifierKey(SUMDB_KEY)))
      .toEqual({ ok: false, reason: 'the checkpoint is for the log go.sum database tree, not sum.golang.org' });
  });

  it('refuses the note once one character of its text changes', () => {
    const tampered = SIGNED.replace('answer', 'Answer');
    expect(verifyNote(tampered, parseVerifierKey(VKEY))).toEqual({ ok: false, reason: 'the signature by PeterNeumann does not match the note text' });
  });

  it('refuses a note signed only by a key it was not given, naming the signers present', () => {
    const other = signNote(TEXT, freshSigner('PeterNeumann'));
    const check = verifyNote(other, parseVerifierKey(VKEY));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toMatch(/^the note carries no signature by PeterNeumann\+c74f20a3 \(it is signed by PeterNeumann\+[0-9a-f]{8}\)$/);
  });
});

describe('parsing untrusted notes and keys', () => {
  it.each([
    ['a mangled key id', 'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', /key id c74f20a4 does not match/],
    ['a missing part', 'PeterNeumann+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', /three parts/],
    ['an unknown algorithm', 'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', /type must be 0x01/],
    ['a short key', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy1w==', /32 key bytes/],
    ['an empty name', '+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', /name must not be empty/],
  ])('refuses a verifier key with %s', (_, key, message) => {
    expect(() => parseVerifierKey(key)).toThrow(message);
  });

  it.each([
    ['no final newline', SIGNED.slice(0, -1), 'note must end with a newline'],
    ['no blank line', TEXT, 'note has no blank line between its text and its signatures'],
    ['a tab', SIGNED.replace(' you', '\tyou'), 'note contains the control character U+0009 (only newlines are allowed)'],
    ['a hyphen for the em dash', SIGNED.replace('—', '-'), 'signature line 1 must start with an em dash (U+2014) and a space'],
    ['a signature that is not base64', SIGNED.replace('x08go', 'x08g*'), 'signature line 1 is not padded standard base64'],
    ['a signature too short for a key id', `${TEXT}\n— PeterNeumann AAAA\n`, 'signature line 1 must hold a 4-byte key id and a signature, got 3 bytes'],
    ['too many signatures', `${TEXT}\n${'— a AAAAAAAA\n'.repeat(33)}`, 'note has 33 signature lines, more than 32'],
    ['a huge body', `${'x'.repeat(70_000)}\n\n— a AAAAAAAA\n`, 'note is larger than 65536 bytes'],
  ])('refuses a note with %s', (_, note, message) => {
    expect(() => parseNote(note)).toThrow(message);
    expect(verifyNote(note, parseVerifierKey(VKEY))).toEqual({ ok: false, reason: message });
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', () => {
    expect(() => decodeNote(Buffer.from([0x61, 0xff, 0x0a]))).toThrow('note is not valid UTF-8');
    expect(decodeNote(Buffer.from(SIGNED))).toBe(SIGNED);
  });
});

describe('checkpoints', () => {
  const signer = freshSigner('ragtrail.example/plans');
  const key = parseVerifierKey(formatVerifierKey(signer.name, rawPublicKey(signer.privateKey)));
  const checkpoint = { origin: signer.name, size: 20852163, root: Buffer.alloc(32, 7), extensions: ['as-of 2026-03-31'] };

  it('round-trips through signing and verification', () => {
    const note = signCheckpoint(checkpoint, signer);
    expect(note.split('\n').slice(0, 5)).toEqual(['ragtrail.example/plans', '20852163', Buffer.alloc(32, 7).toString('base64'), 'as-of 2026-03-31', '']);
    expect(verifyCheckpoint(note, key)).toEqual({ ok: true, checkpoint });
  });

  it('refuses a checkpoint whose size was changed after signing', () => {
    const note = signCheckpoint(checkpoint, signer).replace('20852163', '20852162');
    expect(verifyCheckpoint(note, key)).toEqual({ ok: false, reason: 'the signature by ragtrail.example/plans does not match the note text' });
  });

  it.each([
    ['two lines', 'o\n1\n', /at least three lines/],
    ['a leading zero in the size', 'o\n01\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n', /tree size \(line 2\) must be a decimal number without leading zeros/],
    ['a negative size', 'o\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n', /tree size \(line 2\)/],
    ['a 31-byte root', 'o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n', /root hash \(line 3\) must be 32 bytes, got 31/],
    ['an empty origin', '\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n', /origin \(line 1\) must not be empty/],
    ['an empty extension line', 'o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nx\n\ny\n', /extension line 2 is empty/],
  ])('refuses a body with %s', (_, body, message) => {
    expect(() => parseCheckpointBody(body)).toThrow(message);
  });

  it('refuses to sign with a key named after another log', () => {
    expect(() => signCheckpoint({ ...checkpoint, origin: 'other.example/log' }, signer)).toThrow('the signing key is named ragtrail.example/plans but the checkpoint origin is other.example/log');
  });
});
