import { CASE_TYPES, type CaseTypeCode } from '../caseTypes';
import { computeRule, defaultCalendar, formatDate, isTimescaleError, type Calendar, type IsoDate } from '../timescales';
import type { CertificateNeed, OutcomeIssue, OutcomeNextSteps } from './outcomeSchema';

/**
 * The next steps the outcome gives (docs/rules.md#outcome-statement): when the certificate is due (T7) and,
 * for appealable issues that were not fully resolved, how long there is to appeal (T17).
 * The appeal date depends on the certificate's issue date, which is not known yet, so the
 * outcome gives the date that applies if the certificate is issued on its due date; the
 * certificate itself states the real one.
 */

/** What a DRS outcome says in place of the certificate and appeal steps. */
export const DRS_OUTCOME_NOTE =
  'Not legally binding: this records what was agreed at a disagreement resolution meeting. Nobody can be made to carry it out, ' +
  'and no mediation certificate follows, because disagreement resolution is not statutory mediation. Using it does not affect any right of appeal.';

export function certificateNeedOf(caseType: CaseTypeCode): CertificateNeed {
  const type = CASE_TYPES[caseType];
  if (type.isDrs) return 'drs';
  if (type.certificateNeeded) return 'needed';
  return type.appealable ? 'not_needed_placement' : 'not_appealable';
}

export function outcomeNextSteps(
  caseType: CaseTypeCode,
  concludedOn: IsoDate,
  decisionNoticeSent: IsoDate | undefined,
  issues: readonly OutcomeIssue[],
  calendar: Calendar = defaultCalendar,
): OutcomeNextSteps {
  // Disagreement resolution: no certificate, no appeal, no statutory clock (docs/rules.md#disagreement-resolution-drs).
  if (CASE_TYPES[caseType].isDrs) return { certificateNeed: 'drs', appealIssues: [] };
  const appealIssues = issues.filter((i) => i.appealable && i.result !== 'resolved').map((i) => i.title);
  let certificateDue: IsoDate | undefined;
  let certificateDueError: string | undefined;
  try {
    certificateDue = computeRule('CERT_AFTER_MEDIATION', concludedOn, undefined, calendar).due;
  } catch (error) {
    if (!isTimescaleError(error)) throw error;
    certificateDueError = error.message;
  }
  let appealByIfCertificateOnTime: IsoDate | undefined;
  let appealDateProblem: string | undefined;
  if (appealIssues.length > 0) {
    if (decisionNoticeSent === undefined) {
      appealDateProblem = 'The date the decision notice was sent is not recorded on the case, and the appeal deadline is counted from it.';
    } else if (certificateDue === undefined) {
      appealDateProblem = certificateDueError ?? 'The certificate due date could not be worked out.';
    } else {
      try {
        appealByIfCertificateOnTime = computeRule('APPEAL', decisionNoticeSent, certificateDue, calendar).due;
      } catch (error) {
        if (!isTimescaleError(error)) throw error;
        appealDateProblem = error.message;
      }
    }
  }
  return {
    certificateNeed: certificateNeedOf(caseType),
    ...(certificateDue !== undefined ? { certificateDue } : {}),
    ...(certificateDueError !== undefined ? { certificateDueError } : {}),
    appealIssues,
    ...(decisionNoticeSent !== undefined ? { decisionNoticeSent } : {}),
    ...(appealByIfCertificateOnTime !== undefined ? { appealByIfCertificateOnTime } : {}),
    ...(appealDateProblem !== undefined ? { appealDateProblem } : {}),
  };
}

function certificateLine(n: OutcomeNextSteps): string {
  const due = n.certificateDue !== undefined ? `by ${formatDate(n.certificateDue)} (3 working days after the mediation)` : `within 3 working days (${n.certificateDueError ?? 'the date could not be worked out'})`;
  switch (n.certificateNeed) {
    case 'needed':
      return `Certificate: the mediator will issue the mediation certificate ${due}. It is needed to register an appeal.`;
    case 'not_needed_placement':
      return `Certificate: an appeal only about the school or placement named in section I does not need a mediation certificate. The mediator can still issue one ${due}.`;
    case 'not_appealable':
      return 'Certificate: this kind of decision cannot be appealed to the Tribunal on its own, so a certificate is not needed for an appeal. The mediator can issue one on request.';
    case 'drs':
      return DRS_OUTCOME_NOTE;
  }
}

function appealLines(n: OutcomeNextSteps): string[] {
  if (n.appealIssues.length === 0) return [];
  const issues = n.appealIssues.length === 1 ? `this issue: ${n.appealIssues[0] ?? ''}` : `these ${n.appealIssues.length} issues: ${n.appealIssues.join('; ')}`;
  const lines = [`Appeal: the family can appeal to the SEND Tribunal about ${issues}.`];
  if (n.appealByIfCertificateOnTime !== undefined && n.decisionNoticeSent !== undefined) {
    lines.push(
      `The appeal must reach the Tribunal by the later of 2 months after the decision notice was sent (${formatDate(n.decisionNoticeSent)}) ` +
        `and 1 month after the certificate is issued. If the certificate is issued on its due date, that is ${formatDate(n.appealByIfCertificateOnTime)}; ` +
        'the certificate will give the exact date.',
    );
  } else {
    lines.push(`The appeal date cannot be worked out here: ${n.appealDateProblem ?? 'a date is missing'} The certificate will say more.`);
  }
  lines.push('SENDIASS or IPSEA can help with an appeal.');
  return lines;
}

/** The next steps as sentences, for the cards and the fallback text. */
export function nextStepsLines(n: OutcomeNextSteps): string[] {
  return [certificateLine(n), ...appealLines(n)];
}
