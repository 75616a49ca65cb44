import { CorruptDocumentError } from '../../storage/corruptDocument';
import { MEETINGS_COLLECTION, meetingIndexes, sessionKey } from '../../storage/meetingStore';
import { useDamagedStore } from '../helpers/damagedStore';
import { runningMeeting } from './meetingFixtures';

/** Documents the product would never write: the store must refuse them at its edge. */
describe('MeetingStore and damaged documents', () => {
  const damaged = useDamagedStore();
  const { reported } = damaged;
  const storeWith = (docs: readonly unknown[]) => damaged.open([{ name: MEETINGS_COLLECTION, indexes: meetingIndexes, docs }]);

  it('fails a read of a damaged meeting and leaves it out of the list', async () => {
    const good = runningMeeting();
    const withNotes = { ...good, meetingId: 'damaged-meeting-1', session: 2, state: 'closed' };
    const store = await storeWith([
      { ...good, _id: good.meetingId, sessionKey: sessionKey(good.caseId, 1) },
      { ...withNotes, _id: withNotes.meetingId, sessionKey: sessionKey(good.caseId, 2) },
    ]);
    await expect(store.meetings.get(good.caseId, withNotes.meetingId)).rejects.toThrow(CorruptDocumentError);
    await expect(store.meetings.current(good.caseId)).rejects.toThrow(/close/);
    expect((await store.meetings.listForCase(good.caseId)).map((m) => m.meetingId)).toEqual([good.meetingId]);
    expect(reported.map((e) => e.documentId)).toEqual([withNotes.meetingId]);
  });

  it('strips fields the product never writes (a stray notes field is not kept)', async () => {
    const good = runningMeeting();
    const store = await storeWith([{ ...good, _id: good.meetingId, sessionKey: sessionKey(good.caseId, 1), notes: 'what was said' }]);
    const read = await store.meetings.get(good.caseId, good.meetingId);
    expect(read).toEqual(good);
    expect(read && 'notes' in read).toBe(false);
  });
});
