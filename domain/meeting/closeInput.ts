import { z } from 'zod';
import { cardSubmission } from '../cardSubmission';
import { defaultCalendar, formatDate, isTimescaleError, parseIsoDate, type Calendar, type IsoDate } from '../timescales';
import { isPlainText, singleLine } from './plainText';
import { CLOSE_OUTCOMES, ENDED_EARLY_OTHER_MAX, ENDED_EARLY_REASONS, type CloseDecision } from './meetingSchema';

/** The inputs of the close form; the card uses the same ids. */
export const CLOSE_FIELDS = ['outcome', 'nextDate', 'endedEarlyReason', 'endedEarlyOther'] as const;
export type CloseField = (typeof CLOSE_FIELDS)[number];
/** `form` carries a problem that belongs to no single field. */
export type CloseErrors = Partial<Record<CloseField | 'form', string>>;
export type CloseFormValues = Partial<Record<CloseField, string>>;

export type CloseValidation =
  | { readonly ok: true; readonly value: CloseDecision }
  | { readonly ok: false; readonly errors: CloseErrors; readonly values: CloseFormValues };

export interface CloseOptions {
  /** Europe/London date of today: the next session cannot be before it. */
  readonly today: IsoDate;
  readonly calendar?: Calendar;
}

/** Every value from a card arrives as a string; anything else is treated as not given. */
export function closeFormValues(input: unknown): CloseFormValues {
  const submitted = cardSubmission(input);
  const values: CloseFormValues = {};
  for (const field of CLOSE_FIELDS) {
    const v = submitted[field];
    if (typeof v === 'string' && v.trim() !== '') values[field] = v.trim();
  }
  return values;
}

const OutcomeSchema = z.enum(CLOSE_OUTCOMES, { error: 'Choose how the meeting ended.' });
const ReasonSchema = z.enum(ENDED_EARLY_REASONS, { error: 'Choose why the meeting ended early.' });
const OtherReasonSchema = z
  .string()
  .transform(singleLine)
  .pipe(
    z
      .string()
      .min(1, { error: 'Give a short reason why the meeting ended early.' })
      .max(ENDED_EARLY_OTHER_MAX, { error: `Keep the reason to ${ENDED_EARLY_OTHER_MAX} characters or fewer.` })
      .refine(isPlainText, { error: 'Use plain text only.' }),
  );

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Check this field.';
}

function nextDateError(raw: string | undefined, options: CloseOptions): string | undefined {
  if (raw === undefined) return 'Enter the date of the next session.';
  try {
    const day = parseIsoDate(raw, 'next session date');
    (options.calendar ?? defaultCalendar).assertTrusted(day);
  } catch (error) {
    if (isTimescaleError(error)) return error.message;
    throw error;
  }
  if (raw < options.today) return `The next session cannot be in the past (today is ${formatDate(options.today)}).`;
  return undefined;
}

/**
 * Checks a `meeting.close` submission. The card sends every field whatever the outcome, so
 * only the fields the chosen outcome needs are checked; the others are ignored.
 */
export function validateCloseSubmission(input: unknown, options: CloseOptions): CloseValidation {
  const values = closeFormValues(input);
  const errors: CloseErrors = {};
  const outcome = OutcomeSchema.safeParse(values.outcome);
  if (!outcome.success) return { ok: false, errors: { outcome: firstMessage(outcome.error) }, values };

  switch (outcome.data) {
    case 'adjourned': {
      const problem = nextDateError(values.nextDate, options);
      if (problem !== undefined || values.nextDate === undefined) return { ok: false, errors: { nextDate: problem ?? 'Enter the date of the next session.' }, values };
      return { ok: true, value: { outcome: 'adjourned', nextDate: values.nextDate } };
    }
    case 'ended_early': {
      const reason = ReasonSchema.safeParse(values.endedEarlyReason);
      if (!reason.success) errors.endedEarlyReason = firstMessage(reason.error);
      let otherReason: string | undefined;
      if (reason.success && reason.data === 'other') {
        const other = OtherReasonSchema.safeParse(values.endedEarlyOther ?? '');
        if (other.success) otherReason = other.data;
        else errors.endedEarlyOther = firstMessage(other.error);
      }
      if (!reason.success || Object.keys(errors).length > 0) return { ok: false, errors, values };
      return { ok: true, value: { outcome: 'ended_early', reason: reason.data, ...(otherReason !== undefined ? { otherReason } : {}) } };
    }
    default:
      return { ok: true, value: { outcome: outcome.data } };
  }
}
