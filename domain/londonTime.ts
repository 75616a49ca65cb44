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
  second: '2-digit',
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

/** London's offset from UTC at an instant, in milliseconds (0 in winter, 3,600,000 in summer). */
function londonOffsetMs(instantMs: number): number {
  const p = parts(new Date(instantMs));
  const n = (type: string, fallback: number): number => (p[type] === undefined ? fallback : Number(p[type]));
  const wall = Date.UTC(n('year', 1970), n('month', 1) - 1, n('day', 1), n('hour', 0), n('minute', 0), n('second', 0));
  // Whole seconds: formatToParts drops milliseconds.
  return wall - Math.floor(instantMs / 1000) * 1000;
}

export interface WallTime {
  readonly hour: number;
  readonly minute: number;
}

/** 09:00, when date-based reminders go out (docs/rules.md#reminder-schedules). */
export const DEFAULT_SEND_TIME: WallTime = { hour: 9, minute: 0 };

/**
 * Intl's time-zone lookup is the slowest step of planning reminders, and every case asks for
 * the same few hundred days at 09:00, so answers are remembered (bounded: cleared when full).
 */
const INSTANTS = new Map<string, number>();
const INSTANTS_MAX = 20_000;

/**
 * The instant at which London clocks show `time` on `date`: the inverse of `londonDate` and
 * `londonTime`. Reminders go out at 09:00 London time all year, so the UTC instant moves by an
 * hour across the clock changes. Guessing with the offset at the same UTC time and correcting
 * once is exact for any time outside the one-hour gaps at 01:00-02:00 on the change days,
 * which a reminder time never falls in.
 */
export function londonInstant(date: IsoDate, time: WallTime = DEFAULT_SEND_TIME): Date {
  const key = `${date}T${time.hour}:${time.minute}`;
  const cached = INSTANTS.get(key);
  if (cached !== undefined) return new Date(cached);
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, time.hour, time.minute);
  const first = wall - londonOffsetMs(wall);
  const instant = wall - londonOffsetMs(first);
  if (INSTANTS.size >= INSTANTS_MAX) INSTANTS.clear();
  INSTANTS.set(key, instant);
  return new Date(instant);
}
