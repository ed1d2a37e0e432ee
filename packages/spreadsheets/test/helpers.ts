import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMemoryStore, createRagtrail, type Caller } from '@ragtrail/core';

/** The real seed documents, next to the checkout (../shared/seeds from the repository root). */
export const seedDir = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
export const seed = (prefix: string) => {
  const name = { '000': '000_191c9a997605010d.txt', '001': '001_758a9ce90a6249c0.txt', '002': '002_d8a0f0b3d4c7100f.txt', '004': '004_925a7ad9387a7ccc.txt' }[prefix]!;
  return { fileName: name, content: readFileSync(`${seedDir}${name}`) };
};

export const admin: Caller = { actor: { id: 'admin-1', name: 'Sheila Admin', role: 'admin' } };

export const newRagtrail = () => createRagtrail({ store: createMemoryStore(), now: () => new Date('2017-05-10T09:00:00Z') });
