/** Terms of Engagement: the versioned text, role confirmations, and acknowledgements. */
export { loadTerms, TermsError, type Terms, type TermsSection, type TermsItem } from './loadTerms';
export { ROLE_CONFIRMATIONS, roleConfirmationFor, youngPersonVoiceText, type RoleConfirmation, type YoungPersonVoiceRecord } from './roleConfirmations';
export { ALTERNATIVE_BASES, ALTERNATIVE_BASIS_LABELS, ALTERNATIVE_NAME_MAX, type AlternativeBasis } from './alternativePerson';
export { AcknowledgementSchema, acknowledgementKey, type Acknowledgement } from './acknowledgement';
export {
  AGREEMENT_FIELDS,
  validateAgreement,
  type AgreementField,
  type AgreementErrors,
  type AgreementValues,
  type AgreementAnswers,
  type AgreementValidation,
} from './agreementInput';
export { assertMayAgree, recordAgreement } from './recordAgreement';
export {
  TERMS_STATUS_LABELS,
  termsStatus,
  partiesNeedingTerms,
  termsAlerts,
  type TermsStatus,
  type PartyTermsStatus,
  type TermsAlert,
} from './termsStatus';
