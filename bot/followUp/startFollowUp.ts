import { feedbackCard } from '../../cards/feedbackCard';
import { CASE_TYPES } from '../../domain/caseTypes';
import { moveCase, type Case } from '../../domain/cases';
import { followUpState, newProgress } from '../../domain/followUp';
import { londonDate } from '../../domain/londonTime';
import { addCalendarMonths, isoFromDayNumber, parseIsoDate } from '../../domain/timescales';
import { actionDueDates, type Meeting } from '../../domain/meeting';
import { cardActivity, refreshRootCard, type CardDeps } from '../cases/caseCards';
import type { BotDeps } from '../deps';
import { ownerCardFor, sendToOwners, sendToParties } from './followUpCards';

/**
 * After an outcome version is published (docs/after-the-meeting.md): each agreed action of the
 * final session starts being followed, and its owners get it in their 1:1 chat; on the first
 * version every party gets the feedback card. Re-publishing sends nothing twice: an action
 * already followed is not sent again, and feedback goes with version 1 only.
 */
/** Returns how many agreed actions could not be followed (no due date could be worked out). */
export async function startFollowUp(c: Case, meeting: Meeting | null, firstVersion: boolean, deps: BotDeps): Promise<number> {
  let skipped = 0;
  const close = meeting?.close;
  // As the reminders do (domain/reminders/meetingDeadlines.ts): actions count once there was agreement.
  if (meeting && close && (close.outcome === 'full' || close.outcome === 'partial')) {
    const isDrs = CASE_TYPES[c.caseType].isDrs;
    for (const action of meeting.actions) {
      let dates;
      try {
        dates = actionDueDates(action, close.agreementDate, deps.calendar);
      } catch (err) {
        deps.log.warn({ caseId: c.id, actionId: action.actionId, err: (err as Error).message }, 'an agreed action has no due date');
        skipped += 1;
        continue;
      }
      const legalLimit = isDrs ? undefined : dates.statutory.at(-1)?.due;
      const p = newProgress(c.id, action.actionId, dates.effective, legalLimit, deps.now());
      if (!(await deps.store.followUp.open(p))) continue;
      await sendToOwners(c, action, deps, 'An agreed action', () => ownerCardFor(c, action, p, deps));
    }
  }
  if (firstVersion) {
    await sendToParties(c, c.parties, deps, 'The feedback card', () => cardActivity(feedbackCard({ caseId: c.id })));
  }
  await advanceFollowUp(c.id, deps);
  return skipped;
}

export type FollowUpDeps = CardDeps & Pick<BotDeps, 'store' | 'now'>;

/** Moves the case to "Agreed actions under way" or "Appeal window open" when its actions say so. */
export async function advanceFollowUp(caseId: string, deps: FollowUpDeps): Promise<void> {
  const progress = await deps.store.followUp.listForCase(caseId);
  const certificates = await deps.store.certificates.listForCase(caseId);
  const appealBy = certificates.map((x) => x.appeal.appealBy).find((d) => d !== undefined);
  const today = londonDate(deps.now());
  const r = await deps.store.cases.update(
    caseId,
    (x) => {
      const to = followUpState(x, progress, appealBy, today);
      return to ? moveCase(x, to) : x;
    },
    { by: 'bot', action: 'case.followUpMoved' },
    deps.now(),
  );
  if (r.status === 'updated') await refreshRootCard(r.case, deps);
}

/**
 * Once a day (with the purge, under its lease): cases whose actions are still under way move to
 * "Appeal window open" once their appeal-by date has passed, without waiting for an action to change.
 */
export async function advanceOpenFollowUps(deps: FollowUpDeps): Promise<number> {
  const open = await deps.store.cases.listInStates(['LA_ACTIONS']);
  for (const c of open) await advanceFollowUp(c.id, deps);
  return open.length;
}

/**
 * The once-a-day work of this feature, run with the purge under its lease: the sweep above, and
 * feedback answers older than the retention period removed (they belong to no case, so the
 * purge of a case cannot reach them).
 */
export async function dailyFollowUp(deps: FollowUpDeps & Pick<BotDeps, 'config'>): Promise<void> {
  await advanceOpenFollowUps(deps);
  const cutoff = isoFromDayNumber(addCalendarMonths(parseIsoDate(londonDate(deps.now())), -deps.config.retentionMonths));
  await deps.store.followUp.removeFeedbackBefore(cutoff);
}
