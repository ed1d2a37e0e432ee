import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, loadSigningKey } from '../../src/integrity/signing-key.js';
import { parseVerifierKey, signNote, verifyNote } from '../../src/integrity/signed-note.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ragtrail-key-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the signing key file', () => {
  it('given no key file, when first used, then it is created with mode 0600 as PKCS#8 PEM and nothing else is left', () => {
    const path = join(dir, 'ragtrail.db.key');
    const key = loadOrCreateSigningKey(path, 'ragtrail.test/log');
    expect(key.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(readdirSync(dir)).toEqual(['ragtrail.db.key']);
  });

  it('given a key file, when used again, then the same key signs and its verifier key checks the signature', () => {
    const path = join(dir, 'k');
    const first = loadOrCreateSigningKey(path, 'ragtrail.test/log');
    const again = loadOrCreateSigningKey(path, 'ragtrail.test/log');
    expect(again).toMatchObject({ created: false, verifierKey: first.verifierKey });
    expect(verifyNote(signNote('hello\n', again), parseVerifierKey(first.verifierKey))).toEqual({ ok: true, text: 'hello\n' });
  });

  it('reads a raw 32-byte seed file', () => {
    const path = join(dir, 'raw');
    writeFileSync(path, Buffer.alloc(32, 9), { mode: 0o600 });
    expect(loadSigningKey(path, 'n').publicKey).toHaveLength(32);
  });

  it.skipIf(process.platform === 'win32')('refuses a key file other users may read, saying how to fix it', () => {
    const path = join(dir, 'k');
    loadOrCreateSigningKey(path, 'n');
    chmodSync(path, 0o644);
    expect(() => loadSigningKey(path, 'n')).toThrow(`signing key ${path} may be read or written by other users (mode 644): run chmod 600 ${path}`);
  });

  it('refuses a file that is not an Ed25519 key, and a missing one', () => {
    const path = join(dir, 'junk');
    writeFileSync(path, 'not a key', { mode: 0o600 });
    expect(() => loadSigningKey(path, 'n')).toThrow(`signing key ${path} is neither a PKCS#8 PEM private key nor a 32-byte Ed25519 seed`);
    expect(() => loadSigningKey(join(dir, 'none'), 'n')).toThrow(/does not exist/);
  });

  it('names the missing folder when it cannot create the key', () => {
    const path = join(dir, 'missing', 'k');
    expect(() => loadOrCreateSigningKey(path, 'n')).toThrow(`cannot create the signing key ${path}: the folder ${join(dir, 'missing')} does not exist`);
  });

  it('refuses a log name a verifier key cannot carry', () => {
    expect(() => loadOrCreateSigningKey(join(dir, 'k'), 'my log')).toThrow('log name "my log" must not contain spaces or "+"');
  });
});
