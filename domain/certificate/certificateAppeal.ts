import { CASE_TYPES, type CaseTypeCode } from '../caseTypes';
import { computeAppealDeadline, defaultCalendar, isTimescaleError, type Calendar, type IsoDate } from '../timescales';
import type { AppealKind, CertificateAppeal } from './certificateSchema';

/**
 * What the certificate says about an appeal (docs/rules.md#mediation-certificate, #timescale-rules T17), as a guide.
 *
 * - Most decisions: the certificate lets the holder register an appeal, by the later of 2
 *   months after the decision notice was sent and 1 month after the certificate was issued,
 *   moved past the days the Tribunal does not count.
 * - Section I only (M-PLACEMENT): no certificate is needed. The date given is the 2-month
 *   limb alone (the certificate limb is not relied on when no certificate is needed), which
 *   is the earlier, safer date [U].
 * - Health or social care alone (M-HEALTH, M-SOCIAL): no appeal, so no date.
 */
export function appealKindOf(caseType: CaseTypeCode): AppealKind {
  const type = CASE_TYPES[caseType];
  if (!type.appealable) return 'not_appealable';
  return type.certificateNeeded ? 'certificate_needed' : 'no_certificate_needed';
}

export const NO_DECISION_DATE =
  'The appeal date cannot be worked out: the date the decision notice was sent is not recorded, and the appeal deadline is counted from it. Check the date on the decision letter.';

export function certificateAppeal(
  caseType: CaseTypeCode,
  decisionNoticeSent: IsoDate | undefined,
  issueDate: IsoDate,
  calendar: Calendar = defaultCalendar,
): CertificateAppeal {
  const kind = appealKindOf(caseType);
  if (kind === 'not_appealable') return { kind };
  if (decisionNoticeSent === undefined) return { kind, problem: NO_DECISION_DATE };
  try {
    // Without a certificate limb, counting the decision date twice leaves the 2-month limb.
    const d = computeAppealDeadline(decisionNoticeSent, kind === 'certificate_needed' ? issueDate : decisionNoticeSent, calendar);
    return {
      kind,
      appealBy: d.due,
      decisionLimit: d.decisionLimit,
      ...(kind === 'certificate_needed' ? { certificateLimit: d.certificateLimit } : {}),
      adjustment: d.adjustment,
      ...(d.laterReading !== undefined ? { laterReading: d.laterReading } : {}),
    };
  } catch (error) {
    if (!isTimescaleError(error)) throw error;
    return { kind, problem: `The appeal date cannot be worked out: ${error.message}` };
  }
}
