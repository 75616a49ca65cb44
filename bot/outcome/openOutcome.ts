import { amendedPlanRequestCard } from '../../cards/outcomeAmendedPlanCard';
import { toAmendedPlanRequestView } from '../../cards/outcomeViews';
import { CASE_TYPES } from '../../domain/caseTypes';
import { isCaseError, type Case } from '../../domain/cases';
import { formatLondonDateTime } from '../../domain/londonTime';
import type { Meeting } from '../../domain/meeting';
import { outcomeDueAt, startOutcomeRecord } from '../../domain/outcome';
import { cardActivity, notice, postInThread } from '../cases/caseCards';
import type { BotDeps } from '../deps';

/**
 * When the final session closes: the outcome record opens (its 24-hour clock starts), the
 * mediators are told in the thread how to draft it, and in a plan-content case each LA
 * officer is asked in their 1:1 chat for the amended plan.
 */
export async function openOutcome(c: Case, m: Meeting, actor: string, deps: BotDeps): Promise<void> {
  const initial = startOutcomeRecord(c, m, actor, deps.now());
  if (isCaseError(initial)) return; // adjourned, or nothing concluded: no outcome yet
  const { status, record } = await deps.store.outcomes.open(initial, actor);
  if (status === 'existing') return;
  await postInThread(
    c,
    deps,
    notice(
      `Meeting closed: case ${c.caseReference}`,
      `The outcome statement is due by ${formatLondonDateTime(outcomeDueAt(record.closedAt))}. Mention me with **outcome** here to draft and publish it.`,
      'info',
    ),
  );
  if (!CASE_TYPES[c.caseType].planContent || !c.thread) return;
  for (const officer of c.parties.filter((p) => p.role === 'la_officer')) {
    if (!officer.aadObjectId && !officer.teamsUserId) continue;
    await deps.proactive
      .sendToPerson({ aadObjectId: officer.aadObjectId, channelAccountId: officer.teamsUserId }, c.thread.conversationId, cardActivity(amendedPlanRequestCard(toAmendedPlanRequestView(c, record))))
      .catch((err: unknown) => deps.log.warn({ caseId: c.id, err: (err as Error).message }, 'could not ask for the amended plan'));
  }
}
