import { computeRule, defaultCalendar, formatDate, parseIsoDate, type Calendar, type IsoDate } from '../timescales';
import { CERTIFICATE_VARIANT_INFO, type CertificateVariant } from './certificateVariant';

/**
 * When a certificate is due: 3 working days after its trigger (docs/rules.md#timescale-rules T2, T6(b), T7).
 * Throws TimescaleError for a date outside the calendar's trusted years, as computeRule does.
 */
export function certificateDue(variant: CertificateVariant, trigger: IsoDate, calendar: Calendar = defaultCalendar): IsoDate {
  return computeRule(CERTIFICATE_VARIANT_INFO[variant].rule, trigger, undefined, calendar).due;
}

export interface CertificateTimeliness {
  readonly status: 'met' | 'late';
  /** met: calendar days to spare (0 on the due date); late: calendar days after the due date. */
  readonly days: number;
  readonly text: string;
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/** Whether the certificate went out by its due date (the mediator's and provider's view). */
export function certificateTimeliness(dueDate: IsoDate, issueDate: IsoDate): CertificateTimeliness {
  const diff = parseIsoDate(issueDate) - parseIsoDate(dueDate);
  if (diff <= 0) {
    return { status: 'met', days: Math.max(0, -diff), text: diff === 0 ? `Issued on its due date (${formatDate(dueDate)}).` : `Issued ${days(-diff)} before its due date (${formatDate(dueDate)}).` };
  }
  return { status: 'late', days: diff, text: `Issued ${days(diff)} after its due date (${formatDate(dueDate)}).` };
}
