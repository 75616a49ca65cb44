import { CASE_TYPE_LIST } from '../domain/caseTypes';
import { CASE_REFERENCE_PATTERN, JOIN_URL_MAX, VENUE_MAX, type NewCaseErrors, type NewCaseField, type NewCaseFormValues } from '../domain/cases';
import { isIsoDate } from '../domain/timescales';
import { fieldError, nonEmptyChoices, type CardElement, type CardInput, type Choice } from './adaptive';

/**
 * The inputs of a case's facts, shared by the new-case form and the edit form so both ask the
 * same questions in the same words (and the domain validates both with validateNewCase).
 */
export interface CaseFormView {
  readonly values?: NewCaseFormValues;
  readonly errors?: NewCaseErrors;
}

function caseTypeChoices(): readonly [Choice, ...Choice[]] {
  return nonEmptyChoices(
    CASE_TYPE_LIST.map((t) => ({ title: `${t.isDrs ? 'Disagreement resolution' : 'Mediation'}: ${t.label}`, value: t.code })),
    'case types',
  );
}

const FORMAT_CHOICES: readonly Choice[] = [
  { title: 'Online', value: 'online' },
  { title: 'In person', value: 'in_person' },
  { title: 'Hybrid (some in the room, some online)', value: 'hybrid' },
];

/** Each input followed by its error, so a returned form says what to fix where. `withReference: false` leaves the reference out (an edit cannot change it). */
export function caseFormFields(view: CaseFormView, options: { readonly withReference: boolean }): CardElement[] {
  const v = view.values ?? {};
  const e = view.errors ?? {};
  const value = (f: NewCaseField) => (v[f] !== undefined ? { value: v[f] } : {});
  const date = (f: NewCaseField) => (v[f] !== undefined && isIsoDate(v[f]) ? { value: v[f] } : {});
  const inputs: [NewCaseField, CardInput][] = [];
  if (options.withReference) {
    inputs.push(['caseReference', {
      type: 'Input.Text', id: 'caseReference', label: 'Case reference (your service\'s own)', placeholder: 'e.g. SM-2026/014',
      maxLength: 40, regex: CASE_REFERENCE_PATTERN.source, isRequired: true,
      errorMessage: 'Enter a reference of up to 40 letters, digits, "-", "/" or "_".', ...value('caseReference'),
    }]);
  }
  inputs.push(
    ['caseType', {
      type: 'Input.ChoiceSet', id: 'caseType', label: 'What is the disagreement about?', choices: caseTypeChoices(),
      style: 'compact', placeholder: 'Choose one', wrap: true, isRequired: true,
      errorMessage: 'Choose what the disagreement is about.', ...value('caseType'),
    }],
    ['childInitials', {
      type: 'Input.Text', id: 'childInitials', label: "Child's or young person's initials (not their name)", placeholder: 'e.g. J.S.',
      maxLength: 12, isRequired: true, errorMessage: 'Enter 2 to 4 capital initials.', ...value('childInitials'),
    }],
    ['isYoungPerson', {
      type: 'Input.Toggle', id: 'isYoungPerson', label: 'Young person',
      title: 'This is a young person (over compulsory school age, under 25) who is a party in their own right',
      valueOn: 'true', valueOff: 'false', wrap: true, value: v.isYoungPerson === 'true' ? 'true' : 'false',
    }],
    ['localAuthority', {
      type: 'Input.Text', id: 'localAuthority', label: 'Local authority', placeholder: 'e.g. Surrey County Council', maxLength: 80,
      isRequired: true, errorMessage: "Enter the local authority's name.", ...value('localAuthority'),
    }],
    ['decisionNoticeSent', { type: 'Input.Date', id: 'decisionNoticeSent', label: 'Date the decision notice was sent (if known)', ...date('decisionNoticeSent') }],
    ['laInformed', { type: 'Input.Date', id: 'laInformed', label: 'Date the local authority was told mediation is wanted (if known)', ...date('laInformed') }],
    ['meetingDate', { type: 'Input.Date', id: 'meetingDate', label: 'Meeting date (if fixed)', ...date('meetingDate') }],
    ['meetingTime', { type: 'Input.Time', id: 'meetingTime', label: 'Meeting start time, UK time (if fixed)', ...value('meetingTime') }],
    ['meetingFormat', {
      type: 'Input.ChoiceSet', id: 'meetingFormat', label: 'Meeting format', style: 'expanded', wrap: true,
      choices: nonEmptyChoices(FORMAT_CHOICES, 'meeting formats'),
      value: v.meetingFormat === 'in_person' || v.meetingFormat === 'hybrid' ? v.meetingFormat : 'online',
    }],
    ['meetingJoinUrl', {
      type: 'Input.Text', id: 'meetingJoinUrl', label: 'Teams meeting join link (online and hybrid meetings, when known)',
      placeholder: 'https://teams.microsoft.com/l/meetup-join/…', maxLength: JOIN_URL_MAX, ...value('meetingJoinUrl'),
    }],
    ['meetingVenue', {
      type: 'Input.Text', id: 'meetingVenue', label: 'Venue (in-person and hybrid meetings): its name and room, no street address',
      placeholder: 'e.g. Civic Centre, Room 4', maxLength: VENUE_MAX, ...value('meetingVenue'),
    }],
  );
  return inputs.flatMap(([field, input]) => [input, ...fieldError(e[field])]);
}
