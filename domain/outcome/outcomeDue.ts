/**
 * When the outcome is due (docs/rules.md#timescale-rules T8, provider practice [P]): within about 24 hours of
 * the end of the meeting. An instant rather than a date: the target is hours, not days.
 */
export const OUTCOME_DUE_HOURS = 24;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function outcomeDueAt(closedAt: Date | string): Date {
  return new Date(new Date(closedAt).getTime() + OUTCOME_DUE_HOURS * HOUR);
}

/** "5 h 20 min", "2 h", "45 min", "less than a minute". */
export function durationText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0 && rest === 0) return 'less than a minute';
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "due in 5 h 20 min", "due now", "overdue by 2 h". Whole minutes, rounded down. */
export function timeLeftText(now: Date, dueAt: Date): string {
  const left = dueAt.getTime() - now.getTime();
  if (Math.abs(left) < MINUTE) return 'due now';
  return left > 0 ? `due in ${durationText(left)}` : `overdue by ${durationText(left)}`;
}

export interface PublishTimeliness {
  readonly onTime: boolean;
  /** "within 24 hours of the close" or "3 h 10 min after the 24-hour target". */
  readonly text: string;
}

/** Whether the first version went out within the target, for the mediator and the dashboard. */
export function publishTimeliness(closedAt: Date | string, publishedAt: Date | string): PublishTimeliness {
  const late = new Date(publishedAt).getTime() - outcomeDueAt(closedAt).getTime();
  if (late <= 0) return { onTime: true, text: `within ${OUTCOME_DUE_HOURS} hours of the close` };
  return { onTime: false, text: `${durationText(late)} after the ${OUTCOME_DUE_HOURS}-hour target` };
}
