import { addParty, isCaseError, moveCase, nextTaskFor, offPlanStartQuestion, withMeetingHeld, type Case, type CaseError } from '../../domain/cases';
import { closeMeeting, startMeeting } from '../../domain/meeting';
import { deadlinesForCase } from '../../domain/reminders';
import { LEAD, NOW, OFFICER, PARENT, makeCase } from './caseFixtures';

function ok<T>(r: T | CaseError | Error): T {
  if (isCaseError(r) || r instanceof Error) throw r;
  return r;
}

const HELD_AT = new Date('2026-12-02T14:05:00Z');

describe('the meeting happens when it happens', () => {
  it('asks before starting on another day than planned, with both days in words', () => {
    const c = makeCase({ meetingDate: '2026-12-10' });
    expect(offPlanStartQuestion(c, '2026-12-02')).toBe('The meeting was planned for Thu 10 Dec 2026. Start it today, Wed 2 Dec?');
    expect(offPlanStartQuestion(c, '2026-12-10')).toBeUndefined();
    expect(offPlanStartQuestion(makeCase({ meetingDate: '2027-01-04' }), '2026-12-31')).toBe('The meeting was planned for Mon 4 Jan 2027. Start it today, Thu 31 Dec 2026?');
  });

  it('makes the day it started the meeting date, keeping the planned day beside it', () => {
    const c = makeCase({ meetingDate: '2026-12-10' });
    const held = withMeetingHeld(c, HELD_AT);
    expect(held.dates).toMatchObject({ meetingDate: '2026-12-02', meetingTime: '14:05', plannedMeetingDate: '2026-12-10' });
    expect(withMeetingHeld(held, HELD_AT)).toBe(held);
    expect(withMeetingHeld(c, new Date('2026-12-10T10:00:00Z'))).toBe(c);
  });

  it('after the meeting the next step is the outcome, then the certificate, never the meeting or preparation', () => {
    let c: Case = makeCase({ caseType: 'M-CONTENT', meetingDate: '2026-12-10' });
    c = ok(addParty(c, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW));
    c = ok(addParty(c, { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW));
    c = withMeetingHeld(ok(moveCase(c, 'MEETING')), HELD_AT);
    const today = '2026-12-02';
    expect(nextTaskFor(c, LEAD.aadObjectId, [], today)).toBe('Close the meeting on the checklist when it ends.');
    expect(nextTaskFor(c, PARENT.aadObjectId, [], today)).toBe('The meeting is under way.');
    c = ok(moveCase(c, 'CONCLUDED_FULL_AGREEMENT'));
    expect(nextTaskFor(c, LEAD.aadObjectId, [], today)).toMatch(/^Publish the outcome statement/);
    expect(nextTaskFor(c, OFFICER.aadObjectId, [], today)).toMatch(/^Send the amended plan wording.*24 hours after the meeting/);
    expect(nextTaskFor(c, PARENT.aadObjectId, [], today)).toMatch(/^Wait for the outcome statement/);
    c = ok(moveCase(c, 'OUTCOME_ISSUED'));
    expect(nextTaskFor(c, LEAD.aadObjectId, [], today)).toBe('Issue the mediation certificate.');
    expect(nextTaskFor(c, PARENT.aadObjectId, [], today)).toBe('Read the outcome statement; the mediation certificate follows.');
    c = ok(moveCase(c, 'CERTIFICATE_ISSUED'));
    expect(nextTaskFor(c, LEAD.aadObjectId, [], today)).toBe('Nothing now: the outcome and the certificate are out.');
    expect(nextTaskFor(c, PARENT.aadObjectId, [], today)).toMatch(/^Keep the mediation certificate/);
    // The certificate first: the outcome is still owed.
    expect(nextTaskFor(c, LEAD.aadObjectId, [], today, { outcomePublished: false, certificateIssued: true })).toMatch(/^Publish the outcome statement/);
    // The hook the agreed-actions feature fills: a person's own actions come first.
    expect(nextTaskFor(c, OFFICER.aadObjectId, [], today, { myOpenActions: ['Send the draft plan by Thu 7 Jan 2027'] })).toBe(
      'Your agreed action: Send the draft plan by Thu 7 Jan 2027.',
    );
    for (const who of [LEAD, PARENT, OFFICER]) expect(nextTaskFor(c, who.aadObjectId, [], today)).not.toMatch(/Meeting on|Terms of Engagement|preparation/i);
  });

  it('a DRS meeting leads to a non-binding outcome and no certificate, never back to arranging the meeting', () => {
    let c: Case = makeCase({ caseType: 'D-PROVISION', meetingDate: '2026-12-10' });
    c = ok(addParty(c, { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW));
    c = withMeetingHeld(ok(moveCase(c, 'DRS_MEETING')), HELD_AT);
    const today = '2026-12-02';
    expect(nextTaskFor(c, LEAD.aadObjectId, [], today)).toBe('Close the meeting on the checklist when it ends.');
    expect(nextTaskFor(c, OFFICER.aadObjectId, [], today)).toBe('The meeting is under way.');
    c = ok(moveCase(c, 'DRS_OUTCOME'));
    expect(nextTaskFor(c, LEAD.aadObjectId, [], today, { outcomePublished: false })).toBe('Publish the outcome statement (it is not legally binding; no certificate follows).');
    expect(nextTaskFor(c, OFFICER.aadObjectId, [], today, { outcomePublished: false })).toBe('Wait for the outcome statement from the mediator.');
    expect(nextTaskFor(c, LEAD.aadObjectId, [], today, { outcomePublished: true })).toBe('Nothing now: the outcome statement is out.');
    expect(nextTaskFor(c, OFFICER.aadObjectId, [], today, { outcomePublished: true, myOpenActions: ['Visit the school by Fri 8 Jan 2027'] })).toBe('Your agreed action: Visit the school by Fri 8 Jan 2027.');
  });

  it('the amended plan is due with the outcome (24 hours after the close), not the minute the meeting closes', () => {
    let c: Case = makeCase({ caseType: 'M-CONTENT', meetingDate: '2026-12-10' });
    c = ok(addParty(c, { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW));
    const started = ok(startMeeting(c, null, LEAD.aadObjectId, { guards: { termsAgreed: true, authorityConfirmed: true } }, HELD_AT));
    const closed = ok(closeMeeting(c, started, LEAD.aadObjectId, { outcome: 'full' }, new Date('2026-12-02T16:00:00Z')));
    const plan = deadlinesForCase(ok(moveCase(ok(moveCase(c, 'MEETING')), 'CONCLUDED_FULL_AGREEMENT')), closed).find((d) => d.scheduleKey === 'AMENDED_PLAN');
    expect(plan).toMatchObject({ due: '2026-12-03', dueAt: '2026-12-03T16:00:00.000Z', responsible: { kind: 'role', role: 'la_officer' } });
  });
});
