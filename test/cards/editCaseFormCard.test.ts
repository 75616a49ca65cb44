import { editCaseFormCard } from '../../cards/editCaseFormCard';
import { meetingMovedCard } from '../../cards/meetingMovedCard';
import { NEW_CASE_FIELDS, editFormValues } from '../../domain/cases';
import { makeCase } from '../domain/caseFixtures';
import { cardText, expectValidCard } from './validateCard';

describe('edit case form card', () => {
  const c = makeCase({ meetingFormat: 'hybrid', meetingVenue: 'Civic Centre' });

  it('asks the new-case questions, pre-filled, without the reference (it cannot change)', () => {
    const card = editCaseFormCard({ caseId: c.id, caseReference: c.caseReference, values: editFormValues(c) });
    const parts = expectValidCard(card);
    expect(parts.inputs.map((i) => i.id)).toEqual(NEW_CASE_FIELDS.filter((f) => f !== 'caseReference'));
    const values = Object.fromEntries(parts.inputs.map((i) => [i.id, i.value]));
    expect(values).toMatchObject({ meetingDate: '2026-12-17', meetingTime: '10:00', meetingFormat: 'hybrid', meetingVenue: 'Civic Centre' });
    expect(parts.executes.map((a) => [a.title, a.data])).toEqual([
      ['Save changes', { caseId: c.id }],
      ['Cancel', { caseId: c.id }],
    ]);
  });

  it('shows the clock moves before saving, and the save button confirms exactly those', () => {
    const card = editCaseFormCard({ caseId: c.id, caseReference: c.caseReference, values: editFormValues(c), clockMoves: { lines: ['The 30-day limit moves from Fri 8 Jan to Mon 11 Jan 2027.'], token: 'tok' } });
    const parts = expectValidCard(card);
    expect(cardText(card)).toContain('Saving this moves these deadlines:');
    expect(cardText(card)).toContain('The 30-day limit moves from Fri 8 Jan to Mon 11 Jan 2027.');
    expect(parts.executes[0]).toMatchObject({ title: 'Save and move the deadlines', data: { caseId: c.id, confirm: 'tok' } });
  });
});

describe('meeting moved card', () => {
  it('says the new and the old time and where, with the join and calendar links', () => {
    const card = meetingMovedCard({
      caseReference: 'SM-1',
      when: 'Mon 11 Jan 2027 at 14:00',
      was: 'Thu 7 Jan 2027 at 10:00',
      place: 'Teams meeting (join link below)',
      joinUrl: 'https://teams.microsoft.com/meet/1',
      calendarUrl: 'https://bot.example/calendar/abc.ics',
    });
    const parts = expectValidCard(card);
    expect(cardText(card)).toMatch(/Now: Mon 11 Jan 2027 at 14:00\nWas: Thu 7 Jan 2027 at 10:00/);
    expect(parts.actions.map((a) => a.title)).toEqual(['Join the Teams meeting', 'Add to calendar']);
  });
});
