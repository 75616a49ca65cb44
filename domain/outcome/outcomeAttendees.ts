import type { Case, Party } from '../cases';
import { youngPersonVoiceText, type Acknowledgement } from '../terms';
import type { OutcomeAttendee } from './outcomeSchema';

/**
 * Who took part, with role (docs/rules.md#outcome-statement). The product takes no register at the meeting,
 * so the case's mediators and parties stand for the attendees, mediators first. The LA
 * officer's organisation is the case's LA; a young person gets a note of who spoke for them.
 */

/** A young person's authorisation, in the words of their latest terms acknowledgement (docs/rules.md#terms-of-engagement, SEED-002). */
export function youngPersonNote(party: Party, acknowledgements: readonly Acknowledgement[]): string {
  const latest = acknowledgements
    .filter((a) => a.partyId === party.partyId && a.youngPersonVoice !== undefined)
    .sort((a, b) => b.at.localeCompare(a.at))[0];
  const voice = latest?.youngPersonVoice;
  if (!voice) return 'No record of who speaks for the young person: check their capacity and any written authorisation.';
  if (voice.mode === 'self') return 'Spoke for themselves (confirmed with the Terms of Engagement).';
  if (voice.mode === 'alternative') return `${youngPersonVoiceText(voice)} (confirmed with the Terms of Engagement).`;
  const who = voice.name ?? 'a named person';
  return `Gave written permission for ${who} to speak for them (confirmed with the Terms of Engagement).`;
}

export function outcomeAttendees(c: Case, acknowledgements: readonly Acknowledgement[]): OutcomeAttendee[] {
  const mediators: OutcomeAttendee[] = c.mediators.map((m) => ({ name: m.displayName, role: 'mediator' }));
  const parties: OutcomeAttendee[] = c.parties.map((p) => ({
    name: p.displayName,
    role: p.role,
    ...(p.role === 'la_officer' ? { organisation: c.localAuthority } : {}),
    ...(p.role === 'young_person' ? { note: youngPersonNote(p, acknowledgements.filter((a) => a.caseId === c.id)) } : {}),
  }));
  return [...mediators, ...parties];
}
