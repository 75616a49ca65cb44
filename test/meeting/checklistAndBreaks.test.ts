import { isCaseError } from '../../domain/cases';
import {
  BREAK_PARTIES_MAX,
  MeetingSchema,
  breakWho,
  closeMeeting,
  endBreak,
  openBreak,
  parseBreakRequest,
  privateBreakOptions,
  startBreak,
  tickItem,
  untickedItems,
} from '../../domain/meeting';
import { seqRandom } from '../domain/caseFixtures';
import { ADVOCATE, CO, LEAD, OFFICER, PARENT, later, meetingCase, ok, partyId, runningMeeting } from './meetingFixtures';

describe('ticking the checklist', () => {
  const c = meetingCase();

  it('ticks with who and when, and unticks', () => {
    const m = runningMeeting(c);
    const ticked = ok(tickItem(c, m, CO.aadObjectId, 'family_case', true, later(10)));
    expect(ticked.ticks.family_case).toEqual({ tickedAt: later(10).toISOString(), tickedBy: CO.aadObjectId });
    expect(m.ticks.family_case).toBeUndefined();
    const unticked = ok(tickItem(c, ticked, LEAD.aadObjectId, 'family_case', false, later(11)));
    expect(unticked.ticks).toEqual({});
    expect(MeetingSchema.safeParse(ticked).success).toBe(true);
  });

  it('returns the same record for a replayed tick or untick, keeping the first time', () => {
    const m = runningMeeting(c);
    const ticked = ok(tickItem(c, m, LEAD.aadObjectId, 'opening', true, later(1)));
    expect(tickItem(c, ticked, LEAD.aadObjectId, 'opening', true, later(9))).toBe(ticked);
    expect(tickItem(c, m, LEAD.aadObjectId, 'opening', false, later(9))).toBe(m);
  });

  it('refuses an unknown item, a party, another case, and a closed meeting', () => {
    const m = runningMeeting(c);
    expect(tickItem(c, m, LEAD.aadObjectId, 'minutes', true, later(1))).toMatchObject({ code: 'invalid_input' });
    expect(tickItem(c, m, LEAD.aadObjectId, 'constructor', true, later(1))).toMatchObject({ code: 'invalid_input' });
    expect(tickItem(c, m, PARENT.aadObjectId, 'opening', true, later(1))).toMatchObject({ code: 'not_allowed' });
    expect(tickItem({ ...c, id: 'other-case' }, m, LEAD.aadObjectId, 'opening', true, later(1))).toMatchObject({ code: 'not_found' });
    const closed = ok(closeMeeting(c, m, LEAD.aadObjectId, { outcome: 'none' }, later(30)));
    expect(tickItem(c, closed, LEAD.aadObjectId, 'opening', true, later(31))).toMatchObject({ code: 'invalid_transition' });
  });

  it('lists what is not ticked, in order', () => {
    const m = ok(tickItem(c, runningMeeting(c), LEAD.aadObjectId, 'school', true, later(1)));
    expect(untickedItems(m, ['opening', 'school', 'close'])).toEqual(['opening', 'close']);
  });
});

