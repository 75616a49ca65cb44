import { formatDate, type IsoDate } from './timescales';

/**
 * Instants (when someone clicked, when a code expires) are shown in Europe/London, the
 * jurisdiction's clock, whatever the server's time zone is.
 */
const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of LONDON.formatToParts(instant)) out[p.type] = p.value;
  return out;
}

/** The Europe/London calendar date of an instant, `YYYY-MM-DD`. */
export function londonDate(instant: Date): IsoDate {
  const p = parts(instant);
  return `${p.year ?? ''}-${p.month ?? ''}-${p.day ?? ''}`;
}

/** `14:05`, Europe/London. */
export function londonTime(instant: Date): string {
  const p = parts(instant);
  return `${p.hour ?? ''}:${p.minute ?? ''}`;
}

/** `Thu 3 Dec 2026 at 14:05`. */
export function formatLondonDateTime(instant: Date): string {
  return `${formatDate(londonDate(instant))} at ${londonTime(instant)}`;
}
