import { CASE_TYPES } from '../caseTypes';
import { assertMediator, CaseError, newId, type Case, type RandomBytes } from '../cases';
import { londonDate } from '../londonTime';
import type { Meeting } from '../meeting';
import { isPlainText, singleLine } from '../meeting/plainText';
import { assertConcluded, decisionIssueTitle, ISSUE_TITLE_MAX, mediationSessionDates, outcomeIssues, resolvedShare, type OutcomeIssue } from '../outcome';
import type { RequestedChange } from '../preparation';
import { defaultCalendar, formatDate, isTimescaleError, parseIsoDate, type Calendar, type IsoDate } from '../timescales';
import { ACCESS_TOKENS_MAX, createAccessToken, hashAccessToken } from './accessToken';
import { certificateAppeal } from './certificateAppeal';
import { certificateDue } from './certificateDue';
import { HOLDERS_MAX, ISSUER_NAME_MAX, MEDIATION_ISSUES_MAX, PROVIDER_NAME_MAX, type Certificate, type UnnumberedCertificate } from './certificateSchema';
import { CERTIFICATE_VARIANT_INFO, ISSUER_ROLE_LABELS, type CertificateVariant, type IssuerRole, type NoMediationReason } from './certificateVariant';

/**
 * Issuing a certificate (docs/rules.md#mediation-certificate, #timescale-rules T2/T6/T7/T17). Pure: the caller passes what
 * storage holds and the clock; storage numbers the result (CertificateStore.issue).
 *
 * - DRS cases get none: disagreement resolution has no certificate (docs/rules.md#disagreement-resolution-drs).
 * - Asking again for a variant the case already has returns that certificate, unless the
 *   mediator asks to re-issue: then a new version replaces it and the old one stays on file.
 * - Health-only and social-care-only cases may have one, flagged as not needed for an appeal.
 */
export interface CertificateRequest {
  readonly variant: CertificateVariant;
  /** Who signs it: their name as Teams gives it, and mediator or adviser (must fit the variant). */
  readonly issuer: { readonly name: string; readonly role: IssuerRole };
  readonly providerName: string;
  /** after_mediation: the final session, concluded. */
  readonly meeting?: Meeting;
  /** after_mediation: every session, for the dates of mediation. */
  readonly sessions?: readonly Meeting[];
  /** after_mediation: the issues with their results, from the latest published outcome. Without it they are worked out from the meeting. */
  readonly issues?: readonly OutcomeIssue[];
  /** after_mediation, without `issues`: the case's requested changes. */
  readonly changes?: readonly RequestedChange[];
  /** no_mediation: when the adviser was told mediation was not wanted. */
  readonly noMediationOn?: IsoDate;
  /** no_mediation: declined, withdrew or did not pursue it (declined when not said). */
  readonly noMediationHow?: NoMediationReason;
  /** cannot_arrange: when the LA was told mediation was wanted (defaults to the case's date). */
  readonly laInformed?: IsoDate;
  /** cannot_arrange: when the LA (or ICB) said mediation could not take place within 30 days. */
  readonly cannotMeetOn?: IsoDate;
  /** no_mediation, cannot_arrange: the issues the family raised; defaults to the LA decision. */
  readonly mediationIssues?: readonly string[];
  readonly reissue?: boolean;
}

export type CertificateIssue =
  | { readonly kind: 'existing'; readonly certificate: Certificate }
  | { readonly kind: 'new'; readonly certificate: UnnumberedCertificate; readonly accessToken: string };

export interface IssueOptions {
  readonly calendar?: Calendar;
  readonly random?: RandomBytes;
}

/** The current certificate of a variant: the latest issue. */
export function currentCertificate(certificates: readonly Certificate[], caseId: string, variant: CertificateVariant): Certificate | undefined {
  return certificates
    .filter((x) => x.caseId === caseId && x.variant === variant)
    .sort((a, b) => b.issueNumber - a.issueNumber)[0];
}

function invalid(message: string): CaseError {
  return new CaseError('invalid_input', message);
}

