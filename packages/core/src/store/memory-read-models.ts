import { assertReadModelEntries, type ReadModelEntry, type ReadModelStore } from './port.js';

/** Read models in memory, beside the memory store's log: the reference the store contract checks others against. */
export function createMemoryReadModels(revisions: () => ReadonlyMap<string, readonly unknown[]>): ReadModelStore {
  const models = new Map<string, Map<string, ReadModelEntry>>();
  const model = (name: string) => {
    let m = models.get(name);
    if (!m) models.set(name, (m = new Map()));
    return m;
  };
  return {
    async get(name, key) {
      const entry = models.get(name)?.get(key);
      return entry && { ...entry };
    },
    async list(name) {
      return [...(models.get(name)?.values() ?? [])].map((e) => ({ ...e }));
    },
    async put(name, entries) {
      assertReadModelEntries(name, entries);
      const copies = entries.map((e) => ({ key: e.key, value: e.value, revision: e.revision, hash: e.hash }));
      const m = model(name);
      for (const e of copies) m.set(e.key, e);
    },
    async remove(name, keys) {
      if (keys === undefined) models.delete(name);
      else for (const key of keys) models.get(name)?.delete(key);
    },
    async streamRevisions(prefix) {
      const out = new Map<string, number>();
      for (const [stream, events] of revisions()) if (stream.startsWith(prefix)) out.set(stream, events.length - 1);
      return out;
    },
  };
}
