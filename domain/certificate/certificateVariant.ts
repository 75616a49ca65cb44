import type { RuleId } from '../timescales';
import { isOneOf } from '../oneOf';

/**
 * The three kinds of mediation certificate (docs/rules.md#mediation-certificate). Codes are stored with every
 * certificate; the words are the product's own.
 */
export const CERTIFICATE_VARIANTS = ['after_mediation', 'no_mediation', 'cannot_arrange'] as const;
export type CertificateVariant = (typeof CERTIFICATE_VARIANTS)[number];

export const ISSUER_ROLES = ['mediator', 'adviser'] as const;
export type IssuerRole = (typeof ISSUER_ROLES)[number];

export const ISSUER_ROLE_LABELS: Readonly<Record<IssuerRole, string>> = {
  mediator: 'Mediator',
  adviser: 'Mediation adviser',
};

export interface CertificateVariantInfo {
  readonly variant: CertificateVariant;
  /** For the form's picker. */
  readonly label: string;
  /** The heading of the printable certificate. */
  readonly title: string;
  /** Who issues it: the mediator after mediation (s.55(5)), the adviser otherwise (s.55(4), T6). */
  readonly issuerRole: IssuerRole;
  /** The 3-working-day clock that applies (T7, T2, T6(b)). */
  readonly rule: RuleId;
  /** The event the clock runs from, in words. */
  readonly triggerText: string;
  /** What the certificate says happened; for no mediation it depends on how (certificateStatement). */
  readonly statement?: string;
  readonly basis: string;
}

/**
 * How the parent or young person came not to mediate: each leads to the adviser's certificate
 * (reg 34: the adviser is told mediation is not wanted, or the family withdraws or does not
 * pursue it). Older certificates carry none and read as `declined`.
 */
export const NO_MEDIATION_REASONS = ['declined', 'withdrew', 'not_pursued'] as const;
export type NoMediationReason = (typeof NO_MEDIATION_REASONS)[number];

export const NO_MEDIATION_REASON_LABELS: Readonly<Record<NoMediationReason, string>> = {
  declined: 'Decided not to take part in mediation',
  withdrew: 'Withdrew from mediation after asking for it',
  not_pursued: 'Did not pursue mediation',
};

const NO_MEDIATION_STATEMENT: Readonly<Record<NoMediationReason, string>> = {
  declined: 'decided not to take part in mediation',
  withdrew: 'asked for mediation and then withdrew from it',
  not_pursued: 'did not pursue mediation',
};

/** What the certificate says happened, in the words of its variant and, for no mediation, of how. */
export function certificateStatement(variant: CertificateVariant, noMediation?: { readonly how?: NoMediationReason | undefined }): string {
  const fixed = CERTIFICATE_VARIANT_INFO[variant].statement;
  if (fixed !== undefined) return fixed;
  const how = NO_MEDIATION_STATEMENT[noMediation?.how ?? 'declined'];
  return `The parent or young person received information and advice about mediation from a mediation adviser and ${how}. The mediation adviser issues this certificate.`;
}

export const CERTIFICATE_VARIANT_INFO: Readonly<Record<CertificateVariant, CertificateVariantInfo>> = {
  after_mediation: {
    variant: 'after_mediation',
    label: 'Mediation took place',
    title: 'Mediation certificate',
    issuerRole: 'mediator',
    rule: 'CERT_AFTER_MEDIATION',
    triggerText: 'the mediation concluded',
    statement: 'Mediation took place about the decision and issues below. The mediator issues this certificate.',
    basis: 'Children and Families Act 2014, section 55(5)',
  },
  no_mediation: {
    variant: 'no_mediation',
    label: 'The family chose not to mediate, withdrew, or did not pursue it (adviser certificate)',
    title: 'Mediation certificate: mediation not pursued',
    issuerRole: 'adviser',
    rule: 'CERT_NO_MEDIATION',
    triggerText: 'the adviser was told mediation was not wanted, or the family withdrew or did not pursue it',
    basis: 'Children and Families Act 2014, section 55(4)',
  },
  cannot_arrange: {
    variant: 'cannot_arrange',
    label: 'Mediation could not be arranged within 30 days',
    title: 'Mediation certificate: mediation not arranged within 30 days',
    issuerRole: 'adviser',
    rule: 'CERT_CANNOT_ARRANGE',
    triggerText: 'the adviser was told mediation could not take place within 30 days',
    statement:
      'The parent or young person asked for mediation, and the body arranging it said it could not take place within 30 days. The mediation adviser issues this certificate.',
    basis: 'Children and Families Act 2014, section 55(4), with the SEND Regulations 2014 (the 30-day rule)',
  },
};

export const isCertificateVariant = isOneOf(CERTIFICATE_VARIANTS);
