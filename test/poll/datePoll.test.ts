import { answerPoll, pickSlot, pollGrid, respondentsOf, slotText, validatePollForm, type DatePoll } from '../../domain/poll';
import { makeCase } from '../domain/caseFixtures';

const NOW = new Date('2026-12-01T10:00:00Z');
// LA told Fri 20 Nov 2026: the 30-day limit is Sun 20 Dec 2026.
const c = makeCase({ laInformed: '2026-11-20', meetingDate: '', meetingTime: '' });

function poll(form: Record<string, string>): DatePoll {
  const v = validatePollForm(c, form, { today: '2026-12-01' });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return { caseId: c.id, pollId: 'p1', status: 'open', slots: v.slots, ...(v.lateReason ? { lateReason: v.lateReason } : {}), answers: [], cards: [], createdBy: 'm', createdAt: NOW.toISOString(), version: 1 };
}

describe('date poll', () => {
  it('marks slots after the 30-day limit as late with the day count, and wants a reason for them', () => {
    const form = { slot1Date: '2026-12-15', slot1Time: '10:00', slot2Date: '2026-12-23', slot2Time: '13:30' };
    expect(validatePollForm(c, form, { today: '2026-12-01' })).toMatchObject({
      ok: false,
      errors: { lateReason: expect.stringMatching(/after the 30-day limit \(Sun 20 Dec 2026\)/) },
    });
    const p = poll({ ...form, lateReason: 'The family asked for a date after school ends' });
    expect(p.slots.map(slotText)).toEqual(['Tue 15 Dec 2026 at 10:00', 'Wed 23 Dec 2026 at 13:30 (late: 3 days after the 30-day limit)']);
    expect(p.lateReason).toBe('The family asked for a date after school ends');
    // A reason given for no late slot is not kept.
    expect(poll({ slot1Date: '2026-12-15', slot1Time: '10:00', lateReason: 'x' }).lateReason).toBeUndefined();
  });

  it('refuses past slots, half-filled slots, duplicates and an empty poll, per field', () => {
    const r = validatePollForm(c, { slot1Date: '2026-11-30', slot1Time: '10:00', slot2Date: '2026-12-15', slot3Date: '2026-12-16', slot3Time: '10:00', slot4Date: '2026-12-16', slot4Time: '10:00' }, { today: '2026-12-01' });
    expect(r).toMatchObject({ ok: false, errors: { slot1Date: expect.stringMatching(/past/), slot2Time: expect.stringMatching(/HH:mm/), slot4Date: expect.stringMatching(/already/) } });
    expect(validatePollForm(c, {}, { today: '2026-12-01' })).toMatchObject({ ok: false, errors: { form: 'Propose at least one date and time.' } });
  });

  it('saves answers as given, lets them change, and sorts the grid best first with statutory slots first', () => {
    let p = poll({ slot1Date: '2026-12-15', slot1Time: '10:00', slot2Date: '2026-12-16', slot2Time: '10:00', slot3Date: '2026-12-22', slot3Time: '10:00', lateReason: 'family' });
    const people = ['party:a', 'party:b', 'party:c'];
    const answer = (who: string, a: Record<string, string>) => {
      const next = answerPoll(p, who, a, 'x', NOW);
      if (next instanceof Error) throw next;
      p = next;
    };
    answer('party:a', { s1: 'no', s2: 'yes', s3: 'yes' });
    answer('party:b', { s1: 'yes', s2: 'if_needed', s3: 'yes' });
    answer('party:c', { s1: 'yes', s2: 'yes', s3: 'yes' });
    // The late slot suits everyone but comes after the two inside the limit.
    expect(pollGrid(p, people).map((r) => [r.slot.slotId, r.yes, r.ifNeeded, r.no])).toEqual([
      ['s2', 2, 1, 0],
      ['s1', 2, 0, 1],
      ['s3', 3, 0, 0],
    ]);
    answer('party:a', { s1: 'yes', s2: 'yes', s3: 'yes' });
    expect(pollGrid(p, people)[0]?.slot.slotId).toBe('s1');
    expect(answerPoll(p, 'party:a', { s1: 'yes', s2: 'yes', s3: 'yes' }, 'x', NOW)).toBe(p);
    expect(answerPoll(p, 'party:a', { s1: 'maybe' }, 'x', NOW)).toBeInstanceOf(Error);
  });

  it('closes on the picked slot; answers can no longer change; the same pick again changes nothing', () => {
    const p = poll({ slot1Date: '2026-12-15', slot1Time: '10:00' });
    const closed = pickSlot(p, 's1');
    if (closed instanceof Error) throw closed;
    expect(closed).toMatchObject({ status: 'closed', chosenSlotId: 's1' });
    expect(pickSlot(closed, 's1')).toBe(closed);
    expect(answerPoll(closed, 'party:a', { s1: 'no' }, 'x', NOW)).toBeInstanceOf(Error);
    expect(pickSlot(p, 's7')).toBeInstanceOf(Error);
  });

  it('asks every party and the co-mediators, not the mediator who made the poll', () => {
    expect(respondentsOf(c, c.mediators[0]!.aadObjectId)).toEqual([]);
  });
});
