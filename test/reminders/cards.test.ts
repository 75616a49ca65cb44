import { reminderCard, reminderCardView } from '../../cards/reminderCard';
import { remindersListCard, remindersListView, ROWS_SHOWN } from '../../cards/remindersListCard';
import type { TrackedDeadline, TrackedReminder } from '../../domain/reminders';
import { cardText, expectValidCard } from '../cards/validateCard';
import { ACTION_IDS, byId, closedMeeting, deadlinesOf, reminderCase } from './reminderFixtures';

const c = reminderCase();
const deadlines = byId(deadlinesOf(c, closedMeeting(c), { certificateIssued: '2026-12-21' }));
const UPDATED = '2026-12-17T12:05:00.000Z';

function tracked(key: string, over: Partial<TrackedDeadline> = {}): TrackedDeadline {
  const d = deadlines.get(`${c.id}|${key}`);
  if (!d) throw new Error(`no deadline ${key}`);
  return { ...d, updatedAt: UPDATED, ...over };
}

function reminder(d: TrackedDeadline, over: Partial<TrackedReminder> = {}): TrackedReminder {
  return {
    reminderId: `${d.deadlineId}|due-3wd`,
    deadlineId: d.deadlineId,
    caseId: c.id,
    offset: 'due-3wd',
    sendAt: '2027-01-18T09:00:00.000Z',
    kind: 'reminder',
    status: 'pending',
    title: d.title,
    attempts: 0,
    recipients: [],
    updatedAt: UPDATED,
    ...over,
  };
}

const amend = tracked(`action|${ACTION_IDS.amend}|LA_AMEND_PLAN`);

describe('reminder card', () => {
  it('says what is due, by when with the weekday, why, who, and offers Mark done', () => {
    const view = reminderCardView(c, amend, 'reminder', new Date('2027-01-18T09:00:00Z'));
    const card = reminderCard(view);
    const parts = expectValidCard(card);
    const words = cardText(card);
    expect(words).toContain('Reminder: Issue the amended plan');
    expect(words).toContain('Due: Thu 21 Jan 2027, in 3 days (3 working days)');
    expect(words).toContain('Who: Local authority officer');
    expect(words).toContain('Rule: T13d · SEND Regulations 2014 reg 42(2) with reg 44(2)(e)');
    expect(words).toContain('Why: Agreed at the mediation. After agreeing to amend the plan, the local authority issues the amended plan: 5 weeks after the agreement.');
    expect(words).toContain('Agreed: Issue the amended plan with the agreed section F wording.');
    expect(parts.executes.map((a) => [a.verb, a.data])).toEqual([
      ['reminder.done', { caseId: c.id, deadlineId: amend.deadlineId }],
      ['reminders.list', { caseId: c.id }],
    ]);
    expect(card.fallbackText).toBe('Reminder (case SM-2026/014): Issue the amended plan, due Thu 21 Jan 2027, in 3 days (3 working days). Who: Local authority officer.');
  });

  it('escalates in attention colours once overdue', () => {
    const card = reminderCard(reminderCardView(c, amend, 'escalation', new Date('2027-01-22T09:00:00Z')));
    expectValidCard(card);
    expect(cardText(card)).toContain('Overdue: Issue the amended plan');
    expect(cardText(card)).toContain('Thu 21 Jan 2027, overdue by 1 day');
    expect(cardText(card)).toContain('has not been marked done');
  });

  it('gives no Mark done for the appeal limit, and says it is not legal advice', () => {
    const card = reminderCard(reminderCardView(c, tracked('APPEAL|case'), 'reminder', new Date('2027-01-07T09:00:00Z')));
    const parts = expectValidCard(card);
    expect(parts.executes.map((a) => a.verb)).toEqual(['reminders.list']);
    expect(cardText(card)).toContain('not legal advice');
    expect(cardText(card)).toContain('Who: Parent or carer');
  });

  it('shows an hour target with its time, the last working day when the date does not move, and a done mark', () => {
    const outcome = reminderCardView(c, tracked('OUTCOME_STATEMENT|case'), 'reminder', new Date('2026-12-17T16:00:00Z'));
    expect(outcome.dueText).toBe('Fri 18 Dec 2026 at 12:00');
    expect(outcome.timeLeftText).toBe('in 20 hours');
    const weekend = reminderCardView(c, { ...amend, due: '2027-01-24', lastWorkingDay: '2027-01-22' }, 'reminder', new Date('2027-01-18T09:00:00Z'));
    expect(weekend.lastWorkingDayText).toBe('Sun 24 Jan 2027 is not a working day and the date does not move: the last working day before it is Fri 22 Jan 2027.');
    const done = reminderCardView(c, { ...amend, done: { at: '2027-01-19T10:30:00.000Z', by: 'x' } }, 'reminder', new Date('2027-01-19T11:00:00Z'));
    expect(done.canMarkDone).toBe(false);
    const card = reminderCard(done);
    expectValidCard(card);
    expect(cardText(card)).toContain('Marked done on Tue 19 Jan 2027 at 10:30.');
  });
});

