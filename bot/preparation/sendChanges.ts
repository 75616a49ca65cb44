import { type Case } from '../../domain/cases';
import { recordAudit } from '../audit/recordAudit';
import { londonDate } from '../../domain/londonTime';
import { sendChange, sendTiming } from '../../domain/preparation';
import { formatDate } from '../../domain/timescales';
import { cardActivity, notice, postInThread, refreshRootCard } from '../cases/caseCards';
import { tellMediatorsUnreachable } from '../cases/unreachable';
import type { MessageTone } from '../../cards/messageCard';
import type { BotDeps } from '../deps';
import { reviewCardFor } from './changeCards';

export interface SendChangesOutcome {
  readonly text: string;
  readonly tone: MessageTone;
}

/**
 * Sends every draft change to the LA officer(s): records when, puts the first change to
 * review in each officer's 1:1 chat, and warns the mediators in the case thread when it is
 * later than 3 working days before the meeting (rule REQUESTED_CHANGES). Only the record is
 * written before this returns: the messages go out in the background, because the card
 * button that calls this must be answered within Teams' ~5 s (sends retry with backoff).
 * A change that does not reach an officer is reported in the case thread.
 */
export async function sendChangesFor(c: Case, actor: string, deps: BotDeps, from: 'thread' | 'elsewhere'): Promise<SendChangesOutcome> {
  const now = deps.now();
  const { sent, error } = await deps.store.preparation.sendDrafts(c.id, (ch) => sendChange(c, ch, actor, now));
  if (error) return { text: error.message, tone: 'warning' };
  if (sent.length === 0) return { text: 'There are no draft changes to send.', tone: 'info' };
  await recordAudit(deps, c.id, actor, 'changes.sent', undefined, `${sent.length} changes`);

  const thread = c.thread;
  const officers = thread ? c.parties.filter((p) => p.role === 'la_officer' && (p.aadObjectId || p.teamsUserId)) : [];
  const lines = [`${sent.length === 1 ? '1 change was' : `${sent.length} changes were`} sent to the local authority on ${formatDate(londonDate(now))}.`];
  lines.push(
    officers.length
      ? `I am sending them to ${officers.map((o) => o.displayName).join(', ')} to review in their 1:1 chat with me.`
      : 'No LA officer has joined the case yet: they will see the changes when they do (type **changes** in the 1:1 chat).',
  );
  let tone: MessageTone = 'success';
  let lateWarning: string | undefined;
  if (c.dates.meetingDate) {
    const timing = sendTiming(c.dates.meetingDate, londonDate(now), deps.calendar);
    if (timing.status === 'late') {
      tone = 'warning';
      lateWarning = `Sent late: changes should reach the LA ideally by ${formatDate(timing.ideal)} and at the latest by ${formatDate(timing.latest)} (3 working days before the meeting on ${formatDate(c.dates.meetingDate)}).`;
      lines.push(lateWarning);
    }
  }
  deps.background.run('deliver sent changes', async () => {
    const review = officers.length ? await reviewCardFor(c, deps) : undefined;
    if (thread && review) {
      for (const officer of officers) {
        await deps.proactive
          .sendToPerson({ aadObjectId: officer.aadObjectId, channelAccountId: officer.teamsUserId }, thread.conversationId, cardActivity(review))
          .catch((err: unknown) => tellMediatorsUnreachable(c, deps, officer.displayName, 'The requested changes to review', err));
      }
    }
    if (lateWarning && from === 'elsewhere') await postInThread(c, deps, notice(`Requested changes sent late: case ${c.caseReference}`, lateWarning, 'warning'));
    await refreshRootCard(c, deps);
  });
  return { text: lines.join('\n\n'), tone };
}
