import { EmbeddedBackend } from '../../storage/embedded/embeddedBackend';
import { openStore, type AppStore } from '../../storage/appStore';
import { CorruptDocumentError } from '../../storage/corruptDocument';
import { CASES_COLLECTION, caseIndexes, type CaseDoc } from '../../storage/caseStore';
import { ACKNOWLEDGEMENTS_COLLECTION, acknowledgementIndexes, type AcknowledgementDoc } from '../../storage/acknowledgementStore';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { LEAD, makeCase } from '../domain/caseFixtures';

/** Writes documents the product would never write, then opens the store over them. */
async function storeWith(dir: string, cases: unknown[], acks: unknown[], reported: CorruptDocumentError[]): Promise<AppStore> {
  const backend = await EmbeddedBackend.open(dir);
  const rawCases = await backend.collection<CaseDoc>(CASES_COLLECTION, caseIndexes);
  const rawAcks = await backend.collection<AcknowledgementDoc>(ACKNOWLEDGEMENTS_COLLECTION, acknowledgementIndexes);
  for (const doc of cases) await rawCases.insertOne(doc as CaseDoc);
  for (const doc of acks) await rawAcks.insertOne(doc as AcknowledgementDoc);
  await backend.close();
  return openStore({ kind: 'embedded', dataDir: dir, onCorruptDocument: (e) => reported.push(e) });
}

describe('corrupt stored documents', () => {
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

  it('fails a read of a damaged case with a CorruptDocumentError naming the problem, and skips it in lists', async () => {
    const bad = makeCase();
    const good = makeCase({ caseReference: 'OK-1' });
    store = await storeWith(
      dir,
      [
        { ...bad, _id: bad.id, refKey: 'a', memberIds: [LEAD.aadObjectId.toLowerCase()], state: 'NOT_A_STATE' },
        { ...good, _id: good.id, refKey: 'b', memberIds: [LEAD.aadObjectId.toLowerCase()] },
      ],
      [],
      reported,
    );
    await expect(store.cases.get(bad.id)).rejects.toThrow(CorruptDocumentError);
    await expect(store.cases.get(bad.id)).rejects.toThrow(/state/);
    expect((await store.cases.listForUser(LEAD.aadObjectId)).map((c) => c.id)).toEqual([good.id]);
    expect(reported.map((e) => e.documentId)).toEqual([bad.id]);
  });

  it('leaves a damaged acknowledgement out of the list and reports it', async () => {
    store = await storeWith(dir, [], [{ _id: 'c|p|v', caseId: 'c', partyId: 'p' }], reported);
    expect(await store.acknowledgements.listForCase('c')).toEqual([]);
    expect(reported).toHaveLength(1);
  });
});
