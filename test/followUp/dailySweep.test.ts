import { BackgroundTasks } from '../../bot/background';
import { CaseCardEdits } from '../../bot/cases/caseCardEdits';
import { advanceOpenFollowUps } from '../../bot/followUp/startFollowUp';
import type { CardDeps } from '../../bot/cases/caseCards';
import { createLogger } from '../../bot/logger';
import { markActionDone, newProgress } from '../../domain/followUp';
import { defaultCalendar } from '../../domain/timescales';
import { openStore, type AppStore } from '../../storage/appStore';
import { refuseTableScans } from '../../storage/sqlite/queryPlanCheck';
import { makeCase, NOW, OFFICER } from '../domain/caseFixtures';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/** The once-a-day sweep (run with the purge): a case whose actions are all done becomes ready to close. */
describe('the daily follow-up sweep', () => {
  let dir: string;
  let store: AppStore;
  beforeEach(async () => {
    dir = await makeTempDir();
    store = await openStore({ kind: 'embedded', dataDir: dir, checkQueryPlans: refuseTableScans });
  });
  afterEach(async () => {
    await store.close();
    await removeDir(dir);
  });

  it('moves a case whose actions are done to "Appeal window open" and leaves one with open actions', async () => {
    // The cases have no thread: their case card is refreshed without anything to edit.
    const cardEdits = new CaseCardEdits(0, new BackgroundTasks(createLogger('silent')));
    const deps = { store, now: () => NOW, calendar: defaultCalendar, terms: undefined, proactive: undefined, cardEdits } as unknown as CardDeps & { store: AppStore; now: () => Date };
    const done = { ...makeCase({ caseReference: 'SM-2026-201' }), state: 'LA_ACTIONS' as const };
    const open = { ...makeCase({ caseReference: 'SM-2026-202' }), id: 'case-open-00002', state: 'LA_ACTIONS' as const };
    await store.cases.create(done);
    await store.cases.create(open);
    await store.followUp.open(newProgress(done.id, 'action-0001', '2027-01-07', undefined, NOW));
    await store.followUp.open(newProgress(open.id, 'action-0002', '2027-01-07', undefined, NOW));
    await store.followUp.update(done.id, 'action-0001', (p) => markActionDone(p, OFFICER.aadObjectId, {}, '2026-12-01', NOW));
    expect(await advanceOpenFollowUps(deps)).toBe(2);
    expect((await store.cases.get(done.id))?.state).toBe('APPEAL_WINDOW');
    expect((await store.cases.get(open.id))?.state).toBe('LA_ACTIONS');
    expect(await advanceOpenFollowUps(deps)).toBe(1);
  });
});
