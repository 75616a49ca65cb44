import { CorruptDocumentError } from '../../storage/corruptDocument';
import {
  PREPARATION_RECORDS_COLLECTION,
  REQUESTED_CHANGES_COLLECTION,
  preparationRecordIndexes,
  requestedChangeIndexes,
} from '../../storage/preparationStore';
import { useDamagedStore } from '../helpers/damagedStore';
import { LA_COMPLETE_CONTENT, OFFICER, prepCase, recordFor, storedChange } from './prepFixtures';

/** Documents validated on read: a damaged one fails clearly, and lists leave it out and report it. */
describe('preparation store with damaged documents', () => {
  const damaged = useDamagedStore();
  const { reported } = damaged;

  it('fails a read naming the problem, and skips the document in lists', async () => {
    const c = prepCase();
    const good = recordFor(c, OFFICER, LA_COMPLETE_CONTENT);
    const change = storedChange(c, 1);
    const store = await damaged.open([
      {
        name: PREPARATION_RECORDS_COLLECTION,
        indexes: preparationRecordIndexes,
        docs: [
          { ...good, _id: `${c.id}|${good.partyId}` },
          { ...good, partyId: 'p2', status: 'finished', _id: `${c.id}|p2` },
        ],
      },
      { name: REQUESTED_CHANGES_COLLECTION, indexes: requestedChangeIndexes, docs: [{ ...change, _id: change.changeId, numberKey: `${c.id}|1`, section: 'Z' }] },
    ]);
    await expect(store.preparation.getRecord(c.id, 'p2')).rejects.toThrow(/status/);
    expect((await store.preparation.listRecords(c.id)).map((r) => r.partyId)).toEqual([good.partyId]);
    await expect(store.preparation.getChange(c.id, change.changeId)).rejects.toThrow(CorruptDocumentError);
    expect(await store.preparation.listChanges(c.id)).toEqual([]);
    expect(reported.map((e) => e.collection).sort()).toEqual([PREPARATION_RECORDS_COLLECTION, REQUESTED_CHANGES_COLLECTION]);
  });
});
