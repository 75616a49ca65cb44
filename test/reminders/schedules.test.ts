import {
  DEFAULT_REMINDER_SCHEDULES,
  londonInstant,
  offsetCode,
  reminderSchedules,
  remindersFor,
  type Deadline,
  type ReminderOffset,
} from '../../domain/reminders';
import { defaultCalendar } from '../../domain/timescales';

function deadline(over: Partial<Deadline> = {}): Deadline {
  return {
    deadlineId: 'case-1|CERT_NO_MEDIATION|case',
    caseId: 'case-1',
    kind: 'statutory',
    ruleId: 'CERT_NO_MEDIATION',
    scheduleKey: 'CERT_NO_MEDIATION',
    tNumber: 'T2',
    title: 'Certificate: mediation not wanted',
    why: 'Because.',
    due: '2026-04-09',
    lastWorkingDay: '2026-04-09',
    trigger: { what: 'adviser told mediation is not wanted', date: '2026-04-02' },
    responsible: { kind: 'mediators', label: 'Mediation adviser' },
    source: 'SEND Regulations 2014 reg 34',
    escalates: true,
    ...over,
  };
}

const at = (r: { offset: string; sendAt: string; kind: string }) => `${r.kind === 'escalation' ? 'ESC ' : ''}${r.offset} ${r.sendAt}`;

describe('09:00 Europe/London', () => {
  it('is 09:00 UTC in winter and 08:00 UTC in summer, across both clock changes', () => {
    expect(londonInstant('2026-03-27').toISOString()).toBe('2026-03-27T09:00:00.000Z'); // Fri, GMT
    expect(londonInstant('2026-03-30').toISOString()).toBe('2026-03-30T08:00:00.000Z'); // Mon after 29 Mar, BST
    expect(londonInstant('2026-10-23').toISOString()).toBe('2026-10-23T08:00:00.000Z'); // Fri, BST
    expect(londonInstant('2026-10-26').toISOString()).toBe('2026-10-26T09:00:00.000Z'); // Mon after 25 Oct, GMT
    expect(londonInstant('2026-03-29', { hour: 17, minute: 30 }).toISOString()).toBe('2026-03-29T16:30:00.000Z'); // the change day itself
  });

  it('moves reminders of one deadline across the March change', () => {
    // T13b step due Tue 31 Mar 2026: WD-3 is Thu 26 Mar (GMT), the escalation Wed 1 Apr (BST).
    const d = deadline({ scheduleKey: 'LA_ASSESS_NOTIFY', ruleId: 'LA_ASSESS_NOTIFY', due: '2026-03-31', lastWorkingDay: '2026-03-31', trigger: { what: 'agreement date', date: '2026-03-17' } });
    expect(remindersFor(d, DEFAULT_REMINDER_SCHEDULES).map(at)).toEqual(['due-3wd 2026-03-26T09:00:00.000Z', 'ESC esc:due+1wd 2026-04-01T08:00:00.000Z']);
  });

  it('moves reminders of one deadline across the October change', () => {
    const d = deadline({ scheduleKey: 'OTHER_ACTION', ruleId: 'OTHER_ACTION', due: '2026-10-27', lastWorkingDay: '2026-10-27', trigger: { what: 'agreement date', date: '2026-10-13' } });
    expect(remindersFor(d, DEFAULT_REMINDER_SCHEDULES).map(at)).toEqual([
      'due-3wd 2026-10-22T08:00:00.000Z',
      'due+0wd 2026-10-27T09:00:00.000Z',
      'ESC esc:due+1wd 2026-10-28T09:00:00.000Z',
    ]);
  });
});