function checkDate(date: IsoDate | undefined, what: string, issueDate: IsoDate): IsoDate | CaseError {
  if (date === undefined) return invalid(`Enter ${what}.`);
  try {
    parseIsoDate(date, what);
  } catch {
    return invalid(`Enter ${what} as a real date.`);
  }
  if (date > issueDate) return invalid(`${what[0]?.toUpperCase() ?? ''}${what.slice(1)} cannot be after today (${formatDate(issueDate)}).`);
  return date;
}

interface VariantFacts {
  readonly trigger: IsoDate;
  readonly mediationIssues: readonly string[];
  readonly details: Pick<UnnumberedCertificate, 'mediation' | 'cannotArrange' | 'noMediation'>;
}

function cleanIssues(issues: readonly string[] | undefined, c: Case): string[] | CaseError {
  const list = (issues ?? []).map((i) => singleLine(i)).filter((i) => i !== '');
  if (list.length === 0) return [decisionIssueTitle(c)];
  if (list.length > MEDIATION_ISSUES_MAX || list.some((i) => i.length > ISSUE_TITLE_MAX || !isPlainText(i))) {
    return invalid(`List up to ${MEDIATION_ISSUES_MAX} issues in plain text, each up to ${ISSUE_TITLE_MAX} characters.`);
  }
  return list;
}

function variantFacts(c: Case, request: CertificateRequest, issueDate: IsoDate): VariantFacts | CaseError {
  switch (request.variant) {
    case 'after_mediation': {
      if (!request.meeting) return new CaseError('invalid_transition', 'There is no concluded mediation meeting in this case yet.');
      const concluded = assertConcluded(c, request.meeting);
      if (concluded instanceof CaseError) return concluded;
      const issues = request.issues ?? outcomeIssues(c, request.meeting, concluded.outcome, request.changes ?? []);
      if (issues.length === 0) return invalid('The mediation issues are missing.');
      return {
        trigger: concluded.concludedOn,
        mediationIssues: issues.map((i) => i.title),
        details: {
          mediation: { dates: mediationSessionDates(request.meeting, request.sessions ?? []), resolved: resolvedShare(issues.map((i) => i.result)) },
        },
      };
    }
    case 'no_mediation': {
      const toldOn = checkDate(request.noMediationOn, 'the date the family said they did not want mediation', issueDate);
      if (toldOn instanceof CaseError) return toldOn;
      const issues = cleanIssues(request.mediationIssues, c);
      if (issues instanceof CaseError) return issues;
      return { trigger: toldOn, mediationIssues: issues, details: { noMediation: { toldOn, how: request.noMediationHow ?? 'declined' } } };
    }
    case 'cannot_arrange': {
      const laInformed = checkDate(request.laInformed ?? c.dates.laInformed, 'the date the local authority was told mediation was wanted', issueDate);
      if (laInformed instanceof CaseError) return laInformed;
      const cannotMeetOn = checkDate(request.cannotMeetOn, 'the date the local authority said it could not arrange mediation within 30 days', issueDate);
      if (cannotMeetOn instanceof CaseError) return cannotMeetOn;
      if (cannotMeetOn < laInformed) {
        return invalid(`The local authority cannot have said it could not meet the 30 days (${formatDate(cannotMeetOn)}) before it was told mediation was wanted (${formatDate(laInformed)}).`);
      }
      const issues = cleanIssues(request.mediationIssues, c);
      if (issues instanceof CaseError) return issues;
      return { trigger: cannotMeetOn, mediationIssues: issues, details: { cannotArrange: { laInformed, cannotMeetOn } } };
    }
  }
}