describe('reminders list card', () => {
  const cert = tracked('CERT_AFTER_MEDIATION|case');
  const list = {
    deadlines: [amend, tracked('APPEAL|case'), cert],
    reminders: [
      reminder(amend),
      reminder(amend, { reminderId: 'r-sent', offset: 'due-10d', sendAt: '2027-01-11T09:00:00.000Z', status: 'sent', deliveredAt: '2027-01-11T09:00:04.000Z', attempts: 2, recipients: [{ conversationId: 'a', status: 'sent', at: '2027-01-11T09:00:04.000Z' }] }),
      reminder(cert, { reminderId: 'r-failed', kind: 'escalation', sendAt: '2026-12-23T09:00:00.000Z', status: 'failed', attempts: 15, lastError: 'Teams was still unavailable after 5 attempts (last: HTTP 503).' }),
      reminder(cert, { reminderId: 'r-cancelled', sendAt: '2026-12-22T09:00:00.000Z', status: 'cancelled', cancelReason: 'the deadline no longer applies or was done' }),
      reminder(amend, { reminderId: 'r-retry', sendAt: '2027-01-21T09:00:00.000Z', attempts: 3, lastError: 'HTTP 429' }),
    ],
  };

  it('lists deadlines, what is coming and what was sent, with delivery status in words', () => {
    const view = remindersListView(c, list, new Date('2027-01-12T10:00:00Z'));
    const card = remindersListCard(view);
    const parts = expectValidCard(card);
    const words = cardText(card);
    expect(view.deadlines.map((d) => d.statusText)).toEqual(['Open', 'Open', 'Done: the certificate was issued on Mon 21 Dec 2026']);
    expect(words).toContain('**Issue the amended plan**: Open');
    expect(words).toContain('Due Thu 21 Jan 2027, in 9 days (7 working days). Who: Local authority officer.');
    expect(words).toContain('Mon 18 Jan 2027 at 09:00: Due to go out Mon 18 Jan 2027 at 09:00');
    expect(words).toContain('Will try again (3 attempts so far; last problem: HTTP 429)');
    expect(words).toContain('Delivered Mon 11 Jan 2027 at 09:00');
    expect(words).toContain('**Escalation: Certificate after mediation**');
    expect(words).toContain('Not delivered after 15 attempts: Teams was still unavailable after 5 attempts (last: HTTP 503).');
    expect(words).toContain('Not sent: the deadline no longer applies or was done');
    // Mark done only for the open task; the appeal limit gets none.
    expect(parts.executes.map((a) => [a.verb, a.data])).toEqual([
      ['reminder.done', { caseId: c.id, deadlineId: amend.deadlineId, view: 'list' }],
      ['reminders.list', { caseId: c.id }],
    ]);
    expect(view.history.map((r) => r.sendAtText)).toEqual(['Mon 11 Jan 2027 at 09:00', 'Wed 23 Dec 2026 at 09:00', 'Tue 22 Dec 2026 at 09:00']);
  });

  it('says when there is nothing yet', () => {
    const card = remindersListCard(remindersListView(c, { deadlines: [], reminders: [] }, new Date('2027-01-12T10:00:00Z')));
    expectValidCard(card);
    expect(cardText(card)).toContain('No deadlines are being tracked for this case yet.');
    expect(cardText(card)).toContain('Nothing has been sent yet.');
  });

  it('cuts long lists to fit Teams, and says how many are not shown', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      reminder(amend, { reminderId: `r-${i}`, title: `A long title for reminder number ${i} ${'x'.repeat(150)}`, sendAt: `2027-02-${String((i % 28) + 1).padStart(2, '0')}T09:00:00.000Z` }),
    );
    const manyDeadlines = Array.from({ length: 40 }, (_, i) => ({ ...amend, deadlineId: `${amend.deadlineId}-${i}`, title: `Deadline ${i} ${'y'.repeat(150)}` }));
    const card = remindersListCard(remindersListView(c, { deadlines: manyDeadlines, reminders: many }, new Date('2027-01-12T10:00:00Z')));
    const parts = expectValidCard(card);
    expect(cardText(card)).toMatch(/…and \d+ more reminders, not shown/);
    expect(cardText(card)).toMatch(/…and \d+ more deadlines, not shown/);
    expect(parts.executes.filter((a) => a.verb === 'reminder.done').length).toBeLessThanOrEqual(6);
    expect(ROWS_SHOWN).toBe(12);
  });
});