describe('remindersFor', () => {
  it('T2 (E5): WD-1 and the due day around Easter, escalation on WD+1', () => {
    // Told Thu 2 Apr 2026; due Thu 9 Apr 2026 (Good Friday and Easter Monday skipped).
    expect(remindersFor(deadline(), DEFAULT_REMINDER_SCHEDULES).map(at)).toEqual([
      'due-1wd 2026-04-08T08:00:00.000Z',
      'due+0wd 2026-04-09T08:00:00.000Z',
      'ESC esc:due+1wd 2026-04-10T08:00:00.000Z',
    ]);
  });

  it('sends on the working day before a weekend or a bank holiday', () => {
    // T1: decision sent Mon 20 Apr 2026, due Sat 20 Jun 2026. +4 weeks = Mon 18 May (working);
    // 2 weeks before = Sat 6 Jun -> Fri 5 Jun; 3 days before = Wed 17 Jun.
    const t1 = deadline({
      deadlineId: 'case-1|ADVISER_CONTACT|case',
      scheduleKey: 'ADVISER_CONTACT',
      ruleId: 'ADVISER_CONTACT',
      due: '2026-06-20',
      lastWorkingDay: '2026-06-19',
      trigger: { what: 'decision notice sent', date: '2026-04-20' },
      escalates: false,
    });
    expect(remindersFor(t1, DEFAULT_REMINDER_SCHEDULES).map(at)).toEqual([
      'trigger+4w 2026-05-18T08:00:00.000Z',
      'due-14d 2026-06-05T08:00:00.000Z',
      'due-3d 2026-06-17T08:00:00.000Z',
    ]);
    // T17 due Mon 20 Apr 2026: 14 days before is Easter Monday 6 Apr -> Thu 2 Apr (Good Friday skipped).
    const appeal = deadline({ scheduleKey: 'APPEAL', ruleId: 'APPEAL', due: '2026-04-20', lastWorkingDay: '2026-04-20', escalates: false });
    expect(remindersFor(appeal, DEFAULT_REMINDER_SCHEDULES).map(at)).toEqual([
      'due-14d 2026-04-02T08:00:00.000Z',
      'due-7d 2026-04-13T08:00:00.000Z',
      'due-2wd 2026-04-16T08:00:00.000Z',
    ]);
  });

  it('T13d (E10): due on Easter Monday, so "on the day" is the last working day before it', () => {
    const d = deadline({ scheduleKey: 'LA_AMEND_PLAN', ruleId: 'LA_AMEND_PLAN', due: '2026-04-06', lastWorkingDay: '2026-04-02', trigger: { what: 'agreement date', date: '2026-03-02' } });
    expect(remindersFor(d, DEFAULT_REMINDER_SCHEDULES).map(at)).toEqual([
      'due-10d 2026-03-27T09:00:00.000Z',
      'due-3wd 2026-03-31T08:00:00.000Z',
      'due+0wd 2026-04-02T08:00:00.000Z',
      'ESC esc:due+1wd 2026-04-07T08:00:00.000Z',
    ]);
  });

  it('T10: at the ideal date and at the latest date', () => {
    const d = deadline({ scheduleKey: 'REQUESTED_CHANGES', ruleId: 'REQUESTED_CHANGES', due: '2026-12-14', ideal: '2026-12-10', lastWorkingDay: '2026-12-14', escalates: false, trigger: { what: 'meeting date', date: '2026-12-17' } });
    expect(remindersFor(d, DEFAULT_REMINDER_SCHEDULES).map(at)).toEqual(['ideal+0d 2026-12-10T09:00:00.000Z', 'due+0wd 2026-12-14T09:00:00.000Z']);
  });

  it('T8: hour-based reminders land at their exact instant, weekend or not', () => {
    const d = deadline({
      scheduleKey: 'OUTCOME_STATEMENT',
      ruleId: undefined,
      kind: 'practice',
      due: '2026-03-29',
      dueAt: '2026-03-29T20:00:00.000Z',
      lastWorkingDay: '2026-03-29',
      trigger: { what: 'meeting closed', date: '2026-03-28', at: '2026-03-28T20:00:00.000Z' },
      escalates: false,
    });
    expect(remindersFor(d, DEFAULT_REMINDER_SCHEDULES).map(at)).toEqual(['trigger+4h 2026-03-29T00:00:00.000Z', 'trigger+20h 2026-03-29T16:00:00.000Z']);
    // Without the instant there is nothing to count hours from.
    expect(remindersFor({ ...d, trigger: { what: 'meeting closed', date: '2026-03-28' } }, DEFAULT_REMINDER_SCHEDULES)).toEqual([]);
  });

  it('leaves out past reminders, but keeps an escalation that is due', () => {
    const all = remindersFor(deadline(), DEFAULT_REMINDER_SCHEDULES);
    const mid = remindersFor(deadline(), DEFAULT_REMINDER_SCHEDULES, defaultCalendar, { now: new Date('2026-04-08T12:00:00Z') });
    expect(mid.map((r) => r.offset)).toEqual(['due+0wd', 'esc:due+1wd']);
    const late = remindersFor(deadline(), DEFAULT_REMINDER_SCHEDULES, defaultCalendar, { now: new Date('2026-05-01T12:00:00Z') });
    expect(late.map((r) => r.offset)).toEqual(['esc:due+1wd']);
    expect(all.map((r) => r.reminderId)).toEqual(all.map((r) => `case-1|CERT_NO_MEDIATION|case|${r.offset}`));
  });

  it('gives no reminders for a done deadline and no escalation for one that does not escalate', () => {
    expect(remindersFor(deadline({ satisfied: { at: '2026-04-03', reason: 'issued' } }), DEFAULT_REMINDER_SCHEDULES)).toEqual([]);
    expect(remindersFor(deadline({ escalates: false }), DEFAULT_REMINDER_SCHEDULES).map((r) => r.kind)).toEqual(['reminder', 'reminder']);
  });

  it('keeps the ids when the date moves, so stored reminders are updated rather than added', () => {
    const first = remindersFor(deadline(), DEFAULT_REMINDER_SCHEDULES);
    const moved = remindersFor(deadline({ due: '2026-04-14', lastWorkingDay: '2026-04-14' }), DEFAULT_REMINDER_SCHEDULES);
    expect(moved.map((r) => r.reminderId)).toEqual(first.map((r) => r.reminderId));
    expect(moved[0]?.sendAt).toBe('2026-04-13T08:00:00.000Z');
  });

  it('takes schedules as data: overrides replace or switch off a rule, and equal times give one reminder', () => {
    const off = reminderSchedules({ CERT_NO_MEDIATION: [] });
    expect(remindersFor(deadline(), off)).toEqual([]);
    const twice: ReminderOffset[] = [
      { from: 'due', unit: 'calendarDays', amount: -1, kind: 'reminder' },
      { from: 'due', unit: 'workingDays', amount: -1, kind: 'reminder' },
      { from: 'trigger', unit: 'hours', amount: 1, kind: 'reminder' },
    ];
    expect(remindersFor(deadline(), reminderSchedules({ CERT_NO_MEDIATION: twice })).map((r) => r.offset)).toEqual(['due-1d']);
    expect(DEFAULT_REMINDER_SCHEDULES.ADVISER_CONTACT.map(offsetCode)).toEqual(['trigger+4w', 'due-14d', 'due-3d']);
  });
});
