import { formatDate, type IsoDate } from './timescales';

/**
 * Instants (when someone clicked, when a code expires) are shown in Europe/London, the
 * jurisdiction's clock, whatever the server's time zone is.
 */
let london: Intl.DateTimeFormat | undefined;

/**
 * Made on first use: the first time-zone formatter of a process loads ICU's zone data (about
 * 10 ms), which a start does not need before the bot answers its first request.
 */
function londonFormat(): Intl.DateTimeFormat {
  return (london ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }));
}

function intlParts(instant: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of londonFormat().formatToParts(instant)) out[p.type] = p.value;
  return out;
}

const HOUR_MS = 3_600_000;
/** London's offset for each UTC hour asked about so far (bounded: cleared when full). */
const OFFSET_BY_HOUR = new Map<number, number>();
const OFFSET_BY_HOUR_MAX = 50_000;

/**
 * London's clocks change on a whole UTC hour (01:00 UTC), so the offset Intl gives for the
 * start of an hour holds for all of it: Intl (the slow step, about 20 µs a call) is asked once
 * per hour, and the date and time are then read from the shifted instant in UTC.
 */
function offsetForHour(instantMs: number): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  let offset = OFFSET_BY_HOUR.get(hour);
  if (offset === undefined) {
    const p = intlParts(new Date(hour * HOUR_MS));
    const n = (type: string, fallback: number): number => (p[type] === undefined ? fallback : Number(p[type]));
    offset = Date.UTC(n('year', 1970), n('month', 1) - 1, n('day', 1), n('hour', 0), n('minute', 0), n('second', 0)) - hour * HOUR_MS;
    if (OFFSET_BY_HOUR.size >= OFFSET_BY_HOUR_MAX) OFFSET_BY_HOUR.clear();
    OFFSET_BY_HOUR.set(hour, offset);
  }
  return offset;
}

const two = (n: number): string => String(n).padStart(2, '0');

function parts(instant: Date): Record<string, string> {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) return intlParts(instant);
  const wall = new Date(ms + offsetForHour(ms));
  return {
    year: String(wall.getUTCFullYear()).padStart(4, '0'),
    month: two(wall.getUTCMonth() + 1),
    day: two(wall.getUTCDate()),
    hour: two(wall.getUTCHours()),
    minute: two(wall.getUTCMinutes()),
    second: two(wall.getUTCSeconds()),
  };
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
  const first = wall - offsetForHour(wall);
  const instant = wall - offsetForHour(first);
  if (INSTANTS.size >= INSTANTS_MAX) INSTANTS.clear();
  INSTANTS.set(key, instant);
  return new Date(instant);
}
