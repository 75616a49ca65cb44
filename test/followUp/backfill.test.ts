import { FOLLOW_UP_BACKFILL, backfillFollowUp } from '../../bot/followUp/backfill';
import { publishOutcome, startOutcomeRecord } from '../../domain/outcome';
import { openStore } from '../../storage/appStore';
import { startTestBot } from '../helpers/testBot';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { amendPlan, CLOSE_AT, closedMeeting, draftOf, epVisit, LEAD, later, meetingCase, ok, publishable } from '../outcome/outcomeFixtures';

/**
 * Upgrading: a case whose outcome was published by the earlier version starts following its
 * agreed actions on the first start, once (a marker with the counts), and not again.
 */
describe('the one-time follow-up backfill', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  it('follows the actions of outcomes published before the upgrade, once, verified by counts', async () => {
    const earlier = await openStore({ kind: 'embedded', dataDir: dir });
    const before = meetingCase('SM-2026/301');
    const meeting = closedMeeting(before, { actions: [amendPlan, epVisit] });
    const c = { ...before, state: 'CERTIFICATE_ISSUED' as const };
    await earlier.cases.create(c);
    await earlier.meetings.create(meeting);
    await earlier.outcomes.open(ok(startOutcomeRecord(c, meeting, LEAD.aadObjectId, CLOSE_AT)), LEAD.aadObjectId);
    const audit = { by: LEAD.aadObjectId, action: 'outcome.published' as const };
    await earlier.outcomes.update(c.id, (x) => publishOutcome(c, x, LEAD.aadObjectId, publishable(draftOf(c, meeting)), 1, later(60, CLOSE_AT)), audit, later(60, CLOSE_AT));
    // A case whose outcome was never published is left alone.
    const unpublished = { ...meetingCase('SM-2026/302'), id: 'case-unpublished-1', state: 'CERTIFICATE_ISSUED' as const };
    await earlier.cases.create(unpublished);
    await earlier.close();

    const t = await startTestBot({ DATA_DIR: dir });
    try {
      await t.bot.app.deps.background.idle();
      const store = t.bot.store;
      expect((await store.followUp.listForCase(c.id)).map((p) => p.actionId).sort()).toEqual(meeting.actions.map((a) => a.actionId).sort());
      expect(await store.followUp.listForCase(unpublished.id)).toEqual([]);
      expect((await store.markers.get(FOLLOW_UP_BACKFILL))?.counts).toEqual({ cases: 1, actions: 2 });
      expect((await store.cases.get(c.id))?.state).toBe('LA_ACTIONS');
      // Never again: the marker is there.
      expect(await backfillFollowUp(t.bot.app.deps)).toBeUndefined();
    } finally {
      await t.stop();
    }
  });
});
