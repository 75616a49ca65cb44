import { cardSubmission } from '../cardSubmission';
import type { ParticipantRole } from '../cases/partyRoles';
import type { Acknowledgement } from './acknowledgement';
import { ALTERNATIVE_BASES, ALTERNATIVE_NAME_MAX } from './alternativePerson';
import { roleConfirmationFor } from './roleConfirmations';

/** Input ids of the terms card. */
export const AGREEMENT_FIELDS = ['authority', 'ypVoice', 'ypVoiceName', 'ypVoiceBasis', 'advocateGuidance', 'recordReason'] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];
export type AgreementErrors = Partial<Record<AgreementField, string>>;
export type AgreementValues = Partial<Record<AgreementField, string>>;

export interface AgreementAnswers {
  readonly authority?: Acknowledgement['authority'];
  readonly youngPersonVoice?: Acknowledgement['youngPersonVoice'];
  readonly advocateGuidance?: true;
  /** Only when a mediator records the agreement for someone else. */
  readonly reason?: string;
}

export type AgreementValidation =
  | { readonly ok: true; readonly value: AgreementAnswers }
  | { readonly ok: false; readonly errors: AgreementErrors; readonly values: AgreementValues };

function readValues(input: unknown): AgreementValues {
  const submitted = cardSubmission(input);
  const values: AgreementValues = {};
  for (const field of AGREEMENT_FIELDS) {
    const v = submitted[field];
    if (typeof v === 'string' && v.trim() !== '') values[field] = v.trim().replace(/\s+/g, ' ');
  }
  return values;
}

/**
 * Checks the role-specific answers of a `terms.agree` submission. `onBehalf` is true when
 * a mediator records the agreement for a party, which needs a reason.
 */
export function validateAgreement(input: unknown, role: ParticipantRole, onBehalf: boolean): AgreementValidation {
  const values = readValues(input);
  const errors: AgreementErrors = {};
  const answers: { -readonly [K in keyof AgreementAnswers]: AgreementAnswers[K] } = {};
  const confirmation = roleConfirmationFor(role);

  if (confirmation?.kind === 'authority') {
    if (values.authority === 'full' || values.authority === 'limited') answers.authority = values.authority;
    else errors.authority = 'Say whether you can settle the issues.';
  }
  if (confirmation?.kind === 'youngPersonVoice') {
    if (values.ypVoice === 'self') answers.youngPersonVoice = { mode: 'self' };
    else if (values.ypVoice === 'named') {
      const name = values.ypVoiceName;
      if (name === undefined || name.length < 2 || name.length > 80) {
        errors.ypVoiceName = 'Enter the name of the person you have given written permission to speak for you.';
      } else answers.youngPersonVoice = { mode: 'named', name };
    } else if (values.ypVoice === 'alternative') {
      const name = values.ypVoiceName;
      const basis = ALTERNATIVE_BASES.find((b) => b === values.ypVoiceBasis);
      if (name === undefined || name.length < 2 || name.length > ALTERNATIVE_NAME_MAX) errors.ypVoiceName = 'Enter the name of the alternative person who acts for the young person.';
      if (basis === undefined) errors.ypVoiceBasis = 'Say on which basis they act: deputy, attorney, or the parent.';
      if (name !== undefined && basis !== undefined && !errors.ypVoiceName) answers.youngPersonVoice = { mode: 'alternative', name, basis };
    } else errors.ypVoice = 'Say who will speak for you at the meeting.';
  }
  if (confirmation?.kind === 'advocateGuidance') {
    if (values.advocateGuidance === 'true') answers.advocateGuidance = true;
    else errors.advocateGuidance = 'Tick to confirm you will follow the advocate guidance.';
  }
  if (onBehalf) {
    const reason = values.recordReason;
    if (reason === undefined || reason.length < 3 || reason.length > 300) {
      errors.recordReason = 'Say why you are recording this for them, for example "agreed by phone on 2 December".';
    } else answers.reason = reason;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors, values } : { ok: true, value: answers };
}
