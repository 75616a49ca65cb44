import { defaultCalendar, type Calendar, type IsoDate } from '../timescales';
import { changeDates, sendTiming, sentDateOf, unsetWarningDue, type ChangeDates } from './changeTiming';
import { LA_POSITIONS, type LaPosition, type RequestedChange } from './requestedChange';

export type PositionCounts = Readonly<Record<LaPosition | 'unset', number>>;

export interface ChangesSummary {
  readonly total: number;
  /** Not yet sent to the LA: the LA cannot be expected to have a position on these. */
  readonly drafts: readonly RequestedChange[];
  readonly sent: readonly RequestedChange[];
  /** Over sent changes. */
  readonly counts: PositionCounts;
  /** Sent changes the LA wants to discuss at the meeting. */
  readonly toDiscuss: readonly RequestedChange[];
  /** Sent changes with no LA position yet. */
  readonly unset: readonly RequestedChange[];
  /** Sent after the latest date (3 working days before the meeting). */
  readonly late: readonly RequestedChange[];
  /** Without a meeting date nothing is late and nothing is due. */
  readonly dates?: ChangeDates;
  /** WD-1: from this day an unset position is a problem. */
  readonly unsetWarningFrom?: IsoDate;
  /** Today is on or after WD-1 and some sent change has no position. */
  readonly unsetWarning: boolean;
}

/** In the order people number them. */
function byNumber(changes: readonly RequestedChange[]): RequestedChange[] {
  return [...changes].sort((a, b) => a.number - b.number);
}

export function summariseChanges(
  changes: readonly RequestedChange[],
  meetingDate: IsoDate | undefined,
  today: IsoDate,
  calendar: Calendar = defaultCalendar,
): ChangesSummary {
  const ordered = byNumber(changes);
  const sent = ordered.filter((c) => c.sentAt !== undefined);
  const counts: Record<LaPosition | 'unset', number> = { agree: 0, decline: 0, discuss: 0, unset: 0 };
  for (const c of sent) counts[c.laPosition ?? 'unset'] += 1;
  const unset = sent.filter((c) => c.laPosition === undefined);
  const base = {
    total: ordered.length,
    drafts: ordered.filter((c) => c.sentAt === undefined),
    sent,
    counts,
    toDiscuss: sent.filter((c) => c.laPosition === 'discuss'),
    unset,
  };
  if (meetingDate === undefined) return { ...base, late: [], unsetWarning: false };
  const warnFrom = unsetWarningDue(meetingDate, calendar);
  return {
    ...base,
    late: sent.filter((c) => sendTiming(meetingDate, sentDateOf(c) ?? today, calendar).status === 'late'),
    dates: changeDates(meetingDate, calendar),
    unsetWarningFrom: warnFrom,
    unsetWarning: unset.length > 0 && today >= warnFrom,
  };
}

/** "3 agree, 1 decline, 2 to discuss, 1 without a position". */
export function positionCountsText(counts: PositionCounts): string {
  const parts = LA_POSITIONS.map((p) => `${counts[p]} ${p === 'discuss' ? 'to discuss' : p}`);
  return [...parts, `${counts.unset} without a position`].join(', ');
}
