import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract } from '@ragtrail/core/testing';
import { createSqliteStore } from '../src/index.js';

describeStoreContract('sqlite (temp file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ragtrail-sqlite-'));
  const store = createSqliteStore({ path: join(dir, 'nested', 'store.db') });
  return { store, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
});
