import { z } from 'zod';
import { cardSubmission } from '../cardSubmission';
import type { Party } from '../cases';
import { defaultCalendar, formatDate, isTimescaleError, parseIsoDate, type Calendar, type IsoDate } from '../timescales';
import { ACTION_CATEGORIES, ACTION_CATEGORY_INFO, type AgreedActionCategory } from './actionCategories';
import { actionDueDates } from './actionDueDates';
import { isIcb, isLocalAuthority, OWNER_OTHER_MAX, OWNER_OTHER_VALUE, ownerChoiceValue, parseOwnerChoice, type ActionOwner } from './actionOwner';
import { ACTION_WHAT_MAX, type ActionInput, type AgreedAction } from './agreedAction';
import { isPlainText, multiLine, singleLine } from './plainText';

/** The inputs of the agreed-action form; the card uses the same ids. */
export const ACTION_FIELDS = ['owner', 'ownerOther', 'what', 'category', 'agreedDueDate'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];
/** `form` carries a problem that belongs to no single field. */
export type ActionErrors = Partial<Record<ActionField | 'form', string>>;
/** What was typed, as strings, to fill the form in again. */
export type ActionFormValues = Partial<Record<ActionField, string>>;

export type ActionValidation =
  | { readonly ok: true; readonly value: ActionInput }
  | { readonly ok: false; readonly errors: ActionErrors; readonly values: ActionFormValues };

export interface ActionContext {
  /** The case's parties: an owner chosen as a party must be one of them. */
  readonly parties: readonly Party[];
  /** The agreement date the statutory dates run from (agreementDateOf): an agreed date cannot be before it. */
  readonly agreementDate: IsoDate;
  readonly calendar?: Calendar;
  /** Disagreement resolution: no statutory clock applies, so only a date everyone agreed will do. */
  readonly isDrs?: boolean;
}

/** The categories an action of this kind of case may take (DRS: an agreed date only, never a statutory one). */
export function categoriesFor(isDrs: boolean): readonly AgreedActionCategory[] {
  return isDrs ? ['other_agreed_date'] : ACTION_CATEGORIES;
}

/** Every value from a card arrives as a string; anything else is treated as not given. */
export function actionFormValues(input: unknown): ActionFormValues {
  const submitted = cardSubmission(input);
  const values: ActionFormValues = {};
  for (const field of ACTION_FIELDS) {
    const v = submitted[field];
    if (typeof v === 'string' && v.trim() !== '') values[field] = v;
  }
  return values;
}

/** The form filled in with a stored action, to edit it. */
export function actionToFormValues(action: AgreedAction): ActionFormValues {
  return {
    owner: ownerChoiceValue(action.owner),
    ...(action.owner.kind === 'other' ? { ownerOther: action.owner.name } : {}),
    what: action.what,
    category: action.category,
    ...(action.agreedDueDate !== undefined ? { agreedDueDate: action.agreedDueDate } : {}),
  };
}

const OwnerOtherSchema = z
  .string()
  .transform(singleLine)
  .pipe(
    z
      .string()
      .min(1, { error: 'Type who will do it, for example "The family\'s GP".' })
      .max(OWNER_OTHER_MAX, { error: `Keep who will do it to ${OWNER_OTHER_MAX} characters or fewer.` })
      .refine(isPlainText, { error: 'Use plain text only.' }),
  );

const WhatSchema = z
  .string()
  .transform(multiLine)
  .pipe(
    z
      .string()
      .min(1, { error: 'Say what will be done, in the words everyone agreed.' })
      .max(ACTION_WHAT_MAX, { error: `Keep what will be done to ${ACTION_WHAT_MAX} characters or fewer; split a long action into several.` })
      .refine(isPlainText, { error: 'Use plain text only.' }),
  );

const CategorySchema = z.enum(ACTION_CATEGORIES, { error: 'Choose which timescale applies.' });

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Check this field.';
}

