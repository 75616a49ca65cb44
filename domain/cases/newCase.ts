import { cardSubmission } from '../cardSubmission';
import { isCaseTypeCode, type CaseTypeCode } from '../caseTypes';
import { caseTimeline, defaultCalendar, formatDate, isTimescaleError, parseIsoDate, type Calendar } from '../timescales';
import { CASE_REFERENCE_MAX, isCaseReference } from './caseReference';
import { MEETING_FORMATS, type CaseKeyDates, type MeetingFormat } from './caseSchema';
import { checkJoinUrl, checkVenue, FORMATS_WITH_LINK, FORMATS_WITH_VENUE } from './meetingPlace';

/** The inputs of the new-case form; the card uses the same ids. */
export const NEW_CASE_FIELDS = [
  'caseReference',
  'caseType',
  'childInitials',
  'isYoungPerson',
  'localAuthority',
  'decisionNoticeSent',
  'laInformed',
  'meetingDate',
  'meetingTime',
  'meetingFormat',
  'meetingJoinUrl',
  'meetingVenue',
] as const;

export type NewCaseField = (typeof NEW_CASE_FIELDS)[number];
/** `form` carries a problem that belongs to no single field. */
export type NewCaseErrors = Partial<Record<NewCaseField | 'form', string>>;
/** What was typed, as strings, to fill the form in again. */
export type NewCaseFormValues = Partial<Record<NewCaseField, string>>;

export interface NewCaseInput {
  readonly caseReference: string;
  readonly caseType: CaseTypeCode;
  /** Capitals only, no dots: "JS". */
  readonly childInitials: string;
  readonly isYoungPerson: boolean;
  readonly localAuthority: string;
  readonly dates: CaseKeyDates;
  readonly meetingFormat: MeetingFormat;
  /** Only for formats that use it (online, hybrid), and only once known. */
  readonly meetingJoinUrl?: string;
  /** Only for formats that use it (in person, hybrid), and only once known. */
  readonly meetingVenue?: string;
}

export type NewCaseValidation =
  | { readonly ok: true; readonly value: NewCaseInput }
  | { readonly ok: false; readonly errors: NewCaseErrors; readonly values: NewCaseFormValues };

export interface NewCaseOptions {
  /** Europe/London date; when given, past events cannot be dated after it. */
  readonly today?: string;
  readonly calendar?: Calendar;
}

const DATE_FIELDS = ['decisionNoticeSent', 'laInformed', 'meetingDate'] as const;
type DateField = (typeof DATE_FIELDS)[number];

const DATE_NAMES: Readonly<Record<DateField, string>> = {
  decisionNoticeSent: 'date the decision notice was sent',
  laInformed: 'date the local authority was told mediation is wanted',
  meetingDate: 'meeting date',
};

/** Every value from a card arrives as a string; anything else is treated as not given. */
export function newCaseFormValues(input: unknown): NewCaseFormValues {
  const submitted = cardSubmission(input);
  const values: NewCaseFormValues = {};
  for (const field of NEW_CASE_FIELDS) {
    const v = submitted[field];
    if (typeof v === 'string' && v.trim() !== '') values[field] = v.trim();
  }
  return values;
}

function initials(raw: string): string | { error: string } {
  const nameLike =
    "Use 2 to 4 capital initials only, such as JS or J.S. Please don't enter a name: the bot keeps as little about the child as it can.";
  if (/[a-z]/.test(raw)) return { error: nameLike };
  const letters = raw.replace(/[.\s]/g, '');
  if (!/^[A-Z]{2,4}$/.test(letters)) return { error: nameLike };
  return letters;
}

function localAuthority(raw: string): string | { error: string } {
  const name = raw.replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 80 || !/\p{L}/u.test(name) || /[\p{Cc}<>]/u.test(name)) {
    return { error: "Enter the local authority's name, 2 to 80 characters, for example Surrey County Council." };
  }
  return name;
}

/** Teams' time input gives HH:mm; some clients add seconds. */
function meetingTime(raw: string): string | { error: string } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/.exec(raw);
  return m ? `${m[1]}:${m[2]}` : { error: 'Enter the time as HH:mm, for example 10:00.' };
}

function checkDate(field: DateField, raw: string, options: NewCaseOptions, calendar: Calendar): string | { error: string } {
  try {
    const day = parseIsoDate(raw, DATE_NAMES[field]);
    calendar.assertTrusted(day);
    if (options.today !== undefined && field !== 'meetingDate' && raw > options.today) {
      return { error: `The ${DATE_NAMES[field]} cannot be in the future (today is ${formatDate(options.today)}).` };
    }
    return raw;
  } catch (error) {
    if (isTimescaleError(error)) return { error: error.message };
    throw error;
  }
}

