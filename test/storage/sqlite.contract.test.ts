import path from 'node:path';
import { openStore, SQLITE_FILE } from '../../storage/appStore';
import { SqliteBackend } from '../../storage/sqlite/sqliteBackend';
import { refuseTableScans } from '../../storage/sqlite/queryPlanCheck';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { storeContract } from './storeContract';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

// With the planner check on, any store query that no declared index serves fails its test:
// the declarations also build MongoDB's indexes, so this is the index check for both backends.
describe('embedded (SQLite) store contract', () => {
  storeContract(async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    const open = () => openStore({ kind: 'embedded', dataDir, checkQueryPlans: refuseTableScans });
    return { store: await open(), reopen: open, raw: async () => SqliteBackend.open(path.join(dataDir, SQLITE_FILE)) };
  });
});
