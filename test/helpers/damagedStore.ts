import path from 'node:path';
import { SqliteBackend } from '../../storage/sqlite/sqliteBackend';
import { openStore, SQLITE_FILE, type AppStore } from '../../storage/appStore';
import type { IndexSpec } from '../../storage/collection';
import type { CorruptDocumentError } from '../../storage/corruptDocument';
import { makeTempDir, removeDir } from './tempDir';

/** Raw documents for one collection, written as they are, with the indexes the product gives it. */
export interface RawCollection {
  readonly name: string;
  readonly indexes: readonly IndexSpec[];
  readonly docs: readonly unknown[];
}

/**
 * For tests of documents the product would never write: each test gets a fresh temp dir, writes
 * raw documents straight to the SQLite backend, then opens the real store over them. The store
 * is closed and the dir removed after each test; `reported` holds what the store reported as corrupt.
 */
export function useDamagedStore(): { readonly reported: CorruptDocumentError[]; open(collections: readonly RawCollection[]): Promise<AppStore> } {
  let dir = '';
  let store: AppStore | undefined;
  const reported: CorruptDocumentError[] = [];

  beforeEach(async () => {
    dir = await makeTempDir();
    reported.length = 0;
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await removeDir(dir);
  });

  return {
    reported,
    async open(collections) {
      const backend = SqliteBackend.open(path.join(dir, SQLITE_FILE));
      try {
        for (const { name, indexes, docs } of collections) {
          const raw = await backend.collection<{ _id: string }>(name, indexes);
          for (const doc of docs) await raw.insertOne(doc as { _id: string });
        }
      } finally {
        await backend.close();
      }
      store = await openStore({ kind: 'embedded', dataDir: dir, onCorruptDocument: (e) => reported.push(e) });
      return store;
    },
  };
}
