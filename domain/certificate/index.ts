/**
 * Mediation certificates (docs/rules.md#mediation-certificate, #timescale-rules T2/T6/T7/T17): the three variants, issuing and
 * re-issuing, the appeal-by date as a guide, timeliness, the printable page and the access
 * token that guards it. Pure apart from randomness for ids and tokens (injectable). DRS cases
 * have no certificate (docs/rules.md#disagreement-resolution-drs).
 */
export {
  CERTIFICATE_VARIANTS,
  ISSUER_ROLES,
  ISSUER_ROLE_LABELS,
  CERTIFICATE_VARIANT_INFO,
  NO_MEDIATION_REASONS,
  NO_MEDIATION_REASON_LABELS,
  certificateStatement,
  isCertificateVariant,
  type NoMediationReason,
  type CertificateVariant,
  type IssuerRole,
  type CertificateVariantInfo,
} from './certificateVariant';
export { CERTIFICATE_NUMBER_PREFIX, CERTIFICATE_NUMBER_PATTERN, certificateNumber, certificateYear, sequenceScope } from './certificateNumber';
export {
  ACCESS_TOKEN_BYTES,
  ACCESS_TOKEN_PATTERN,
  ACCESS_TOKENS_MAX,
  TOKEN_HASH_PATTERN,
  createAccessToken,
  hashAccessToken,
  verifyCertificateToken,
} from './accessToken';
export {
  HOLDERS_MAX,
  MEDIATION_ISSUES_MAX,
  ISSUER_NAME_MAX,
  PROVIDER_NAME_MAX,
  APPEAL_KINDS,
  CertificateAppealSchema,
  CertificateSchema,
  CertificateFactsSchema,
  type CertificateFacts,
  type AppealKind,
  type CertificateAppeal,
  type Certificate,
  type UnnumberedCertificate,
} from './certificateSchema';
export { certificateDue, certificateTimeliness, type CertificateTimeliness } from './certificateDue';
export { appealKindOf, certificateAppeal, NO_DECISION_DATE } from './certificateAppeal';
export {
  currentCertificate,
  prepareCertificate,
  renewAccessToken,
  type CertificateRequest,
  type CertificateIssue,
  type IssueOptions,
} from './issueCertificate';
export {
  CERTIFICATE_FIELDS,
  REISSUE_DATA_KEY,
  certificateFormValues,
  validateCertificateSubmission,
  type CertificateField,
  type CertificateErrors,
  type CertificateFormValues,
  type CertificateFormInput,
  type CertificateFormValidation,
} from './certificateInput';
export { formatLongDate } from './longDate';
export {
  APPEAL_GUIDANCE_LABEL,
  RESOLVED_TEXT,
  holdersText,
  appealStatement,
  appealExplanation,
  appealByText,
  type DateFormatter,
} from './certificateTexts';
export { escapeHtml } from './htmlEscape';
export { certificateHtml, type CertificateHtmlOptions } from './certificateHtml';
export { certificateStatusLine } from './certificateStatus';
