import { CASE_TYPES } from '../domain/caseTypes';
import { CaseError, type Case } from '../domain/cases';
import {
  APPEAL_GUIDANCE_LABEL,
  CERTIFICATE_VARIANT_INFO,
  certificateStatement,
  CERTIFICATE_VARIANTS,
  ISSUER_ROLE_LABELS,
  RESOLVED_TEXT,
  appealByText,
  appealExplanation,
  appealStatement,
  certificateDue,
  certificateTimeliness,
  currentCertificate,
  holdersText,
  type Certificate,
  type CertificateErrors,
  type CertificateFormValues,
} from '../domain/certificate';
import { concludedOn, type Meeting } from '../domain/meeting';
import { defaultCalendar, formatDate, isTimescaleError, type Calendar, type IsoDate } from '../domain/timescales';
import { nonEmptyChoices } from './adaptive';
import type { CertificateCardView } from './certificateCard';
import type { CertificateFormCardView } from './certificateFormCard';

/** From certificate records to the view models of the certificate cards. */

export interface CertificateViewOptions {
  /** The printable page's address (with its token), when the bot has one to give. */
  readonly printUrl?: string;
  /** Mediators see whether it went out on time. */
  readonly showTimeliness?: boolean;
}

function detailFacts(cert: Certificate): (readonly [string, string])[] {
  const rows: (readonly [string, string])[] = [
    [cert.isYoungPerson ? 'Young person' : 'Parent or carer', holdersText(cert)],
    [cert.isYoungPerson ? "Young person's initials" : "Child's initials", cert.childInitials],
    ['Local authority', cert.localAuthority],
    ['Decision', cert.caseTypeLabel],
    ['Decision notice sent', cert.decisionNoticeSent !== undefined ? formatDate(cert.decisionNoticeSent) : 'Not recorded'],
  ];
  if (cert.mediation) {
    rows.push([cert.mediation.dates.length === 1 ? 'Date of mediation' : 'Dates of mediation', cert.mediation.dates.map(formatDate).join('; ')]);
    rows.push(['Result', RESOLVED_TEXT[cert.mediation.resolved]]);
  }
  if (cert.cannotArrange) {
    rows.push(['Local authority told mediation was wanted', formatDate(cert.cannotArrange.laInformed)]);
    rows.push(['Said it could not arrange it within 30 days', formatDate(cert.cannotArrange.cannotMeetOn)]);
  }
  if (cert.noMediation) rows.push(['Adviser told mediation was not wanted', formatDate(cert.noMediation.toldOn)]);
  return rows;
}

export function toCertificateView(cert: Certificate, options: CertificateViewOptions = {}): CertificateCardView {
  const info = CERTIFICATE_VARIANT_INFO[cert.variant];
  const timeliness = options.showTimeliness ? certificateTimeliness(cert.due.due, cert.issueDate) : undefined;
  return {
    number: cert.number,
    title: info.title,
    caseReference: cert.caseReference,
    variantLabel: info.label,
    issueDateText: formatDate(cert.issueDate),
    issuerText: `${cert.issuer.name}, ${ISSUER_ROLE_LABELS[cert.issuer.role]}, ${cert.providerName}`,
    detailFacts: detailFacts(cert),
    mediationIssues: cert.mediationIssues,
    statement: certificateStatement(cert.variant, cert.noMediation),
    appealByText: appealByText(cert),
    appealExplanation: appealExplanation(cert),
    appealStatement: appealStatement(cert),
    guidanceText: `${APPEAL_GUIDANCE_LABEL}: check the date with the Tribunal, SENDIASS or IPSEA before relying on it.`,
    ...(cert.notNeededForAppeal ? { notNeededText: `Not needed for an appeal. ${appealStatement(cert)}` } : {}),
    ...(cert.replaces ? { replacesText: `This new version replaces certificate ${cert.replaces.number}; the appeal date counts from the first issue (${formatDate(cert.originalIssueDate)}).` } : {}),
    ...(timeliness ? { timelinessText: timeliness.text, timelinessLate: timeliness.status === 'late' } : {}),
    ...(options.printUrl !== undefined ? { printUrl: options.printUrl } : {}),
  };
}

export interface CertificateFormViewOptions {
  readonly today: IsoDate;
  /** The case's final meeting, if it has concluded: the form says when the certificate is due. */
  readonly meeting?: Meeting;
  readonly values?: CertificateFormValues;
  readonly errors?: CertificateErrors;
  readonly calendar?: Calendar;
}

/** The certificate form, or a CaseError for a DRS case (no certificate, docs/rules.md#disagreement-resolution-drs). */
export function toCertificateFormView(c: Case, certificates: readonly Certificate[], options: CertificateFormViewOptions): CertificateFormCardView | CaseError {
  const type = CASE_TYPES[c.caseType];
  if (type.isDrs) return new CaseError('invalid_input', `Case ${c.caseReference} is disagreement resolution (DRS): it has no mediation certificate.`);
  const concluded = options.meeting ? concludedOn(options.meeting) : undefined;
  let dueText: string | undefined;
  if (concluded !== undefined) {
    try {
      dueText = `The mediation concluded on ${formatDate(concluded)}: the certificate is due by ${formatDate(certificateDue('after_mediation', concluded, options.calendar ?? defaultCalendar))}.`;
    } catch (error) {
      if (!isTimescaleError(error)) throw error;
    }
  }
  const notNeededText = !type.appealable
    ? 'This kind of decision cannot be appealed to the Tribunal on its own, so a certificate is not needed for an appeal. You can still issue one; it will say so.'
    : !type.certificateNeeded
      ? 'An appeal only about the school or placement in section I does not need a certificate. You can still issue one; it will say so.'
      : undefined;
  const existing = CERTIFICATE_VARIANTS.flatMap((v) => {
    const cert = currentCertificate(certificates, c.id, v);
    return cert ? [{ variantLabel: CERTIFICATE_VARIANT_INFO[v].label, number: cert.number, issueDateText: formatDate(cert.issueDate) }] : [];
  });
  const values = options.values ?? (c.dates.laInformed !== undefined ? { laInformed: c.dates.laInformed } : undefined);
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    caseTypeLabel: type.label,
    variantChoices: nonEmptyChoices(CERTIFICATE_VARIANTS.map((v) => ({ title: CERTIFICATE_VARIANT_INFO[v].label, value: v })), 'certificate kinds'),
    today: options.today,
    ...(dueText ? { dueText } : {}),
    ...(notNeededText ? { notNeededText } : {}),
    existing,
    ...(values ? { values } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
  };
}
