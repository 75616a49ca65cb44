import { CASE_TYPES } from '../caseTypes';
import { CaseError } from './caseError';
import type { Case } from './caseSchema';
import { advanceState, CASE_STATE_LABELS, MEETING_HELD_STATES, TERMINAL_STATES, type CaseState } from './lifecycle';
import { caseFactsOf } from './createCase';
import { NEW_CASE_FIELDS, newCaseFormValues, validateNewCase, type NewCaseField, type NewCaseFormValues, type NewCaseInput, type NewCaseOptions, type NewCaseValidation } from './newCase';

/**
 * Editing a case as its facts arrive (a mediator opens a case when the LA is told, and the
 * meeting's date, time and place come later). The edit form is the new-case form pre-filled,
 * validated by the same function so the messages are the same; the reference is the case's
 * key in the service and in every link, so it is shown but cannot change.
 */

/** What an edit can change, in the form's order: every field of the new-case form but the reference. */
export type EditableField = Exclude<NewCaseField, 'caseReference'>;
export const EDITABLE_FIELDS: readonly EditableField[] = NEW_CASE_FIELDS.filter((f): f is EditableField => f !== 'caseReference');

/** Fields about the meeting itself: a change tells the parties and moves the calendar invitation. */
export const MEETING_FIELDS: ReadonlySet<EditableField> = new Set<EditableField>(['meetingDate', 'meetingTime', 'meetingFormat', 'meetingJoinUrl', 'meetingVenue']);

/** From the first session on, the meeting's date is history: adjourning (the close form) sets the next one. */
const MEETING_HELD: ReadonlySet<CaseState> = new Set<CaseState>([...MEETING_HELD_STATES, 'ADJOURNED']);
const FIXED_ONCE_MET: readonly EditableField[] = ['caseType', 'meetingDate', 'meetingTime'];

/** The form's values for a stored case, as the card shows them. */
export function editFormValues(c: Case): NewCaseFormValues {
  const v: NewCaseFormValues = {
    caseReference: c.caseReference,
    caseType: c.caseType,
    childInitials: c.childInitials,
    isYoungPerson: c.isYoungPerson ? 'true' : 'false',
    localAuthority: c.localAuthority,
    meetingFormat: c.meetingFormat,
  };
  const optional: Partial<Record<EditableField, string | undefined>> = {
    decisionNoticeSent: c.dates.decisionNoticeSent,
    laInformed: c.dates.laInformed,
    meetingDate: c.dates.meetingDate,
    meetingTime: c.dates.meetingTime,
    meetingJoinUrl: c.meetingJoinUrl,
    meetingVenue: c.meetingVenue,
  };
  for (const [field, value] of Object.entries(optional) as [EditableField, string | undefined][]) if (value !== undefined) v[field] = value;
  return v;
}

/** Why this case cannot be edited at all, if so. */
export function editRefusal(c: Case): CaseError | undefined {
  if (TERMINAL_STATES.has(c.state)) return new CaseError('invalid_transition', `Case ${c.caseReference} is ${CASE_STATE_LABELS[c.state].toLowerCase()}: it can no longer be edited.`);
  return undefined;
}

function valueOf(c: Case | NewCaseInput, field: EditableField): string | boolean | undefined {
  switch (field) {
    case 'decisionNoticeSent':
    case 'laInformed':
    case 'meetingDate':
    case 'meetingTime':
      return c.dates[field];
    default:
      return c[field];
  }
}

/** The fields whose value the edit changes, in form order. */
export function changedFields(c: Case, input: NewCaseInput): EditableField[] {
  return EDITABLE_FIELDS.filter((f) => valueOf(c, f) !== valueOf(input, f));
}

/**
 * Validates an edit: the new-case rules (same messages), then what an edit adds: nothing of a
 * closed case, and not the meeting's date, time or the case type once the meeting has started.
 */
export function validateCaseEdit(c: Case, input: unknown, options: NewCaseOptions = {}): NewCaseValidation {
  const given = typeof input === 'object' && input !== null ? input : {};
  const r = validateNewCase({ ...given, caseReference: c.caseReference }, options);
  if (!r.ok) return r;
  const refused = editRefusal(c);
  if (refused) return { ok: false, errors: { form: refused.message }, values: newCaseFormValues(given) };
  if (MEETING_HELD.has(c.state)) {
    const errors: Partial<Record<EditableField, string>> = {};
    for (const f of changedFields(c, r.value).filter((x) => FIXED_ONCE_MET.includes(x))) {
      errors[f] =
        f === 'caseType'
          ? 'The meeting has taken place, so the case type stays as it was.'
          : 'The meeting has taken place: its date and time stay as recorded. To arrange another session, adjourn it with **Close meeting**.';
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors, values: newCaseFormValues(given) };
  }
  return r;
}

export interface CaseEdit {
  /** The case as it would be stored (state moved forward as the facts justify). */
  readonly next: Case;
  readonly changed: readonly EditableField[];
  /** The meeting's date, time or place changed, after one was set. */
  readonly meetingMoved: boolean;
}

/**
 * Applies a validated edit. Pure; returns `c` itself when nothing changes, so a repeated
 * submit writes nothing (and tells nobody twice).
 */
export function applyCaseEdit(c: Case, input: NewCaseInput): CaseEdit {
  const changed = changedFields(c, input);
  if (changed.length === 0) return { next: c, changed, meetingMoved: false };
  const hadMeeting = c.dates.meetingDate !== undefined;
  const meetingMoved = hadMeeting && changed.some((f) => MEETING_FIELDS.has(f));
  const { meetingJoinUrl: _link, meetingVenue: _venue, ...rest } = c;
  const facts = caseFactsOf(input);
  // The form does not carry the day a held meeting was planned for: it stays while the meeting date does.
  const planned = c.dates.plannedMeetingDate;
  const keepPlanned = planned !== undefined && facts.dates.meetingDate === c.dates.meetingDate;
  const next: Case = {
    ...rest,
    ...facts,
    ...(keepPlanned ? { dates: { ...facts.dates, plannedMeetingDate: planned } } : {}),
    ...(meetingMoved ? { meetingSequence: (c.meetingSequence ?? 0) + 1 } : {}),
  };
  const state = advanceState(c.state, { isDrs: CASE_TYPES[next.caseType].isDrs, ...next.dates });
  return { next: state === c.state ? next : { ...next, state }, changed, meetingMoved };
}

/**
 * The audit entry's detail: which fields changed and the state reached. No values: the
 * initials and the venue are personal, and dates are already on the case.
 */
export function editAuditDetail(edit: CaseEdit, before: Case): string {
  const state = edit.next.state !== before.state ? `; state=${edit.next.state}` : '';
  return `fields=${edit.changed.join(',')}${state}`.slice(0, 300);
}