describe('breaks', () => {
  const c = meetingCase();
  const parent = partyId(c, PARENT.aadObjectId);
  const advocate = partyId(c, ADVOCATE.aadObjectId);

  it('starts and ends a break for everyone', () => {
    const m = runningMeeting(c);
    const onBreak = ok(startBreak(c, m, LEAD.aadObjectId, { kind: 'all' }, later(20), seqRandom()));
    const open = openBreak(onBreak);
    expect(open).toMatchObject({ kind: 'all', partyIds: [], startedAt: later(20).toISOString() });
    const ended = ok(endBreak(c, onBreak, LEAD.aadObjectId, open?.breakId ?? '', later(30)));
    expect(openBreak(ended)).toBeUndefined();
    expect(ended.breaks[0]).toMatchObject({ endedAt: later(30).toISOString(), endedBy: LEAD.aadObjectId });
    expect(MeetingSchema.safeParse(ended).success).toBe(true);
  });

  it('allows at most one open break; asking again for the same one changes nothing', () => {
    const m = ok(startBreak(c, runningMeeting(c), LEAD.aadObjectId, { kind: 'private', partyIds: [parent, advocate] }, later(20), seqRandom()));
    expect(startBreak(c, m, LEAD.aadObjectId, { kind: 'private', partyIds: [advocate, parent, parent] }, later(21))).toBe(m);
    expect(startBreak(c, m, LEAD.aadObjectId, { kind: 'all' }, later(21))).toMatchObject({ code: 'invalid_transition' });
    expect(breakWho(m.breaks[0]!, c.parties)).toBe('Pat Parent and Ali Advocate');
  });

  it('ending an already ended break (an old card) changes nothing, and an unknown break is refused', () => {
    const random = seqRandom();
    const first = ok(startBreak(c, runningMeeting(c), LEAD.aadObjectId, { kind: 'all' }, later(20), random));
    const firstId = first.breaks[0]?.breakId ?? '';
    const ended = ok(endBreak(c, first, LEAD.aadObjectId, firstId, later(25)));
    const second = ok(startBreak(c, ended, LEAD.aadObjectId, { kind: 'all' }, later(40), random));
    expect(endBreak(c, second, LEAD.aadObjectId, firstId, later(41))).toBe(second);
    // The old card's click did not end the break that is running now.
    expect(openBreak(second)).toMatchObject({ kind: 'all', startedAt: later(40).toISOString() });
    expect(openBreak(second)?.breakId).not.toBe(firstId);
    expect(endBreak(c, second, LEAD.aadObjectId, 'no-such-break', later(41))).toMatchObject({ code: 'invalid_input' });
  });

  it('refuses a private break for nobody, for someone not in the case, or for too many people', () => {
    const m = runningMeeting(c);
    expect(startBreak(c, m, LEAD.aadObjectId, { kind: 'private', partyIds: [] }, later(1))).toMatchObject({ code: 'invalid_input' });
    expect(startBreak(c, m, LEAD.aadObjectId, { kind: 'private', partyIds: ['not-a-party'] }, later(1))).toMatchObject({ code: 'invalid_input' });
    const many = c.parties.map((p) => p.partyId).concat('x1', 'x2');
    expect(many.length).toBeGreaterThan(BREAK_PARTIES_MAX);
    expect(startBreak(c, m, LEAD.aadObjectId, { kind: 'private', partyIds: many }, later(1))).toMatchObject({ code: 'invalid_input' });
    expect(startBreak(c, m, PARENT.aadObjectId, { kind: 'all' }, later(1))).toMatchObject({ code: 'not_allowed' });
  });

  it('offers the family with their advocate, and each other party alone', () => {
    const options = privateBreakOptions(c);
    expect(options.map((o) => o.label)).toEqual([
      'Pat Parent (Parent or carer) with Ali Advocate',
      'Lee Officer (Local authority officer)',
      'Sam School (School or college)',
    ]);
    expect(options[0]?.partyIds).toEqual([parent, advocate]);
    expect(options[1]?.partyIds).toEqual([partyId(c, OFFICER.aadObjectId)]);
  });

  it('reads the break buttons: kind from the data, parties from the choice', () => {
    expect(parseBreakRequest('all', undefined)).toEqual({ kind: 'all' });
    expect(parseBreakRequest('private', `${parent}, ${advocate}`)).toEqual({ kind: 'private', partyIds: [parent, advocate] });
    expect(parseBreakRequest('private', undefined)).toEqual({ kind: 'private', partyIds: [] });
    expect(isCaseError(parseBreakRequest('coffee', ''))).toBe(true);
  });

  it('ends an open break when the meeting closes', () => {
    const m = ok(startBreak(c, runningMeeting(c), LEAD.aadObjectId, { kind: 'all' }, later(20), seqRandom()));
    const closed = ok(closeMeeting(c, m, LEAD.aadObjectId, { outcome: 'none' }, later(50)));
    expect(openBreak(closed)).toBeUndefined();
    expect(closed.breaks[0]?.endedAt).toBe(later(50).toISOString());
    expect(MeetingSchema.safeParse(closed).success).toBe(true);
  });
});
