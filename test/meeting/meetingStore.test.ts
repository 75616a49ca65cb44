import { EmbeddedBackend } from '../../storage/embedded/embeddedBackend';
import { openStore, type AppStore } from '../../storage/appStore';
import { CorruptDocumentError } from '../../storage/corruptDocument';
import { MEETINGS_COLLECTION, meetingIndexes, sessionKey, type MeetingDoc } from '../../storage/meetingStore';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { runningMeeting } from './meetingFixtures';

/** Documents the product would never write: the store must refuse them at its edge. */
describe('MeetingStore and damaged documents', () => {
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

  async function storeWith(docs: readonly unknown[]): Promise<AppStore> {
    const backend = await EmbeddedBackend.open(dir);
    const raw = await backend.collection<MeetingDoc>(MEETINGS_COLLECTION, meetingIndexes);
    for (const doc of docs) await raw.insertOne(doc as MeetingDoc);
    await backend.close();
    return openStore({ kind: 'embedded', dataDir: dir, onCorruptDocument: (e) => reported.push(e) });
  }

  it('fails a read of a damaged meeting and leaves it out of the list', async () => {
    const good = runningMeeting();
    const withNotes = { ...good, meetingId: 'damaged-meeting-1', session: 2, state: 'closed' };
    store = await storeWith([
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
    store = await storeWith([{ ...good, _id: good.meetingId, sessionKey: sessionKey(good.caseId, 1), notes: 'what was said' }]);
    const read = await store.meetings.get(good.caseId, good.meetingId);
    expect(read).toEqual(good);
    expect(read && 'notes' in read).toBe(false);
  });
});
