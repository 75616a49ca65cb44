import { EmbeddedBackend } from '../../storage/embedded/embeddedBackend';
import { openStore, type AppStore } from '../../storage/appStore';
import { CorruptDocumentError } from '../../storage/corruptDocument';
import {
  PREPARATION_RECORDS_COLLECTION,
  REQUESTED_CHANGES_COLLECTION,
  preparationRecordIndexes,
  requestedChangeIndexes,
  type PreparationRecordDoc,
  type RequestedChangeDoc,
} from '../../storage/preparationStore';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { LA_COMPLETE_CONTENT, OFFICER, prepCase, recordFor, storedChange } from './prepFixtures';

/** Documents validated on read: a damaged one fails clearly, and lists leave it out and report it. */
describe('preparation store with damaged documents', () => {
  let dir: string;
  let store: AppStore | undefined;
  const reported: CorruptDocumentError[] = [];

  beforeEach(async () => {
    dir = await makeTempDir();
    reported.length = 0;
  });
  afterEach(async () => {
    await store?.close();
    await removeDir(dir);
  });

  it('fails a read naming the problem, and skips the document in lists', async () => {
    const c = prepCase();
    const good = recordFor(c, OFFICER, LA_COMPLETE_CONTENT);
    const change = storedChange(c, 1);
    const backend = await EmbeddedBackend.open(dir);
    const records = await backend.collection<PreparationRecordDoc>(PREPARATION_RECORDS_COLLECTION, preparationRecordIndexes);
    const changes = await backend.collection<RequestedChangeDoc>(REQUESTED_CHANGES_COLLECTION, requestedChangeIndexes);
    await records.insertOne({ ...good, _id: `${c.id}|${good.partyId}` });
    await records.insertOne({ ...good, partyId: 'p2', status: 'finished', _id: `${c.id}|p2` } as unknown as PreparationRecordDoc);
    await changes.insertOne({ ...change, _id: change.changeId, numberKey: `${c.id}|1`, section: 'Z' } as unknown as RequestedChangeDoc);
    await backend.close();

    store = await openStore({ kind: 'embedded', dataDir: dir, onCorruptDocument: (e) => reported.push(e) });
    await expect(store.preparation.getRecord(c.id, 'p2')).rejects.toThrow(/status/);
    expect((await store.preparation.listRecords(c.id)).map((r) => r.partyId)).toEqual([good.partyId]);
    await expect(store.preparation.getChange(c.id, change.changeId)).rejects.toThrow(CorruptDocumentError);
    expect(await store.preparation.listChanges(c.id)).toEqual([]);
    expect(reported.map((e) => e.collection).sort()).toEqual([PREPARATION_RECORDS_COLLECTION, REQUESTED_CHANGES_COLLECTION]);
  });
});
