import { type Case } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import { sendChange, sendTiming } from '../../domain/preparation';
import { formatDate } from '../../domain/timescales';
import { cardActivity, notice, postInThread, refreshRootCard } from '../cases/caseCards';
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
 * later than 3 working days before the meeting (rule REQUESTED_CHANGES).
 */
export async function sendChangesFor(c: Case, actor: string, deps: BotDeps, from: 'thread' | 'elsewhere'): Promise<SendChangesOutcome> {
  const now = deps.now();
  const { sent, error } = await deps.store.preparation.sendDrafts(c.id, (ch) => sendChange(c, ch, actor, now));
  if (error) return { text: error.message, tone: 'warning' };
  if (sent.length === 0) return { text: 'There are no draft changes to send.', tone: 'info' };

  const officers = c.parties.filter((p) => p.role === 'la_officer');
  const reached: string[] = [];
  const review = await reviewCardFor(c, deps);
  for (const officer of officers) {
    if (!review || !c.thread || (!officer.aadObjectId && !officer.teamsUserId)) continue;
    try {
      await deps.proactive.sendToPerson({ aadObjectId: officer.aadObjectId, channelAccountId: officer.teamsUserId }, c.thread.conversationId, cardActivity(review));
      reached.push(officer.displayName);
    } catch (err) {
      deps.log.warn({ caseId: c.id, err: (err as Error).message }, 'could not send changes to the LA officer');
    }
  }
  const lines = [`${sent.length === 1 ? '1 change was' : `${sent.length} changes were`} sent to the local authority on ${formatDate(londonDate(now))}.`];
  lines.push(reached.length ? `${reached.join(', ')} can now review them in their 1:1 chat with me.` : 'No LA officer has joined the case yet: they will see the changes when they do (type **changes** in the 1:1 chat).');
  let tone: MessageTone = 'success';
  if (c.dates.meetingDate) {
    const timing = sendTiming(c.dates.meetingDate, londonDate(now), deps.calendar);
    if (timing.status === 'late') {
      tone = 'warning';
      const warning = `Sent late: changes should reach the LA ideally by ${formatDate(timing.ideal)} and at the latest by ${formatDate(timing.latest)} (3 working days before the meeting on ${formatDate(c.dates.meetingDate)}).`;
      lines.push(warning);
      if (from === 'elsewhere') await postInThread(c, deps, notice(`Requested changes sent late: case ${c.caseReference}`, warning, 'warning'));
    }
  }
  deps.background.run('refresh case card', () => refreshRootCard(c, deps));
  return { text: lines.join('\n\n'), tone };
}
