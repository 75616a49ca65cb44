import { CorruptDocumentError } from '../../storage/corruptDocument';
import { CASES_COLLECTION, caseIndexes } from '../../storage/caseStore';
import { ACKNOWLEDGEMENTS_COLLECTION, acknowledgementIndexes } from '../../storage/acknowledgementStore';
import { useDamagedStore } from '../helpers/damagedStore';
import { LEAD, makeCase } from '../domain/caseFixtures';

/** Writes documents the product would never write, then opens the store over them. */
describe('corrupt stored documents', () => {
  const damaged = useDamagedStore();
  const { reported } = damaged;
  const storeWith = (cases: unknown[], acks: unknown[]) =>
    damaged.open([
      { name: CASES_COLLECTION, indexes: caseIndexes, docs: cases },
      { name: ACKNOWLEDGEMENTS_COLLECTION, indexes: acknowledgementIndexes, docs: acks },
    ]);

  it('fails a read of a damaged case with a CorruptDocumentError naming the problem, and skips it in lists', async () => {
    const bad = makeCase();
    const good = makeCase({ caseReference: 'OK-1' });
    const store = await storeWith(
      [
        { ...bad, _id: bad.id, refKey: 'a', memberIds: [LEAD.aadObjectId.toLowerCase()], state: 'NOT_A_STATE' },
        { ...good, _id: good.id, refKey: 'b', memberIds: [LEAD.aadObjectId.toLowerCase()] },
      ],
      [],
    );
    await expect(store.cases.get(bad.id)).rejects.toThrow(CorruptDocumentError);
    await expect(store.cases.get(bad.id)).rejects.toThrow(/state/);
    // Reported when the store opened (the service records' first build reads every case) and by the list.
    expect(reported.map((e) => e.documentId)).toEqual([bad.id]);
    expect((await store.cases.listForUser(LEAD.aadObjectId)).map((c) => c.id)).toEqual([good.id]);
    expect(reported.map((e) => e.documentId)).toEqual([bad.id, bad.id]);
  });

  it('leaves a damaged acknowledgement out of the list and reports it', async () => {
    const store = await storeWith([], [{ _id: 'c|p|v', caseId: 'c', partyId: 'p' }]);
    expect(await store.acknowledgements.listForCase('c')).toEqual([]);
    expect(reported.map((e) => [e.collection, e.documentId])).toEqual([[ACKNOWLEDGEMENTS_COLLECTION, 'c|p|v']]);
  });
});
