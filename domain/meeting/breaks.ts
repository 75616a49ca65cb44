import { CaseError, newId, roleLabel, type Case, type Party, type RandomBytes } from '../cases';
import { assertMayChangeMeeting } from './meetingAccess';
import { BREAKS_MAX, BREAK_PARTIES_MAX, type Meeting, type MeetingBreak } from './meetingSchema';

/**
 * Breaks (docs/rules.md#the-meeting-checklist): for everyone, or private time for one party with their advocate or
 * supporter. At most one break is open at a time, so "end break" always means one break.
 */
export type BreakRequest = { readonly kind: 'all' } | { readonly kind: 'private'; readonly partyIds: readonly string[] };

export function openBreak(meeting: Meeting): MeetingBreak | undefined {
  return meeting.breaks.find((b) => b.endedAt === undefined);
}

function sameParties(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');
}

/**
 * Starts a break. Asking again for the break that is already open returns the same record
 * (a repeated click); asking for a different one while a break is open is refused.
 */
export function startBreak(
  c: Case,
  meeting: Meeting,
  actor: string,
  request: BreakRequest,
  now: Date,
  random?: RandomBytes,
): Meeting | CaseError {
  const refused = assertMayChangeMeeting(c, meeting, actor);
  if (refused) return refused;
  const partyIds = request.kind === 'private' ? [...new Set(request.partyIds)] : [];
  if (request.kind === 'private') {
    if (partyIds.length === 0) return new CaseError('invalid_input', 'Choose who the private break is for.');
    if (partyIds.length > BREAK_PARTIES_MAX) return new CaseError('invalid_input', `A private break is for at most ${BREAK_PARTIES_MAX} people.`);
    if (!partyIds.every((id) => c.parties.some((p) => p.partyId === id))) {
      return new CaseError('invalid_input', `Someone chosen for the private break is no longer in case ${c.caseReference}.`);
    }
  }
  const open = openBreak(meeting);
  if (open) {
    if (open.kind === request.kind && sameParties(open.partyIds, partyIds)) return meeting;
    return new CaseError('invalid_transition', 'A break is already under way. End it before starting another.');
  }
  if (meeting.breaks.length >= BREAKS_MAX) return new CaseError('invalid_input', `This meeting has had ${BREAKS_MAX} breaks, the most it can record.`);
  const started: MeetingBreak = {
    breakId: newId(random),
    kind: request.kind,
    partyIds,
    startedAt: now.toISOString(),
    startedBy: actor,
  };
  return { ...meeting, breaks: [...meeting.breaks, started] };
}

/**
 * Ends the break the card showed. Ending a break that has already ended returns the same
 * record, so an old card's button cannot end a later break.
 */
export function endBreak(c: Case, meeting: Meeting, actor: string, breakId: string, now: Date): Meeting | CaseError {
  const refused = assertMayChangeMeeting(c, meeting, actor);
  if (refused) return refused;
  const target = meeting.breaks.find((b) => b.breakId === breakId);
  if (!target) return new CaseError('invalid_input', 'That break is not part of this meeting. Open the checklist again.');
  if (target.endedAt !== undefined) return meeting;
  return { ...meeting, breaks: meeting.breaks.map((b) => (b === target ? endedBreak(b, actor, now) : b)) };
}

export function endedBreak(b: MeetingBreak, actor: string, now: Date): MeetingBreak {
  return { ...b, endedAt: now.toISOString(), endedBy: actor };
}

export interface PrivateBreakOption {
  readonly partyIds: readonly string[];
  /** "Pat Parent (Parent or carer) with Ali Advocate". */
  readonly label: string;
}

const FAMILY_ROLES: ReadonlySet<Party['role']> = new Set<Party['role']>(['parent_carer', 'young_person']);

/**
 * Who can be offered private time: each parent, carer or young person together with the
 * advocates and supporters in the case (they attend for the family), then each other party
 * alone. An advocate is never offered a break on their own.
 */
export function privateBreakOptions(c: Case): PrivateBreakOption[] {
  const advocates = c.parties.filter((p) => p.role === 'advocate');
  const family = c.parties.filter((p) => FAMILY_ROLES.has(p.role));
  const others = c.parties.filter((p) => !FAMILY_ROLES.has(p.role) && p.role !== 'advocate');
  const name = (p: Party): string => `${p.displayName} (${roleLabel(p.role)})`;
  const withAdvocates = advocates.slice(0, BREAK_PARTIES_MAX - 1);
  return [
    ...family.map((p) => ({
      partyIds: [p.partyId, ...withAdvocates.map((a) => a.partyId)],
      label: withAdvocates.length > 0 ? `${name(p)} with ${withAdvocates.map((a) => a.displayName).join(' and ')}` : name(p),
    })),
    ...others.map((p) => ({ partyIds: [p.partyId], label: name(p) })),
  ];
}

/** The break buttons send the kind in their data and, for a private break, the chosen option's party ids joined by commas. */
export function parseBreakRequest(kind: unknown, parties: unknown): BreakRequest | CaseError {
  if (kind === 'all') return { kind: 'all' };
  if (kind === 'private') {
    const ids = typeof parties === 'string' ? parties.split(',').map((s) => s.trim()).filter((s) => s !== '') : [];
    return { kind: 'private', partyIds: ids };
  }
  return new CaseError('invalid_input', 'Choose a break for everyone or a private break.');
}

/** "Everyone" or "Pat Parent and Ali Advocate". */
export function breakWho(b: MeetingBreak, parties: readonly Party[]): string {
  if (b.kind === 'all') return 'everyone';
  const names = b.partyIds.map((id) => parties.find((p) => p.partyId === id)?.displayName ?? 'a former party');
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}
