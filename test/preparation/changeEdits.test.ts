import { createChange, editChange, meetingStarted, sendChange, setLaPosition, parsePositionInput, changesClosed } from '../../domain/preparation';
import { ADVOCATE, LEAD, NOW, OFFICER, PARENT, changeInput, ok, partyIdOf, prepCase, storedChange } from './prepFixtures';
import { STRANGER, seqRandom } from '../domain/caseFixtures';

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('entering requested changes', () => {
  it('creates a draft asked for by the parent who typed it, with a stable random id', () => {
    const c = prepCase();
    const change = ok(createChange(c, changeInput(), PARENT.aadObjectId, NOW, seqRandom()));
    expect(change).toMatchObject({
      caseId: c.id,
      section: 'F',
      requestedBy: { partyId: partyIdOf(c, PARENT), displayName: PARENT.displayName },
      enteredBy: PARENT.aadObjectId,
      positionHistory: [],
      version: 1,
    });
    expect(change.changeId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(change.sentAt).toBeUndefined();
  });

  it('lets a mediator enter a change for the family, choosing who asks when there is a choice', () => {
    const c = prepCase({}, [
      ['parent_carer', PARENT],
      ['advocate', ADVOCATE],
      ['la_officer', OFFICER],
    ]);
    expect(createChange(c, changeInput(), LEAD.aadObjectId, NOW)).toMatchObject({ code: 'invalid_input', message: 'Choose who is asking for this change.' });
    const byAdvocate = ok(createChange(c, changeInput({ requestedBy: partyIdOf(c, ADVOCATE) }), LEAD.aadObjectId, NOW));
    expect(byAdvocate.requestedBy.displayName).toBe(ADVOCATE.displayName);
    expect(createChange(c, changeInput({ requestedBy: partyIdOf(c, OFFICER) }), LEAD.aadObjectId, NOW)).toMatchObject({ code: 'invalid_input' });
  });

  it('refuses the LA officer, strangers, cases not about the plan, and a meeting that has started', () => {
    const c = prepCase();
    expect(createChange(c, changeInput(), OFFICER.aadObjectId, NOW)).toMatchObject({ code: 'not_allowed' });
    expect(createChange(c, changeInput(), STRANGER.aadObjectId, NOW)).toMatchObject({ code: 'not_allowed' });
    expect(createChange(prepCase({ caseType: 'M-ASSESS' }), changeInput(), PARENT.aadObjectId, NOW)).toMatchObject({ message: expect.stringMatching(/not about what the plan says/) });
    // Meeting Thu 17 Dec 2026 at 10:00 London (GMT): 09:59 is before, 10:00 is the start.
    expect(meetingStarted(c, new Date('2026-12-17T09:59:00Z'))).toBe(false);
    expect(meetingStarted(c, new Date('2026-12-17T10:00:00Z'))).toBe(true);
    expect(createChange(c, changeInput(), PARENT.aadObjectId, new Date('2026-12-17T10:00:00Z'))).toMatchObject({ message: expect.stringMatching(/meeting has started/) });
    expect(meetingStarted({ ...c, state: 'MEETING' }, NOW)).toBe(true);
    expect(changesClosed({ ...c, state: 'CANCELLED' }, NOW)).toMatchObject({ message: expect.stringMatching(/no longer heading to a meeting/) });
  });

  it('treats the whole meeting day as started when no start time is known', () => {
    const c = prepCase({ meetingTime: '' });
    expect(c.dates.meetingTime).toBeUndefined();
    expect(meetingStarted(c, new Date('2026-12-16T23:00:00Z'))).toBe(false);
    expect(meetingStarted(c, new Date('2026-12-17T00:00:00Z'))).toBe(true);
  });

  it('edits a draft in place, keeps its id, and writes nothing for an unchanged form', () => {
    const c = prepCase();
    const draft = storedChange(c, 1);
    expect(editChange(c, draft, changeInput(), PARENT.aadObjectId, later(1))).toBe(draft);
    const edited = ok(editChange(c, draft, changeInput({ reason: 'Also the OT report.' }), PARENT.aadObjectId, later(1)));
    expect(edited).toMatchObject({ changeId: draft.changeId, number: 1, reason: 'Also the OT report.', updatedAt: later(1).toISOString() });
    expect(edited.sentAt).toBeUndefined();
  });

  it('re-sends an edited sent change and clears the LA position when the wording changed, keeping the history', () => {
    const c = prepCase();
    const sent = storedChange(c, 1, { sentAt: NOW });
    const agreed = ok(setLaPosition(c, sent, { position: 'agree', note: 'Fine' }, OFFICER.aadObjectId, later(5)));
    const reasonOnly = ok(editChange(c, agreed, changeInput({ reason: 'More detail' }), PARENT.aadObjectId, later(10)));
    expect(reasonOnly).toMatchObject({ laPosition: 'agree', sentAt: later(10).toISOString() });
    const reworded = ok(editChange(c, agreed, changeInput({ requestedWording: 'Two hours a week.' }), PARENT.aadObjectId, later(10)));
    expect(reworded.laPosition).toBeUndefined();
    expect(reworded.laPositionNote).toBeUndefined();
    expect(reworded.sentAt).toBe(later(10).toISOString());
    expect(reworded.positionHistory.map((h) => [h.position, h.reason])).toEqual([
      ['agree', 'set'],
      [null, 'wording_changed'],
    ]);
  });

  it('sends a draft once; sending again changes nothing', () => {
    const c = prepCase();
    const sent = ok(sendChange(c, storedChange(c, 1), PARENT.aadObjectId, later(1)));
    expect(sent.sentAt).toBe(later(1).toISOString());
    expect(sendChange(c, sent, PARENT.aadObjectId, later(2))).toBe(sent);
    expect(sendChange(c, storedChange(c, 2), OFFICER.aadObjectId, later(2))).toMatchObject({ code: 'not_allowed' });
  });
});

describe('the LA position on a change', () => {
  const c = prepCase();

  it('is set by the LA officer, with an internal note, and each change of mind is kept', () => {
    const sent = storedChange(c, 1, { sentAt: NOW });
    const discuss = ok(setLaPosition(c, sent, { position: 'discuss', note: 'Check banding' }, OFFICER.aadObjectId, later(1)));
    const agree = ok(setLaPosition(c, discuss, { position: 'agree' }, OFFICER.aadObjectId, later(2)));
    expect(agree).toMatchObject({ laPosition: 'agree', updatedAt: later(2).toISOString() });
    expect(agree.laPositionNote).toBeUndefined();
    expect(agree.positionHistory).toEqual([
      { position: 'discuss', note: 'Check banding', by: OFFICER.aadObjectId, at: later(1).toISOString(), reason: 'set' },
      { position: 'agree', by: OFFICER.aadObjectId, at: later(2).toISOString(), reason: 'set' },
    ]);
    expect(setLaPosition(c, agree, { position: 'agree' }, OFFICER.aadObjectId, later(3))).toBe(agree);
  });

  it('may be recorded by a mediator for the officer, and says so', () => {
    const r = ok(setLaPosition(c, storedChange(c, 2, { sentAt: NOW }), { position: 'decline' }, LEAD.aadObjectId, later(1)));
    expect(r.positionHistory[0]).toMatchObject({ onBehalf: true, by: LEAD.aadObjectId });
  });

  it('is refused for the family, for a draft, and once the meeting has started', () => {
    const sent = storedChange(c, 3, { sentAt: NOW });
    expect(setLaPosition(c, sent, { position: 'agree' }, PARENT.aadObjectId, later(1))).toMatchObject({ code: 'not_allowed' });
    expect(setLaPosition(c, storedChange(c, 4), { position: 'agree' }, OFFICER.aadObjectId, later(1))).toMatchObject({ message: expect.stringMatching(/not been sent/) });
    expect(setLaPosition(c, sent, { position: 'agree' }, OFFICER.aadObjectId, new Date('2026-12-17T10:30:00Z'))).toMatchObject({ message: expect.stringMatching(/meeting has started/) });
    expect(setLaPosition(prepCase(), sent, { position: 'agree' }, OFFICER.aadObjectId, later(1))).toMatchObject({ code: 'not_found' });
  });

  it('reads a click: the position from the button, the note from the input', () => {
    expect(parsePositionInput({ caseId: 'c', changeId: 'x', position: 'discuss', note: '  ask   about hours ' })).toEqual({ position: 'discuss', note: 'ask about hours' });
    expect(parsePositionInput({ position: 'agree', note: '' })).toEqual({ position: 'agree' });
    expect(parsePositionInput({ position: 'maybe' })).toMatchObject({ code: 'invalid_input' });
    expect(parsePositionInput({ position: 'agree', note: 'x'.repeat(501) })).toMatchObject({ code: 'invalid_input' });
  });
});
