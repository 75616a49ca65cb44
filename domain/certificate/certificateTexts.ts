import { formatDate, type IsoDate } from '../timescales';
import type { Certificate } from './certificateSchema';

/**
 * The certificate's sentences, shared by the printable page and the card so both say the
 * same. Dates go through a formatter the caller chooses (long on paper, short on a card).
 */
export type DateFormatter = (date: IsoDate) => string;

export const APPEAL_GUIDANCE_LABEL = 'Guidance, not legal advice';

export const RESOLVED_TEXT: Readonly<Record<'all' | 'some' | 'none', string>> = {
  all: 'All of the issues were resolved.',
  some: 'Some of the issues were resolved; the others were not.',
  none: 'None of the issues were resolved.',
};

export function holdersText(cert: Pick<Certificate, 'holders'>): string {
  const names = cert.holders;
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** Whether, and how, the certificate counts for an appeal. */
export function appealStatement(cert: Certificate): string {
  switch (cert.appeal.kind) {
    case 'certificate_needed':
      return `This certificate allows ${holdersText(cert)} to register an appeal with the First-tier Tribunal (Special Educational Needs and Disability) about the decision named on it.`;
    case 'no_certificate_needed':
      return 'An appeal only about the school or other institution named in section I of the plan, or its type, does not need a mediation certificate: it can be registered without one.';
    case 'not_appealable':
      return 'A decision about health care provision or social care provision alone cannot be appealed to the Tribunal, so this certificate is not needed for an appeal.';
  }
}

function adjustmentText(cert: Certificate, format: DateFormatter): string {
  switch (cert.appeal.adjustment) {
    case 'august':
      return ' That falls in August, which the Tribunal does not count, so it moves to the first working day of September.';
    case 'christmas':
      return ' That falls between 25 December and 1 January, which the Tribunal does not count, so it moves to the first working day in January.';
    case 'nonWorkingDay': {
      const later = cert.appeal.laterReading;
      return (
        ' That falls on a weekend or bank holiday, so it moves to the next working day.' +
        (later
          ? ` Some advisers would also skip the days the Tribunal does not count, giving ${format(later)}; the earlier date is given because filing early loses nothing.`
          : '')
      );
    }
    default:
      return '';
  }
}

/** How the appeal-by date was worked out, or why there is none. */
export function appealExplanation(cert: Certificate, format: DateFormatter = formatDate): string {
  const a = cert.appeal;
  if (a.kind === 'not_appealable') return '';
  if (a.problem !== undefined || a.appealBy === undefined || a.decisionLimit === undefined) return a.problem ?? 'The appeal date cannot be worked out.';
  const sent = cert.decisionNoticeSent !== undefined ? ` (${format(cert.decisionNoticeSent)})` : '';
  const base =
    a.kind === 'certificate_needed' && a.certificateLimit !== undefined
      ? `The appeal must reach the Tribunal by the later of 2 months after the decision notice was sent${sent}, which is ${format(a.decisionLimit)}, and 1 month after this certificate was ${cert.issueNumber > 1 ? 'first ' : ''}issued (${format(cert.originalIssueDate)}), which is ${format(a.certificateLimit)}.`
      : `Without a certificate, the appeal must reach the Tribunal within 2 months of the decision notice being sent${sent}, which is ${format(a.decisionLimit)}.`;
  return `${base}${adjustmentText(cert, format)}`;
}

/** "Appeal by Fri 2 Jan 2026 (guidance, not legal advice)", or why there is no date. */
export function appealByText(cert: Certificate, format: DateFormatter = formatDate): string {
  if (cert.appeal.kind === 'not_appealable') return 'No appeal: this kind of decision cannot be appealed on its own.';
  if (cert.appeal.appealBy === undefined) return 'The appeal date cannot be worked out (see the certificate).';
  return `${format(cert.appeal.appealBy)} (${APPEAL_GUIDANCE_LABEL.toLowerCase()})`;
}
