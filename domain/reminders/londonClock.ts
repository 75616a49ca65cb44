import type { IsoDate } from '../timescales';

/**
 * Turning a Europe/London wall-clock time into an instant. Reminders go out at 09:00 London
 * time all year, so the UTC instant moves by an hour across the clock changes in late March
 * and late October. Intl knows the rules; the server's own time zone never matters.
 */
const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** London's offset from UTC at an instant, in milliseconds (0 in winter, 3,600,000 in summer). */
export function londonOffsetMs(instantMs: number): number {
  const p: Record<string, number> = {};
  for (const part of LONDON_PARTS.formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  // Whole minutes: formatToParts drops milliseconds.
  return wall - Math.floor(instantMs / 1000) * 1000;
}

export interface WallTime {
  readonly hour: number;
  readonly minute: number;
}

/** 09:00, when date-based reminders go out (domain.md §5). */
export const DEFAULT_SEND_TIME: WallTime = { hour: 9, minute: 0 };

/**
 * The instant at which London clocks show `time` on `date`. Guessing with the offset at the
 * same UTC time and correcting once is exact for any time outside the one-hour gaps at
 * 01:00-02:00 on the change days, which a reminder time never falls in.
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

/**
 * Intl's time-zone lookup is the slowest step of planning reminders, and every case asks for
 * the same few hundred days at 09:00, so answers are remembered (bounded: cleared when full).
 */
const INSTANTS = new Map<string, number>();
const INSTANTS_MAX = 20_000;
