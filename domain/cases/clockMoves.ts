import { caseTimeline, defaultCalendar, formatDate, isTimescaleError, type Calendar, type RuleId, type TimelineEntry } from '../timescales';
import { caseDatesOf } from './caseDates';
import type { Case } from './caseSchema';

/**
 * What an edit does to the statutory and practice clocks, in words the mediator reads before
 * saving: "The 30-day limit moves from Fri 8 Jan to Mon 11 Jan 2027".
 */

/** How a clock is named in a sentence; the rule's own title is the fallback. */
const CLOCK_NAMES: Partial<Record<RuleId, string>> = {
  ADVISER_CONTACT: 'The 2-month limit to contact the mediation adviser',
  ARRANGE_MEDIATION: 'The 30-day limit',
  NOTIFY_ICB: 'The 3-working-day limit to tell the ICB',
  ICB_ARRANGE: "The ICB's 30-day limit",
  REQUESTED_CHANGES: 'The date for sending the requested changes',
  CERT_AFTER_MEDIATION: 'The certificate after mediation',
  APPEAL: 'The appeal-by date',
};

export interface ClockMove {
  readonly ruleId: RuleId;
  readonly from?: string;
  readonly to?: string;
  readonly text: string;
}

function nameOf(e: TimelineEntry): string {
  return CLOCK_NAMES[e.ruleId] ?? `The deadline "${e.title}"`;
}

/** "Fri 8 Jan to Mon 11 Jan 2027": the year once when both dates share it. */
export function dateRangeText(from: string, to: string): string {
  const first = formatDate(from);
  return `${from.slice(0, 4) === to.slice(0, 4) ? first.replace(/ \d{4}$/, '') : first} to ${formatDate(to)}`;
}

function timeline(c: Case, calendar: Calendar): TimelineEntry[] {
  try {
    return caseTimeline(caseDatesOf(c), calendar);
  } catch (error) {
    // The edit's own validation ran the timeline; a stored case the calendar can no longer place shows no moves.
    if (isTimescaleError(error)) return [];
    throw error;
  }
}

/** Every clock whose due date the edit moves, starts or stops, in the order of the new timeline. */
export function clockMoves(before: Case, after: Case, calendar: Calendar = defaultCalendar): ClockMove[] {
  const old = new Map(timeline(before, calendar).map((e) => [e.ruleId, e]));
  const moves: ClockMove[] = [];
  for (const e of timeline(after, calendar)) {
    const was = old.get(e.ruleId);
    old.delete(e.ruleId);
    if (!was) moves.push({ ruleId: e.ruleId, to: e.due, text: `${nameOf(e)} starts: due ${formatDate(e.due)}.` });
    else if (was.due !== e.due) moves.push({ ruleId: e.ruleId, from: was.due, to: e.due, text: `${nameOf(e)} moves from ${dateRangeText(was.due, e.due)}.` });
  }
  for (const was of old.values()) {
    moves.push({ ruleId: was.ruleId, from: was.due, text: `${nameOf(was)} no longer applies (it was due ${formatDate(was.due)}).` });
  }
  return moves;
}
