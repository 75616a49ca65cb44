import { refuseTableScans } from '../../storage/sqlite/queryPlanCheck';
import type { Case } from '../../domain/cases';
import type { Meeting } from '../../domain/meeting';
import { deliveryTargets, type TrackedDeadline, type TrackedReminder } from '../../domain/reminders';
import { isoFromDayNumber, parseIsoDate } from '../../domain/timescales';
import type { Deliver } from '../../delivery';
import { openStore, type AppStore } from '../../storage/appStore';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { closedMeeting, deadlinesOf, PLAN, reminderCase } from './reminderFixtures';

/** Opens an embedded store in a temp dir; `cleanup` closes it and removes the dir. */
export async function tempStore(): Promise<{ store: AppStore; cleanup: () => Promise<void> }> {
  const dir = await makeTempDir('send-rem-');
  const store = await openStore({ kind: 'embedded', dataDir: dir, checkQueryPlans: refuseTableScans });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await removeDir(dir);
    },
  };
}

/** The conversations a reminder goes to, as the bot would resolve its targets. */
export function conversationsFor(reminder: TrackedReminder, deadline: TrackedDeadline): string[] {
  return deliveryTargets(reminder, deadline).map((t) => {
    switch (t.kind) {
      case 'caseThread':
        return `thread:${reminder.caseId}`;
      case 'escalationChannel':
        return 'escalations';
      case 'responsible': {
        const r = t.responsible;
        const who = r.kind === 'role' ? r.role : r.kind === 'party' ? r.partyId : 'mediators';
        return `1:1:${reminder.caseId}:${who}`;
      }
    }
  });
}

export interface Delivery {
  readonly reminderId: string;
  readonly conversationId: string;
  readonly at: number;
}

/** A deliver callback that "posts" to every target and records what went where and when. */
export function recordingDeliver(now: () => number, log: Delivery[], post?: (conversationId: string, reminder: TrackedReminder) => Promise<string | undefined>): Deliver {
  let n = 0;
  return async (reminder, deadline, tools) => {
    for (const conversationId of conversationsFor(reminder, deadline)) {
      await tools.send(conversationId, async () => {
        const id = post ? await post(conversationId, reminder) : `act-${++n}`;
        log.push({ reminderId: reminder.reminderId, conversationId, at: now() });
        return id;
      });
    }
  };
}

function shiftDate(date: string, days: number): string {
  return isoFromDayNumber(parseIsoDate(date) + days);
}

/**
 * Case i of a spread: its meeting closed `i * spacingDays` after 5 Jan 2026, so over a year
 * the reminders of many cases interleave (weekends, bank holidays and both clock changes).
 */
export function spreadCase(i: number, spacingDays = 11): { c: Case; m: Meeting } {
  const agreementDate = shiftDate('2026-01-05', i * spacingDays);
  const base = reminderCase(`Y-${i}`, {
    decisionNoticeSent: shiftDate(agreementDate, -70),
    laInformed: shiftDate(agreementDate, -25),
    meetingDate: agreementDate,
  });
  const m = closedMeeting(base);
  const closedAt = `${agreementDate}T15:00:00.000Z`;
  return { c: base, m: { ...m, close: { ...m.close!, agreementDate, closedAt } } };
}

/** Stores the deadlines and reminders of `count` spread cases as of `now`. */
export async function seedSpread(store: AppStore, count: number, now: Date, spacingDays?: number): Promise<{ c: Case; m: Meeting }[]> {
  const out: { c: Case; m: Meeting }[] = [];
  for (let i = 0; i < count; i++) {
    const { c, m } = spreadCase(i, spacingDays);
    await store.reminders.syncCase(c.id, deadlinesOf(c, m), PLAN, now);
    out.push({ c, m });
  }
  return out;
}

/** Every stored reminder of these cases. */
export async function allReminders(store: AppStore, cases: readonly { c: Case }[]): Promise<TrackedReminder[]> {
  const lists = await Promise.all(cases.map(({ c }) => store.reminders.listForCase(c.id)));
  return lists.flatMap((l) => [...l.reminders]);
}
