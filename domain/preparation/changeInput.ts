import { z } from 'zod';
import { cardSubmission } from '../cardSubmission';
import {
  EVIDENCE_REFS_MAX,
  EVIDENCE_REF_MAX,
  LOCATION_MAX,
  PLAN_SECTIONS,
  REASON_MAX,
  WORDING_MAX,
  type PlanSection,
} from './requestedChange';

/** The inputs of the requested-change form; the card uses the same ids. */
export const CHANGE_FIELDS = ['section', 'location', 'currentWording', 'requestedWording', 'reason', 'evidenceRefs', 'requestedBy'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];
/** `form` carries a problem that belongs to no single field. */
export type ChangeErrors = Partial<Record<ChangeField | 'form', string>>;
/** What was typed, as strings, to fill the form in again. */
export type ChangeFormValues = Partial<Record<ChangeField, string>>;

export interface ChangeInput {
  readonly section: PlanSection;
  readonly location: string;
  readonly currentWording: string;
  readonly requestedWording: string;
  readonly reason: string;
  readonly evidenceRefs: readonly string[];
  /** partyId of the requester; only a mediator entering a change for someone chooses it. */
  readonly requestedBy?: string;
}

export type ChangeValidation =
  | { readonly ok: true; readonly value: ChangeInput }
  | { readonly ok: false; readonly errors: ChangeErrors; readonly values: ChangeFormValues };

/** Control characters other than new lines and tabs only arrive by pasting something odd. */
const CONTROL = /(?![\n\t])\p{Cc}/u;
const plain = (s: string): boolean => !CONTROL.test(s);

const singleLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** Wording keeps its line breaks (plans are laid out in paragraphs); only the ends are trimmed. */
const multiLine = (s: string): string => s.replace(/\r\n?/g, '\n').trim();

/** Evidence is a list; a semicolon or a new line separates references (commas appear inside them). */
function splitRefs(raw: string): string[] {
  return raw
    .split(/[;\n]/)
    .map(singleLine)
    .filter((s) => s !== '');
}

const ChangeSubmissionSchema = z.object({
  section: z.enum(PLAN_SECTIONS, { error: 'Choose the section of the plan the change is in.' }),
  location: z
    .string()
    .transform(singleLine)
    .pipe(
      z
        .string()
        .min(1, { error: 'Say where in the section, for example "paragraph 3" or "outcome 2".' })
        .max(LOCATION_MAX, { error: `Keep the location under ${LOCATION_MAX} characters.` })
        .refine(plain, { error: 'Use plain text only.' }),
    ),
  currentWording: z
    .string()
    .transform(multiLine)
    .pipe(
      z
        .string()
        .max(WORDING_MAX, { error: `Keep the current wording under ${WORDING_MAX} characters; attach longer text as evidence.` })
        .refine(plain, { error: 'Use plain text only.' }),
    ),
  requestedWording: z
    .string()
    .transform(multiLine)
    .pipe(
      z
        .string()
        .min(1, { error: 'Enter the wording you would like in the plan.' })
        .max(WORDING_MAX, { error: `Keep the requested wording under ${WORDING_MAX} characters; split a long change into several.` })
        .refine(plain, { error: 'Use plain text only.' }),
    ),
  reason: z
    .string()
    .transform(multiLine)
    .pipe(
      z
        .string()
        .max(REASON_MAX, { error: `Keep the reason under ${REASON_MAX} characters.` })
        .refine(plain, { error: 'Use plain text only.' }),
    ),
  evidenceRefs: z
    .string()
    .transform(splitRefs)
    .pipe(
      z
        .array(z.string().max(EVIDENCE_REF_MAX, { error: `Keep each reference under ${EVIDENCE_REF_MAX} characters.` }).refine(plain, { error: 'Use plain text only.' }))
        .max(EVIDENCE_REFS_MAX, { error: `List at most ${EVIDENCE_REFS_MAX} references.` }),
    ),
  requestedBy: z.string().min(1).optional(),
});

/** Every value from a card arrives as a string; anything else is treated as not given. */
export function changeFormValues(input: unknown): ChangeFormValues {
  const submitted = cardSubmission(input);
  const values: ChangeFormValues = {};
  for (const field of CHANGE_FIELDS) {
    const v = submitted[field];
    if (typeof v === 'string' && v.trim() !== '') values[field] = v;
  }
  return values;
}

/** Checks a `changes.save` submission and says what is wrong next to each field. */
export function validateChangeSubmission(input: unknown): ChangeValidation {
  const values = changeFormValues(input);
  const parsed = ChangeSubmissionSchema.safeParse({
    section: values.section ?? '',
    location: values.location ?? '',
    currentWording: values.currentWording ?? '',
    requestedWording: values.requestedWording ?? '',
    reason: values.reason ?? '',
    evidenceRefs: values.evidenceRefs ?? '',
    ...(values.requestedBy !== undefined ? { requestedBy: values.requestedBy } : {}),
  });
  if (parsed.success) {
    const d = parsed.data;
    return {
      ok: true,
      value: {
        section: d.section,
        location: d.location,
        currentWording: d.currentWording,
        requestedWording: d.requestedWording,
        reason: d.reason,
        evidenceRefs: d.evidenceRefs,
        ...(d.requestedBy !== undefined ? { requestedBy: d.requestedBy } : {}),
      },
    };
  }
  const errors: ChangeErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    const key = typeof field === 'string' && (CHANGE_FIELDS as readonly string[]).includes(field) ? (field as ChangeField) : 'form';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, values };
}
