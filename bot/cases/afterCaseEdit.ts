import { meetingMovedCard } from '../../cards/meetingMovedCard';
import {
  clockMoves,
  EDITABLE_FIELD_LABELS,
  meetingMovedView,
  partiesToldOfMeeting,
  PARTIES_TOLD_ACTIONS,
  type Case,
  type CaseEdit,
  type Party,
} from '../../domain/cases';
import { joinWithAnd } from '../../domain/timescales';
import { calendarUrlFor } from '../calendar/calendarLinks';
import type { BotDeps } from '../deps';
import { cardActivity, notice, postInThread, refreshRootCard } from './caseCards';

/**
 * The slow part of saving an edit, after the clicker has their answer: the case card for
 * everyone, a note in the thread for the other mediators, and, when the meeting moved after
 * the parties heard of it, one notice in each party's 1:1 chat. It runs once per stored change:
 * a repeated save stores nothing and so tells nobody again.
 */
export async function afterCaseEdit(before: Case, after: Case, edit: CaseEdit, deps: BotDeps): Promise<void> {
  await refreshRootCard(after, deps);
  const lines = clockMoves(before, after, deps.calendar).map((m) => m.text);
  let told: MovedReport | undefined;
  if (edit.meetingMoved) told = await tellPartiesMeetingMoved(before, after, deps);
  if (told) {
    if (told.sent.length > 0) lines.push(`I told ${joinWithAnd(told.sent)} in their 1:1 chat that the meeting changed.`);
    if (told.unreachable.length > 0) lines.push(`I could not reach ${joinWithAnd(told.unreachable)}: please tell them yourself.`);
  }
  const changed = joinWithAnd(edit.changed.map((f) => EDITABLE_FIELD_LABELS[f]));
  await postInThread(after, deps, notice(`Case ${after.caseReference} edited`, `Changed: ${changed}.`, told?.unreachable.length ? 'warning' : 'success', lines));
}

export interface MovedReport {
  readonly sent: readonly string[];
  readonly unreachable: readonly string[];
}

/** Each party gets the new date and place, if the terms or preparation questions already went out. */
export async function tellPartiesMeetingMoved(before: Case, after: Case, deps: BotDeps): Promise<MovedReport | undefined> {
  const [acks, records, toldInLog] = await Promise.all([
    deps.store.acknowledgements.listForCase(after.id),
    deps.store.preparation.listRecords(after.id),
    deps.store.auditLog.hasAction(after.id, PARTIES_TOLD_ACTIONS),
  ]);
  if (!partiesToldOfMeeting({ acknowledgements: acks.length, preparationRecords: records.length, toldInLog })) return undefined;
  const view = meetingMovedView(before, after);
  const sent: string[] = [];
  const unreachable: string[] = [];
  for (const party of after.parties) {
    if (await sendMoved(after, party, deps, view)) sent.push(party.displayName);
    else unreachable.push(party.displayName);
  }
  return { sent, unreachable };
}

async function sendMoved(c: Case, party: Party, deps: BotDeps, view: ReturnType<typeof meetingMovedView>): Promise<boolean> {
  if (!c.thread || (!party.aadObjectId && !party.teamsUserId)) return false;
  try {
    const calendarUrl = await calendarUrlFor(c, { kind: 'party', partyId: party.partyId }, deps);
    const card = meetingMovedCard({ ...view, ...(calendarUrl ? { calendarUrl } : {}) });
    await deps.proactive.sendToPerson({ aadObjectId: party.aadObjectId, channelAccountId: party.teamsUserId }, c.thread.conversationId, cardActivity(card));
    return true;
  } catch (err) {
    deps.log.warn({ caseId: c.id, partyId: party.partyId, err: (err as Error).message }, 'could not tell a party the meeting moved');
    return false;
  }
}
