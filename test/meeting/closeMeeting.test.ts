import { isCaseError } from '../../domain/cases';
import {
  CLOSE_OUTCOMES,
  MeetingSchema,
  agreementDateOf,
  caseStateAfterClose,
  closeMeeting,
  concludedOn,
  setChangeResult,
  startMeeting,
  validateCloseSubmission,
} from '../../domain/meeting';
import { LEAD, MEETING_DAY, PARENT, later, meetingCase, ok, runningMeeting } from './meetingFixtures';

describe('validateCloseSubmission', () => {
  const today = MEETING_DAY;

  it('needs an outcome', () => {
    expect(validateCloseSubmission({}, { today })).toEqual({ ok: false, errors: { outcome: 'Choose how the meeting ended.' }, values: {} });
    expect(validateCloseSubmission({ outcome: 'sort of' }, { today })).toMatchObject({ ok: false, errors: { outcome: 'Choose how the meeting ended.' } });
  });

  it('accepts full, partial and none, ignoring the fields of other outcomes', () => {
    for (const outcome of ['full', 'partial', 'none'] as const) {
      expect(validateCloseSubmission({ outcome, nextDate: '2020-01-01', endedEarlyReason: 'nonsense' }, { today })).toEqual({ ok: true, value: { outcome } });
    }
  });

  it('needs a next date, not in the past, for an adjournment', () => {
    expect(validateCloseSubmission({ outcome: 'adjourned' }, { today })).toMatchObject({ ok: false, errors: { nextDate: 'Enter the date of the next session.' } });
    expect(validateCloseSubmission({ outcome: 'adjourned', nextDate: '2026-12-16' }, { today })).toMatchObject({
      ok: false,
      errors: { nextDate: 'The next session cannot be in the past (today is Thu 17 Dec 2026).' },
    });
    expect(validateCloseSubmission({ outcome: 'adjourned', nextDate: '2026-02-30' }, { today })).toMatchObject({
      ok: false,
      errors: { nextDate: expect.stringMatching(/not a real date/) },
    });
    expect(validateCloseSubmission({ outcome: 'adjourned', nextDate: '2040-01-10' }, { today })).toMatchObject({
      ok: false,
      errors: { nextDate: expect.stringMatching(/outside the years/) },
    });
    expect(validateCloseSubmission({ outcome: 'adjourned', nextDate: today }, { today })).toEqual({ ok: true, value: { outcome: 'adjourned', nextDate: today } });
    expect(validateCloseSubmission({ outcome: 'adjourned', nextDate: '2027-01-12' }, { today })).toEqual({
      ok: true,
      value: { outcome: 'adjourned', nextDate: '2027-01-12' },
    });
  });

  it('needs a reason from the list for ending early, and a short text for "other"', () => {
    expect(validateCloseSubmission({ outcome: 'ended_early' }, { today })).toMatchObject({ ok: false, errors: { endedEarlyReason: 'Choose why the meeting ended early.' } });
    expect(validateCloseSubmission({ outcome: 'ended_early', endedEarlyReason: 'party_left', endedEarlyOther: 'ignored' }, { today })).toEqual({
      ok: true,
      value: { outcome: 'ended_early', reason: 'party_left' },
    });
    expect(validateCloseSubmission({ outcome: 'ended_early', endedEarlyReason: 'other' }, { today })).toMatchObject({
      ok: false,
      errors: { endedEarlyOther: 'Give a short reason why the meeting ended early.' },
    });
    expect(validateCloseSubmission({ outcome: 'ended_early', endedEarlyReason: 'other', endedEarlyOther: 'x'.repeat(201) }, { today })).toMatchObject({
      ok: false,
      errors: { endedEarlyOther: 'Keep the reason to 200 characters or fewer.' },
    });
    expect(validateCloseSubmission({ outcome: 'ended_early', endedEarlyReason: 'other', endedEarlyOther: ' Connection\nlost ' }, { today })).toEqual({
      ok: true,
      value: { outcome: 'ended_early', reason: 'other', otherReason: 'Connection lost' },
    });
  });
});

