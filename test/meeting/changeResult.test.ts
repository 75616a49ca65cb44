import { isCaseError } from '../../domain/cases';
import { ChangeResultSchema, MeetingSchema, changeResultOf, closeMeeting, setChangeResult, validateChangeResultSubmission } from '../../domain/meeting';
import { LEAD, PARENT, later, meetingCase, ok, runningMeeting } from './meetingFixtures';

describe('validateChangeResultSubmission', () => {
  it('needs a result', () => {
    expect(validateChangeResultSubmission('change-0001', {})).toEqual({
      ok: false,
      errors: { result: 'Choose what the meeting decided about this change.' },
      values: {},
    });
  });

  it('needs the agreed wording for agreed and agreed-as-amended, up to 2000 characters', () => {
    for (const result of ['agreed', 'agreed_as_amended']) {
      expect(validateChangeResultSubmission('change-0001', { result })).toMatchObject({
        ok: false,
        errors: { agreedWording: 'Enter the wording everyone confirmed on the shared screen.' },
      });
    }
    expect(validateChangeResultSubmission('change-0001', { result: 'agreed', agreedWording: 'w'.repeat(2001) })).toMatchObject({
      ok: false,
      errors: { agreedWording: expect.stringMatching(/2000 characters or fewer/) },
    });
    expect(validateChangeResultSubmission('change-0001', { result: 'agreed_as_amended', agreedWording: ' Line one\r\nLine two ' })).toEqual({
      ok: true,
      value: { changeId: 'change-0001', result: 'agreed_as_amended', agreedWording: 'Line one\nLine two' },
    });
  });

  it('drops wording for a result that has none', () => {
    expect(validateChangeResultSubmission('change-0001', { result: 'not_agreed', agreedWording: 'left over' })).toEqual({
      ok: true,
      value: { changeId: 'change-0001', result: 'not_agreed' },
    });
  });

  it('refuses a change id that is not an id', () => {
    expect(validateChangeResultSubmission('no', { result: 'deferred' })).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
  });

  it('the schema enforces the wording rule too', () => {
    expect(ChangeResultSchema.safeParse({ changeId: 'change-0001', result: 'agreed' }).success).toBe(false);
    expect(ChangeResultSchema.safeParse({ changeId: 'change-0001', result: 'deferred', agreedWording: 'x' }).success).toBe(false);
    expect(ChangeResultSchema.safeParse({ changeId: 'change-0001', result: 'agreed', agreedWording: 'x' }).success).toBe(true);
  });
});

describe('setChangeResult', () => {
  const c = meetingCase();

  it('records by change id; the same result again changes nothing; a new result replaces it', () => {
    const m = runningMeeting(c);
    const agreed = ok(setChangeResult(c, m, LEAD.aadObjectId, { changeId: 'change-0001', result: 'agreed', agreedWording: 'New' }, later(30)));
    expect(agreed.changeResults['change-0001']).toEqual({
      changeId: 'change-0001',
      result: 'agreed',
      agreedWording: 'New',
      recordedAt: later(30).toISOString(),
      recordedBy: LEAD.aadObjectId,
    });
    expect(setChangeResult(c, agreed, LEAD.aadObjectId, { changeId: 'change-0001', result: 'agreed', agreedWording: 'New' }, later(31))).toBe(agreed);
    const deferred = ok(setChangeResult(c, agreed, LEAD.aadObjectId, { changeId: 'change-0001', result: 'deferred' }, later(32)));
    expect(changeResultOf(deferred, 'change-0001')).toMatchObject({ result: 'deferred' });
    expect(changeResultOf(deferred, 'change-0001')?.agreedWording).toBeUndefined();
    expect(MeetingSchema.safeParse(deferred).success).toBe(true);
  });

  it('refuses a non-mediator, a closed meeting, and an agreed result without wording', () => {
    const m = runningMeeting(c);
    expect(setChangeResult(c, m, PARENT.aadObjectId, { changeId: 'change-0001', result: 'deferred' }, later(30))).toMatchObject({ code: 'not_allowed' });
    expect(setChangeResult(c, m, LEAD.aadObjectId, { changeId: 'change-0001', result: 'agreed' }, later(30))).toMatchObject({ code: 'invalid_input' });
    const closed = ok(closeMeeting(c, m, LEAD.aadObjectId, { outcome: 'none' }, later(40)));
    expect(isCaseError(setChangeResult(c, closed, LEAD.aadObjectId, { changeId: 'change-0001', result: 'deferred' }, later(41)))).toBe(true);
  });

  it('does not mistake inherited names for results', () => {
    expect(changeResultOf(runningMeeting(c), 'constructor')).toBeUndefined();
  });
});
