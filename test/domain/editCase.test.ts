import { applyCaseEdit, editAuditDetail, editFormValues, validateCaseEdit, withMeetingHeld, type Case, type NewCaseFormValues } from '../../domain/cases';
import { makeCase } from './caseFixtures';

const TODAY = '2026-12-01';

/** The edit form as the mediator submits it: the stored values with some changed. */
function submit(c: Case, changes: NewCaseFormValues) {
  return validateCaseEdit(c, { ...editFormValues(c), ...changes }, { today: TODAY });
}

function edited(c: Case, changes: NewCaseFormValues) {
  const r = submit(c, changes);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return applyCaseEdit(c, r.value);
}

describe('editing a case', () => {
  const onlyLaInformed = makeCase({ decisionNoticeSent: '', meetingDate: '', meetingTime: '', laInformed: '2026-11-20' });

  it('pre-fills the form with what is stored, so saving it unchanged changes nothing', () => {
    const values = editFormValues(onlyLaInformed);
    expect(values).toMatchObject({ caseReference: 'SM-2026/014', caseType: 'M-CONTENT', childInitials: 'JS', laInformed: '2026-11-20' });
    expect(values.meetingDate).toBeUndefined();
    const edit = edited(onlyLaInformed, {});
    expect(edit.changed).toEqual([]);
    expect(edit.next).toBe(onlyLaInformed);
  });

  it('moves the case forward as the facts arrive: a meeting date and time fixes the meeting', () => {
    expect(onlyLaInformed.state).toBe('MEDIATION_REQUESTED');
    const dateOnly = edited(onlyLaInformed, { meetingDate: '2026-12-17' });
    expect(dateOnly.next.state).toBe('SCHEDULING');
    const fixed = edited(dateOnly.next, { meetingTime: '10:00' });
    expect(fixed.next.state).toBe('PREPARATION');
    expect(fixed.changed).toEqual(['meetingTime']);
    expect(editAuditDetail(fixed, dateOnly.next)).toBe('fields=meetingTime; state=PREPARATION');
  });

  it('never moves a case backwards when a date is cleared', () => {
    const fixed = makeCase();
    expect(fixed.state).toBe('PREPARATION');
    const cleared = edited(fixed, { meetingTime: '' });
    expect(cleared.next.state).toBe('PREPARATION');
    expect(cleared.next.dates.meetingTime).toBeUndefined();
  });

  it('names the fields changed in the audit detail, never their values', () => {
    const e = edited(onlyLaInformed, { childInitials: 'AB', meetingVenue: 'Civic Centre, Room 4', meetingFormat: 'in_person' });
    const detail = editAuditDetail(e, onlyLaInformed);
    expect(detail).toBe('fields=childInitials,meetingFormat,meetingVenue');
    expect(detail).not.toMatch(/AB|Civic/);
  });

  it('refuses with the new-case form messages: a future past date, a date before the decision notice', () => {
    const future = submit(onlyLaInformed, { laInformed: '2026-12-05' });
    expect(future).toMatchObject({ ok: false, errors: { laInformed: 'The date the local authority was told mediation is wanted cannot be in the future (today is Tue 1 Dec 2026).' } });
    const early = submit(onlyLaInformed, { decisionNoticeSent: '2026-11-25' });
    expect(early).toMatchObject({ ok: false, errors: { laInformed: expect.stringMatching(/cannot have been told before the decision notice was sent \(Wed 25 Nov 2026\)/) } });
    const before = submit(onlyLaInformed, { meetingDate: '2026-11-19' });
    expect(before).toMatchObject({ ok: false, errors: { meetingDate: expect.stringMatching(/cannot be before the local authority was told/) } });
  });

  it('keeps the reference: it is the case key, whatever the form sends', () => {
    const r = submit(onlyLaInformed, { caseReference: 'OTHER-1' });
    expect(r.ok && r.value.caseReference).toBe('SM-2026/014');
  });

  it('fixes the meeting date and type once the meeting has started, and refuses any edit of a closed case', () => {
    const met: Case = { ...makeCase(), state: 'MEETING' };
    expect(submit(met, { meetingDate: '2026-12-18' })).toMatchObject({ ok: false, errors: { meetingDate: expect.stringMatching(/has taken place/) } });
    expect(submit(met, { caseType: 'M-ASSESS' })).toMatchObject({ ok: false, errors: { caseType: expect.stringMatching(/has taken place/) } });
    expect(submit(met, { localAuthority: 'Kent County Council' }).ok).toBe(true);
    const closed: Case = { ...makeCase(), state: 'CLOSED' };
    expect(submit(closed, { localAuthority: 'Kent County Council' })).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/can no longer be edited/) } });
  });

  it('counts a moved meeting for the calendar (SEQUENCE), but not the first date set', () => {
    const first = edited(onlyLaInformed, { meetingDate: '2026-12-17', meetingTime: '10:00' });
    expect(first.meetingMoved).toBe(false);
    expect(first.next.meetingSequence).toBeUndefined();
    const moved = edited(first.next, { meetingTime: '14:00' });
    expect(moved.meetingMoved).toBe(true);
    expect(moved.next.meetingSequence).toBe(1);
    const placed = edited(moved.next, { meetingJoinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0' });
    expect(placed.meetingMoved).toBe(true);
    expect(placed.next.meetingSequence).toBe(2);
    const untouched = edited(placed.next, { localAuthority: 'Kent County Council' });
    expect(untouched.meetingMoved).toBe(false);
    expect(untouched.next.meetingSequence).toBe(2);
  });

  it('stores only the place fields the format uses', () => {
    const link = 'https://teams.microsoft.com/meet/3912345678901?p=AbCdEf';
    const online = edited(onlyLaInformed, { meetingJoinUrl: link, meetingVenue: 'Civic Centre' });
    expect(online.next.meetingJoinUrl).toBe(link);
    expect(online.next.meetingVenue).toBeUndefined();
    const inPerson = edited(online.next, { meetingFormat: 'in_person', meetingVenue: 'Civic Centre' });
    expect(inPerson.next.meetingJoinUrl).toBeUndefined();
    expect(inPerson.next.meetingVenue).toBe('Civic Centre');
    const hybrid = edited(inPerson.next, { meetingFormat: 'hybrid', meetingJoinUrl: link });
    expect(hybrid.next).toMatchObject({ meetingJoinUrl: link, meetingVenue: 'Civic Centre', meetingFormat: 'hybrid' });
  });
});

describe('editing a case whose meeting was held on another day', () => {
  const held = { ...withMeetingHeld(makeCase({ meetingDate: '2026-12-10' }), new Date('2026-12-02T14:05:00Z')), state: 'CONCLUDED_NO_AGREEMENT' as const };

  it('keeps the planned day through an edit of other facts; the date held itself cannot be edited', () => {
    expect(held.dates.plannedMeetingDate).toBe('2026-12-10');
    expect(edited(held, { localAuthority: 'Surrey CC' }).next.dates).toMatchObject({ meetingDate: '2026-12-02', meetingTime: '14:05', plannedMeetingDate: '2026-12-10' });
    expect(submit(held, { meetingDate: '2026-12-01' }).ok).toBe(false);
  });
});