describe('closeMeeting', () => {
  const c = meetingCase();

  it('closes with the London date of closing as the agreement date', () => {
    // 00:30 BST on 1 June 2027 is still 31 May in UTC: the London date is what counts.
    const start = new Date('2027-05-31T22:00:00Z');
    const m = runningMeeting(c, start);
    const closed = ok(closeMeeting(c, m, LEAD.aadObjectId, { outcome: 'full' }, new Date('2027-05-31T23:30:00Z')));
    expect(closed.state).toBe('closed');
    expect(closed.close).toEqual({ outcome: 'full', closedAt: '2027-05-31T23:30:00.000Z', closedBy: LEAD.aadObjectId, agreementDate: '2027-06-01' });
    expect(agreementDateOf(closed, '2027-06-05')).toBe('2027-06-01');
    expect(concludedOn(closed)).toBe('2027-06-01');
    expect(MeetingSchema.safeParse(closed).success).toBe(true);
  });

  it('uses today as the provisional agreement date while running, and has no conclusion date then or after an adjournment', () => {
    const m = runningMeeting(c);
    expect(agreementDateOf(m, MEETING_DAY)).toBe(MEETING_DAY);
    expect(concludedOn(m)).toBeUndefined();
    const adjourned = ok(closeMeeting(c, m, LEAD.aadObjectId, { outcome: 'adjourned', nextDate: '2027-01-12' }, later(60)));
    expect(adjourned.close).toMatchObject({ outcome: 'adjourned', nextDate: '2027-01-12', agreementDate: MEETING_DAY });
    expect(concludedOn(adjourned)).toBeUndefined();
  });

  it('returns the same record for the same decision again, and refuses a different one', () => {
    const closed = ok(closeMeeting(c, runningMeeting(c), LEAD.aadObjectId, { outcome: 'ended_early', reason: 'toe_breach' }, later(60)));
    expect(closeMeeting(c, closed, LEAD.aadObjectId, { outcome: 'ended_early', reason: 'toe_breach' }, later(61))).toBe(closed);
    expect(closeMeeting(c, closed, LEAD.aadObjectId, { outcome: 'full' }, later(61))).toMatchObject({ code: 'invalid_transition' });
  });

  it('refuses a next date in the past, "no agreement" with agreed items, and a non-mediator', () => {
    const m = runningMeeting(c);
    expect(closeMeeting(c, m, LEAD.aadObjectId, { outcome: 'adjourned', nextDate: '2026-12-16' }, later(60))).toMatchObject({ code: 'invalid_input' });
    expect(closeMeeting(c, m, PARENT.aadObjectId, { outcome: 'full' }, later(60))).toMatchObject({ code: 'not_allowed' });
    const withChange = ok(setChangeResult(c, m, LEAD.aadObjectId, { changeId: 'change-0001', result: 'agreed', agreedWording: 'New wording' }, later(30)));
    const refused = closeMeeting(c, withChange, LEAD.aadObjectId, { outcome: 'none' }, later(60));
    expect(isCaseError(refused) && refused.message).toMatch(/1 agreed item/);
    const deferred = ok(setChangeResult(c, m, LEAD.aadObjectId, { changeId: 'change-0001', result: 'deferred' }, later(30)));
    expect(isCaseError(closeMeeting(c, deferred, LEAD.aadObjectId, { outcome: 'none' }, later(60)))).toBe(false);
  });

  it('maps every outcome to a case state of the lifecycle', () => {
    expect(CLOSE_OUTCOMES.map((o) => caseStateAfterClose(o))).toEqual([
      'CONCLUDED_FULL_AGREEMENT',
      'CONCLUDED_PARTIAL_AGREEMENT',
      'CONCLUDED_NO_AGREEMENT',
      'ADJOURNED',
      'ABANDONED',
    ]);
  });

  it('keeps the guards and the started-anyway reason a meeting started with', () => {
    const guards = { termsAgreed: true, authorityConfirmed: false };
    const started = ok(startMeeting(c, null, LEAD.aadObjectId, { guards, startedAnywayReason: 'Officer confirmed by phone' }, later(0)));
    const closed = ok(closeMeeting(c, started, LEAD.aadObjectId, { outcome: 'full' }, later(60)));
    expect(closed).toMatchObject({ state: 'closed', guards, startedAnywayReason: 'Officer confirmed by phone' });
  });
});