export function prepareCertificate(
  c: Case,
  existing: readonly Certificate[],
  actor: string,
  request: CertificateRequest,
  now: Date,
  options: IssueOptions = {},
): CertificateIssue | CaseError {
  const notMediator = assertMediator(c, actor);
  if (notMediator) return notMediator;
  const type = CASE_TYPES[c.caseType];
  if (type.isDrs) {
    return new CaseError(
      'invalid_input',
      `Case ${c.caseReference} is disagreement resolution (DRS). DRS has no mediation certificate and no statutory clocks; a certificate comes only from statutory mediation or a mediation adviser.`,
    );
  }
  const previous = currentCertificate(existing, c.id, request.variant);
  if (previous && request.reissue !== true) return { kind: 'existing', certificate: previous };

  const info = CERTIFICATE_VARIANT_INFO[request.variant];
  if (request.issuer.role !== info.issuerRole) {
    return invalid(`A certificate for "${info.label}" is issued by the ${ISSUER_ROLE_LABELS[info.issuerRole].toLowerCase()}.`);
  }
  const issuerName = singleLine(request.issuer.name);
  const providerName = singleLine(request.providerName);
  if (issuerName === '' || issuerName.length > ISSUER_NAME_MAX || providerName === '' || providerName.length > PROVIDER_NAME_MAX) {
    return invalid('The certificate needs the name of the person issuing it and of the mediation service.');
  }
  const holders = c.parties.filter((p) => p.role === 'parent_carer' || p.role === 'young_person').map((p) => p.displayName);
  if (holders.length === 0) return invalid(`Add the parent or young person to case ${c.caseReference} first: the certificate is made out to them.`);
  if (holders.length > HOLDERS_MAX) return invalid(`A certificate names at most ${HOLDERS_MAX} parents or young people.`);

  const calendar = options.calendar ?? defaultCalendar;
  const issueDate = londonDate(now);
  const facts = variantFacts(c, request, issueDate);
  if (facts instanceof CaseError) return facts;
  let due: IsoDate;
  try {
    due = certificateDue(request.variant, facts.trigger, calendar);
  } catch (error) {
    if (isTimescaleError(error)) return invalid(error.message);
    throw error;
  }
  const originalIssueDate = previous?.originalIssueDate ?? issueDate;
  const accessToken = createAccessToken(options.random);
  const at = now.toISOString();
  const certificate: UnnumberedCertificate = {
    certificateId: newId(options.random),
    caseId: c.id,
    providerKey: c.providerKey,
    caseReference: c.caseReference,
    variant: request.variant,
    issueNumber: (previous?.issueNumber ?? 0) + 1,
    ...(previous ? { replaces: { certificateId: previous.certificateId, number: previous.number } } : {}),
    issueDate,
    originalIssueDate,
    issuedAt: at,
    issuedBy: actor,
    issuer: { name: issuerName, role: request.issuer.role },
    providerName,
    holders,
    isYoungPerson: c.isYoungPerson,
    childInitials: c.childInitials,
    localAuthority: c.localAuthority,
    caseType: c.caseType,
    caseTypeLabel: type.label,
    ...(c.dates.decisionNoticeSent !== undefined ? { decisionNoticeSent: c.dates.decisionNoticeSent } : {}),
    mediationIssues: [...facts.mediationIssues],
    ...facts.details,
    due: { rule: info.rule, trigger: facts.trigger, due },
    appeal: certificateAppeal(c.caseType, c.dates.decisionNoticeSent, originalIssueDate, calendar),
    notNeededForAppeal: !type.appealable,
    accessTokenHashes: [hashAccessToken(accessToken)],
    version: 1,
    updatedAt: at,
  };
  return { kind: 'new', certificate, accessToken };
}

/**
 * A further link to the printable certificate, for sending it again: the earlier links keep
 * working, up to ACCESS_TOKENS_MAX (the oldest is dropped). Mediators only.
 */
export function renewAccessToken(
  c: Case,
  certificate: Certificate,
  actor: string,
  now: Date,
  random?: RandomBytes,
): { readonly certificate: Certificate; readonly accessToken: string } | CaseError {
  const notMediator = assertMediator(c, actor);
  if (notMediator) return notMediator;
  if (certificate.caseId !== c.id) return new CaseError('not_found', `That certificate is not part of case ${c.caseReference}.`);
  const accessToken = createAccessToken(random);
  return {
    certificate: {
      ...certificate,
      accessTokenHashes: [...certificate.accessTokenHashes, hashAccessToken(accessToken)].slice(-ACCESS_TOKENS_MAX),
      updatedAt: now.toISOString(),
    },
    accessToken,
  };
}
