import { CHECKLIST, CHECKLIST_ITEM_IDS, MeetingSchema, closeMeeting, failingGuards, guardLines, startMeeting, tickItem } from '../../domain/meeting';
import { isCaseError } from '../../domain/cases';
import { STRANGER, makeCase } from '../domain/caseFixtures';
import { GUARDS_OK, LEAD, MEETING_START, PARENT, later, meetingCase, ok, runningMeeting } from './meetingFixtures';

describe('the checklist data', () => {
  it('lists every item id once, agenda numbered 1-8 in order, then the cross-cutting items', () => {
    expect(CHECKLIST.map((i) => i.id)).toEqual([...CHECKLIST_ITEM_IDS]);
    expect(CHECKLIST.filter((i) => i.kind === 'agenda').map((i) => i.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(CHECKLIST.filter((i) => i.kind === 'cross_cutting').map((i) => i.id)).toEqual(['childs_views', 'reasonable_adjustments', 'authority_confirmed']);
    for (const item of CHECKLIST) {
      expect(item.title.length).toBeGreaterThan(2);
      expect(item.hint.length).toBeGreaterThan(10);
    }
  });

  it('says in the opening item that Teams recording and transcription must be off', () => {
    expect(CHECKLIST[0]?.hint).toMatch(/recording and transcription are off/);
  });
});

describe('start guards', () => {
  it('reads each guard in words, and treats an absent changes review as not needed', () => {
    expect(guardLines({ termsAgreed: true, authorityConfirmed: false }).map((g) => g.status)).toEqual(['ok', 'failed', 'not_needed']);
    expect(failingGuards({ termsAgreed: false, authorityConfirmed: true, changesReviewed: false })).toEqual(['termsAgreed', 'changesReviewed']);
    expect(failingGuards(GUARDS_OK)).toEqual([]);
  });
});

describe('startMeeting', () => {
  it('starts session 1 in progress, with the guards, and a valid record', () => {
    const m = runningMeeting();
    expect(m).toMatchObject({ session: 1, state: 'in_progress', startedAt: MEETING_START.toISOString(), startedBy: LEAD.aadObjectId, version: 1 });
    expect(m.startedAnywayReason).toBeUndefined();
    expect(m.ticks).toEqual({});
    expect(MeetingSchema.safeParse(m).success).toBe(true);
  });

  it('requires a reason when a guard fails, and keeps it (collapsed to one line)', () => {
    const c = meetingCase();
    const guards = { termsAgreed: true, authorityConfirmed: false };
    const refused = startMeeting(c, null, LEAD.aadObjectId, { guards }, MEETING_START);
    expect(isCaseError(refused) && refused.message).toMatch(/has not confirmed their authority.*Give a short reason/);
    expect(isCaseError(startMeeting(c, null, LEAD.aadObjectId, { guards, startedAnywayReason: '   ' }, MEETING_START))).toBe(true);
    const long = startMeeting(c, null, LEAD.aadObjectId, { guards, startedAnywayReason: 'x'.repeat(201) }, MEETING_START);
    expect(isCaseError(long) && long.message).toMatch(/200 characters/);
    const m = ok(startMeeting(c, null, LEAD.aadObjectId, { guards, startedAnywayReason: ' Officer confirmed\nby phone ' }, MEETING_START));
    expect(m.startedAnywayReason).toBe('Officer confirmed by phone');
    expect(m.guards).toEqual(guards);
  });

  it('drops a reason nobody needed', () => {
    const m = ok(startMeeting(meetingCase(), null, LEAD.aadObjectId, { guards: GUARDS_OK, startedAnywayReason: 'just because' }, MEETING_START));
    expect(m.startedAnywayReason).toBeUndefined();
  });

  it('lets only a mediator start, starts a DRS meeting too, and refuses a case no longer heading to a meeting', () => {
    const c = meetingCase();
    expect(startMeeting(c, null, PARENT.aadObjectId, { guards: GUARDS_OK }, MEETING_START)).toMatchObject({ code: 'not_allowed' });
    expect(startMeeting(c, null, STRANGER.aadObjectId, { guards: GUARDS_OK }, MEETING_START)).toMatchObject({ code: 'not_allowed' });
    expect(startMeeting(makeCase({ caseType: 'D-DUTIES' }), null, LEAD.aadObjectId, { guards: GUARDS_OK }, MEETING_START)).toMatchObject({ state: 'in_progress' });
    expect(startMeeting({ ...c, state: 'CANCELLED' }, null, LEAD.aadObjectId, { guards: GUARDS_OK }, MEETING_START)).toMatchObject({ code: 'invalid_transition' });
    expect(isCaseError(startMeeting({ ...c, state: 'MEETING' }, null, LEAD.aadObjectId, { guards: GUARDS_OK }, MEETING_START))).toBe(false);
  });

  it('returns the meeting in progress when started again (a repeated click)', () => {
    const c = meetingCase();
    const m = runningMeeting(c);
    expect(startMeeting(c, m, LEAD.aadObjectId, { guards: { termsAgreed: false, authorityConfirmed: false } }, later(5))).toBe(m);
  });

  it('starts session 2 after an adjournment, carrying actions and change results forward but not ticks or breaks', () => {
    const c = meetingCase();
    let m = runningMeeting(c);
    m = ok(tickItem(c, m, LEAD.aadObjectId, 'opening', true, later(1)));
    m = {
      ...m,
      actions: [{ actionId: 'action-0001', owner: { kind: 'body', body: 'local_authority' }, what: 'Issue the plan', category: 'amend_plan', addedAt: later(2).toISOString(), addedBy: LEAD.aadObjectId }],
      changeResults: { 'change-0001': { changeId: 'change-0001', result: 'deferred', recordedAt: later(3).toISOString(), recordedBy: LEAD.aadObjectId } },
    };
    const adjourned = ok(closeMeeting(c, m, LEAD.aadObjectId, { outcome: 'adjourned', nextDate: '2027-01-12' }, later(60)));
    const next = ok(startMeeting(c, adjourned, LEAD.aadObjectId, { guards: GUARDS_OK }, new Date('2027-01-12T10:00:00Z')));
    expect(next.session).toBe(2);
    expect(next.meetingId).not.toBe(m.meetingId);
    expect(next.actions).toEqual(m.actions);
    expect(next.changeResults).toEqual(m.changeResults);
    expect(next.ticks).toEqual({});
    expect(next.breaks).toEqual([]);
  });

  it('refuses another session after any other close', () => {
    const c = meetingCase();
    const closed = ok(closeMeeting(c, runningMeeting(c), LEAD.aadObjectId, { outcome: 'full' }, later(60)));
    expect(startMeeting(c, closed, LEAD.aadObjectId, { guards: GUARDS_OK }, later(90))).toMatchObject({ code: 'invalid_transition' });
  });
});