function agreedDateError(raw: string, context: ActionContext): string | undefined {
  try {
    const day = parseIsoDate(raw, 'agreed date');
    (context.calendar ?? defaultCalendar).assertTrusted(day);
  } catch (error) {
    if (isTimescaleError(error)) return error.message;
    throw error;
  }
  if (raw < context.agreementDate) return `The agreed date cannot be before the agreement date (${formatDate(context.agreementDate)}).`;
  return undefined;
}

/** Statutory clocks bind the local authority or the ICB (reg 42); anyone else's action needs an agreed date. */
function ownerCategoryError(owner: ActionOwner, category: AgreedActionCategory, parties: readonly Party[]): string | undefined {
  const la = isLocalAuthority(owner, parties);
  const icb = isIcb(owner, parties);
  switch (ACTION_CATEGORY_INFO[category].owner) {
    case 'la':
      return la ? undefined : 'This timescale binds the local authority. Choose the local authority as owner, or "Anything else, by a date everyone agreed".';
    case 'la_or_icb':
      return la || icb ? undefined : 'This timescale binds the local authority or the ICB. For anyone else, choose "Anything else, by a date everyone agreed".';
    case 'icb':
      return icb ? undefined : 'This timescale binds the ICB. Choose the ICB as owner.';
    case 'anyone':
      return undefined;
  }
}

/**
 * Checks an `action.save` submission and says what is wrong next to each field. The
 * statutory dates are worked out too, so an agreement near the end of the calendar's
 * trusted years is refused here rather than when the read-back is shown.
 */
export function validateActionSubmission(input: unknown, context: ActionContext): ActionValidation {
  const values = actionFormValues(input);
  const errors: ActionErrors = {};

  let owner: ActionOwner | undefined;
  if (values.owner === undefined) errors.owner = 'Choose who will do it.';
  else if (values.owner === OWNER_OTHER_VALUE) {
    const name = OwnerOtherSchema.safeParse(values.ownerOther ?? '');
    if (name.success) owner = { kind: 'other', name: name.data };
    else errors.ownerOther = firstMessage(name.error);
  } else {
    owner = parseOwnerChoice(values.owner, context.parties);
    if (!owner) errors.owner = 'Choose who will do it from the list.';
  }

  const what = WhatSchema.safeParse(values.what ?? '');
  if (!what.success) errors.what = firstMessage(what.error);

  const category = CategorySchema.safeParse(values.category);
  if (!category.success) errors.category = firstMessage(category.error);

  let agreedDueDate: IsoDate | undefined;
  if (values.agreedDueDate !== undefined) {
    const raw = values.agreedDueDate.trim();
    const problem = agreedDateError(raw, context);
    if (problem) errors.agreedDueDate = problem;
    else agreedDueDate = raw;
  } else if (category.success && ACTION_CATEGORY_INFO[category.data].needsAgreedDate) {
    errors.agreedDueDate = 'Enter the date everyone agreed: this action has no statutory timescale.';
  }
  if (agreedDueDate !== undefined && category.success && !ACTION_CATEGORY_INFO[category.data].agreedDateAllowed) {
    errors.agreedDueDate =
      'The ICB must tell the local authority within 1 week of the agreement (reg 42(4)); a date agreed in writing cannot replace it. Leave the date empty.';
  }

  if (category.success && !categoriesFor(context.isDrs ?? false).includes(category.data)) {
    errors.category = 'Disagreement resolution has no statutory timescales: choose "Anything else, by a date everyone agreed".';
  }

  if (owner && category.success && !errors.category) {
    const mismatch = ownerCategoryError(owner, category.data, context.parties);
    if (mismatch) errors.category = mismatch;
  }

  if (Object.keys(errors).length > 0 || !owner || !what.success || !category.success) return { ok: false, errors, values };
  const value: ActionInput = { owner, what: what.data, category: category.data, ...(agreedDueDate !== undefined ? { agreedDueDate } : {}) };
  try {
    actionDueDates(value, context.agreementDate, context.calendar);
  } catch (error) {
    if (isTimescaleError(error)) return { ok: false, errors: { form: error.message }, values };
    throw error;
  }
  return { ok: true, value };
}
