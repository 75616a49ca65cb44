import { z } from 'zod';
import { cardSubmission } from '../cardSubmission';
import { CaseError, ID_PATTERN, type Case } from '../cases';
import {
  AGREED_WORDING_MAX,
  CHANGE_RESULTS,
  CHANGE_RESULTS_MAX,
  ChangeResultSchema,
  WORDING_RESULTS,
  type ChangeResult,
  type RecordedChangeResult,
} from './changeResult';
import { assertMayChangeMeeting } from './meetingAccess';
import type { Meeting } from './meetingSchema';
import { isPlainText, multiLine } from './plainText';

/** The inputs of the change-result form; the card uses the same ids. */
export const CHANGE_RESULT_FIELDS = ['result', 'agreedWording'] as const;
export type ChangeResultField = (typeof CHANGE_RESULT_FIELDS)[number];
export type ChangeResultErrors = Partial<Record<ChangeResultField | 'form', string>>;
export type ChangeResultFormValues = Partial<Record<ChangeResultField, string>>;

export type ChangeResultValidation =
  | { readonly ok: true; readonly value: ChangeResult }
  | { readonly ok: false; readonly errors: ChangeResultErrors; readonly values: ChangeResultFormValues };

export function changeResultFormValues(input: unknown): ChangeResultFormValues {
  const submitted = cardSubmission(input);
  const values: ChangeResultFormValues = {};
  for (const field of CHANGE_RESULT_FIELDS) {
    const v = submitted[field];
    if (typeof v === 'string' && v.trim() !== '') values[field] = v;
  }
  return values;
}

const ResultSchema = z.enum(CHANGE_RESULTS, { error: 'Choose what the meeting decided about this change.' });
const WordingSchema = z
  .string()
  .transform(multiLine)
  .pipe(
    z
      .string()
      .min(1, { error: 'Enter the wording everyone confirmed on the shared screen.' })
      .max(AGREED_WORDING_MAX, { error: `Keep the agreed wording to ${AGREED_WORDING_MAX} characters or fewer; split a long change into several.` })
      .refine(isPlainText, { error: 'Use plain text only.' }),
  );

/**
 * Checks a `change.result` submission for the change named in the card's data. The wording
 * is required for an agreed result and dropped for any other (the card keeps whatever was
 * typed when the choice changes, and a not-agreed change has no wording).
 */
export function validateChangeResultSubmission(changeId: string, input: unknown): ChangeResultValidation {
  const values = changeResultFormValues(input);
  if (!ID_PATTERN.test(changeId)) return { ok: false, errors: { form: 'That change is not known. Open the list of changes again.' }, values };
  const result = ResultSchema.safeParse(values.result);
  if (!result.success) return { ok: false, errors: { result: result.error.issues[0]?.message ?? 'Choose a result.' }, values };
  if (!WORDING_RESULTS.has(result.data)) return { ok: true, value: { changeId, result: result.data } };
  const wording = WordingSchema.safeParse(values.agreedWording ?? '');
  if (!wording.success) return { ok: false, errors: { agreedWording: wording.error.issues[0]?.message ?? 'Check the wording.' }, values };
  return { ok: true, value: { changeId, result: result.data, agreedWording: wording.data } };
}

/**
 * Records (or changes) the meeting's result for one requested change. The same result and
 * wording again returns the same record. Whether the change id belongs to the case is for
 * the caller to check against the requested changes it holds.
 */
export function setChangeResult(c: Case, meeting: Meeting, actor: string, result: ChangeResult, now: Date): Meeting | CaseError {
  const refused = assertMayChangeMeeting(c, meeting, actor);
  if (refused) return refused;
  if (!ChangeResultSchema.safeParse(result).success) {
    return new CaseError('invalid_input', 'An agreed change needs its agreed wording, and a change that was not agreed has none.');
  }
  const existing = changeResultOf(meeting, result.changeId);
  if (existing && existing.result === result.result && existing.agreedWording === result.agreedWording) return meeting;
  if (!existing && Object.keys(meeting.changeResults).length >= CHANGE_RESULTS_MAX) {
    return new CaseError('invalid_input', `This meeting already has results for ${CHANGE_RESULTS_MAX} changes, the most it can record.`);
  }
  const recorded: RecordedChangeResult = {
    changeId: result.changeId,
    result: result.result,
    ...(result.agreedWording !== undefined ? { agreedWording: result.agreedWording } : {}),
    recordedAt: now.toISOString(),
    recordedBy: actor,
  };
  return { ...meeting, changeResults: { ...meeting.changeResults, [result.changeId]: recorded } };
}

/** The recorded result of a change, if any (own keys only: the id comes from a card). */
export function changeResultOf(meeting: Meeting, changeId: string): RecordedChangeResult | undefined {
  return Object.hasOwn(meeting.changeResults, changeId) ? meeting.changeResults[changeId] : undefined;
}
