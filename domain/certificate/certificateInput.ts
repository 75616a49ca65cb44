import { cardSubmission } from '../cardSubmission';
import { formatDate, isIsoDate, type IsoDate } from '../timescales';
import { isCertificateVariant, NO_MEDIATION_REASONS, type CertificateVariant, type NoMediationReason } from './certificateVariant';

/** The inputs of the certificate form; the card uses the same ids. */
export const CERTIFICATE_FIELDS = ['variant', 'noMediationOn', 'noMediationHow', 'laInformed', 'cannotMeetOn'] as const;
export type CertificateField = (typeof CERTIFICATE_FIELDS)[number];
export type CertificateErrors = Partial<Record<CertificateField | 'form', string>>;
export type CertificateFormValues = Partial<Record<CertificateField, string>>;

/** The re-issue button sends `reissue: 1` in its data; the ordinary issue button sends none. */
export const REISSUE_DATA_KEY = 'reissue';

export interface CertificateFormInput {
  readonly variant: CertificateVariant;
  readonly noMediationOn?: IsoDate;
  readonly noMediationHow?: NoMediationReason;
  readonly laInformed?: IsoDate;
  readonly cannotMeetOn?: IsoDate;
  readonly reissue: boolean;
}

export type CertificateFormValidation =
  | { readonly ok: true; readonly value: CertificateFormInput }
  | { readonly ok: false; readonly errors: CertificateErrors; readonly values: CertificateFormValues };

export function certificateFormValues(input: unknown): CertificateFormValues {
  const data = cardSubmission(input);
  const values: CertificateFormValues = {};
  for (const field of CERTIFICATE_FIELDS) {
    const v = Object.hasOwn(data, field) ? data[field] : undefined;
    if (typeof v === 'string' && v.trim() !== '') values[field] = v.trim();
  }
  return values;
}

/**
 * Checks a `certificate.issue` submission: the variant, and the dates that variant needs.
 * Dates of other variants are ignored (Cards 1.5 shows every field). Whether the dates fit
 * the case (not before the LA was told, and so on) is prepareCertificate's job.
 */
export function validateCertificateSubmission(input: unknown, today: IsoDate): CertificateFormValidation {
  const values = certificateFormValues(input);
  const data = cardSubmission(input);
  const reissue = data[REISSUE_DATA_KEY] === 1 || data[REISSUE_DATA_KEY] === '1';
  const errors: CertificateErrors = {};
  const variant = values.variant;
  if (!isCertificateVariant(variant)) {
    return { ok: false, errors: { variant: 'Choose the kind of certificate.' }, values };
  }
  const date = (field: CertificateField, what: string, required: boolean): IsoDate | undefined => {
    const v = values[field];
    if (v === undefined) {
      if (required) errors[field] = `Enter ${what}.`;
      return undefined;
    }
    if (!isIsoDate(v)) {
      errors[field] = `Enter ${what} as a date.`;
      return undefined;
    }
    if (v > today) {
      errors[field] = `That date is after today (${formatDate(today)}).`;
      return undefined;
    }
    return v;
  };
  let out: CertificateFormInput = { variant, reissue };
  if (variant === 'no_mediation') {
    const toldOn = date('noMediationOn', 'the date the family said they did not want mediation', true);
    if (toldOn) out = { ...out, noMediationOn: toldOn };
    const how = NO_MEDIATION_REASONS.find((r) => r === values.noMediationHow);
    if (values.noMediationHow !== undefined && how === undefined) errors.noMediationHow = 'Choose how the family came not to mediate.';
    out = { ...out, noMediationHow: how ?? 'declined' };
  }
  if (variant === 'cannot_arrange') {
    const laInformed = date('laInformed', 'the date the local authority was told mediation was wanted', false);
    const cannotMeetOn = date('cannotMeetOn', 'the date the local authority said it could not arrange mediation within 30 days', true);
    out = { ...out, ...(laInformed ? { laInformed } : {}), ...(cannotMeetOn ? { cannotMeetOn } : {}) };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, value: out };
}