/** Cross-field order: notice sent ≤ LA told ≤ meeting. */
function checkOrder(dates: CaseKeyDates, errors: NewCaseErrors): void {
  const { decisionNoticeSent: sent, laInformed, meetingDate } = dates;
  if (sent && laInformed && laInformed < sent && !errors.laInformed) {
    errors.laInformed = `The local authority cannot have been told before the decision notice was sent (${formatDate(sent)}).`;
  }
  if (meetingDate && !errors.meetingDate) {
    if (laInformed && meetingDate < laInformed) {
      errors.meetingDate = `The meeting cannot be before the local authority was told mediation is wanted (${formatDate(laInformed)}).`;
    } else if (sent && meetingDate < sent) {
      errors.meetingDate = `The meeting cannot be before the decision notice was sent (${formatDate(sent)}).`;
    }
  }
  if (dates.meetingTime && !meetingDate && !errors.meetingTime && !errors.meetingDate) {
    errors.meetingTime = 'Add the meeting date as well, or clear the time.';
  }
}

/**
 * Validates the new-case form. Each field gets its own message so the card can show it
 * beside the field; the typed values come back too, to fill the form in again.
 */
export function validateNewCase(input: unknown, options: NewCaseOptions = {}): NewCaseValidation {
  const calendar = options.calendar ?? defaultCalendar;
  const values = newCaseFormValues(input);
  const errors: NewCaseErrors = {};

  const reference = values.caseReference;
  if (reference === undefined) errors.caseReference = 'Enter the case reference your service uses.';
  else if (!isCaseReference(reference)) {
    errors.caseReference = `Use up to ${CASE_REFERENCE_MAX} letters, digits, "-", "/" or "_" with no spaces, for example SM-2026/014.`;
  }

  if (!isCaseTypeCode(values.caseType)) errors.caseType = 'Choose what the disagreement is about.';

  let childInitials = '';
  if (values.childInitials === undefined) errors.childInitials = "Enter the child's or young person's initials, for example J.S.";
  else {
    const r = initials(values.childInitials);
    if (typeof r === 'string') childInitials = r;
    else errors.childInitials = r.error;
  }

  const yp = values.isYoungPerson ?? 'false';
  if (yp !== 'true' && yp !== 'false') errors.isYoungPerson = 'Tick the box, or leave it clear.';

  let la = '';
  if (values.localAuthority === undefined) errors.localAuthority = "Enter the local authority's name.";
  else {
    const r = localAuthority(values.localAuthority);
    if (typeof r === 'string') la = r;
    else errors.localAuthority = r.error;
  }

  const dates: { -readonly [K in keyof CaseKeyDates]: CaseKeyDates[K] } = {};
  for (const field of DATE_FIELDS) {
    const raw = values[field];
    if (raw === undefined) continue;
    const r = checkDate(field, raw, options, calendar);
    if (typeof r === 'string') dates[field] = r;
    else errors[field] = r.error;
  }
  if (values.meetingTime !== undefined) {
    const r = meetingTime(values.meetingTime);
    if (typeof r === 'string') dates.meetingTime = r;
    else errors.meetingTime = r.error;
  }
  checkOrder(dates, errors);

  const format = values.meetingFormat ?? 'online';
  if (!(MEETING_FORMATS as readonly string[]).includes(format)) errors.meetingFormat = 'Choose online, in person or hybrid.';
  const place = meetingPlace(format as MeetingFormat, values, errors);

  if (Object.keys(errors).length > 0 || reference === undefined || !isCaseTypeCode(values.caseType)) {
    return { ok: false, errors, values };
  }
  const value: NewCaseInput = {
    caseReference: reference,
    caseType: values.caseType,
    childInitials,
    isYoungPerson: yp === 'true',
    localAuthority: la,
    dates,
    meetingFormat: format as MeetingFormat,
    ...place,
  };
  // The case card shows the timeline; a case whose deadlines cannot be worked out must not be created.
  try {
    caseTimeline({ caseType: value.caseType, ...withoutTime(dates) }, calendar);
  } catch (error) {
    if (isTimescaleError(error)) return { ok: false, errors: { form: error.message }, values };
    throw error;
  }
  return { ok: true, value };
}

/**
 * The place fields the format uses; a field the format does not use is dropped rather than
 * refused, so switching an edited case from online to in person needs no clearing first.
 */
function meetingPlace(format: MeetingFormat, values: NewCaseFormValues, errors: NewCaseErrors): { meetingJoinUrl?: string; meetingVenue?: string } {
  const out: { meetingJoinUrl?: string; meetingVenue?: string } = {};
  if (values.meetingJoinUrl !== undefined && FORMATS_WITH_LINK.has(format)) {
    const r = checkJoinUrl(values.meetingJoinUrl);
    if (typeof r === 'string') out.meetingJoinUrl = r;
    else errors.meetingJoinUrl = r.error;
  }
  if (values.meetingVenue !== undefined && FORMATS_WITH_VENUE.has(format)) {
    const r = checkVenue(values.meetingVenue);
    if (typeof r === 'string') out.meetingVenue = r;
    else errors.meetingVenue = r.error;
  }
  return out;
}

function withoutTime(dates: CaseKeyDates): Omit<CaseKeyDates, 'meetingTime'> {
  const { meetingTime: _time, ...rest } = dates;
  return rest;
}

