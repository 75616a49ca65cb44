import type { Party } from '../cases';
import { defaultCalendar, formatDate, isTimescaleError, type Calendar, type IsoDate } from '../timescales';
import { actionDueDates, type ActionDueDates, type StatutoryDue } from './actionDueDates';
import { ownerLabel } from './actionOwner';
import type { AgreedAction } from './agreedAction';
import { CHANGE_RESULT_LABELS, type ChangeResult } from './changeResult';
import { agreementDateOf } from './closeMeeting';
import type { Meeting } from './meetingSchema';

/**
 * The read-back (docs/rules.md#the-meeting-checklist item 7): each agreed action as one sentence the mediator
 * reads to the participants, with the date it is due by and where that date comes from.
 */

export interface DueDatesText {
  /** "by Tue 19 Jan 2027" or "at once, from Tue 13 Jan 2026". */
  readonly by: string;
  /** The statutory date(s): "Tue 12 Jan 2027", "draft plan by …; final plan by …", or "none". */
  readonly statutory: string;
  /** The date agreed in writing, when there is one. */
  readonly agreed?: string;
  /** What goes in brackets after `by` in the read-back. */
  readonly detail: string;
}

function dayText(date: IsoDate, lastWorkingDay: IsoDate): string {
  return lastWorkingDay === date ? formatDate(date) : `${formatDate(date)}, last working day on or before ${formatDate(lastWorkingDay)}`;
}

function stepsText(steps: readonly StatutoryDue[], immediately: boolean): string {
  if (immediately) return `at once, ${formatDate(steps[0]?.due ?? '')}`;
  if (steps.length === 0) return 'none';
  if (steps.length === 1 && steps[0]) return dayText(steps[0].due, steps[0].lastWorkingDay);
  return steps.map((s) => `${s.step} by ${dayText(s.due, s.lastWorkingDay)}`).join('; ');
}

/** The words for an action's dates, shared by the read-back and the cards. */
export function dueDatesText(d: ActionDueDates): DueDatesText {
  const statutory = stepsText(d.statutory, d.immediately);
  const rule = d.tNumber ? `statutory, ${d.tNumber}` : 'statutory';
  if (d.agreed !== undefined) {
    const agreed = formatDate(d.agreed);
    const detail = d.statutory.length === 0 ? 'agreed in writing; no statutory timescale' : `statutory: ${statutory}; agreed in writing: ${agreed}`;
    return { by: `by ${agreed}`, statutory, agreed, detail };
  }
  if (d.immediately) return { by: `at once, from ${formatDate(d.effective)}`, statutory, detail: rule };
  const only = d.statutory.length === 1 ? d.statutory[0] : undefined;
  if (only) {
    const last = only.lastWorkingDay === only.due ? '' : `; last working day on or before: ${formatDate(only.lastWorkingDay)}`;
    return { by: `by ${formatDate(d.effective)}`, statutory, detail: `${rule}${last}` };
  }
  return { by: `by ${formatDate(d.effective)}`, statutory, detail: `${rule}: ${statutory}` };
}

/** "Issue the plan." → "issue the plan"; "EP to visit" stays as it is (an acronym or a name keeps its capital). */
function asClause(what: string): string {
  const oneLine = what.replace(/\s+/g, ' ').trim().replace(/[.;]+$/, '');
  const [first = '', second = ''] = oneLine;
  return first !== first.toLowerCase() && second === second.toLowerCase() && second !== second.toUpperCase()
    ? first.toLowerCase() + oneLine.slice(1)
    : oneLine;
}

export interface ActionLineContext {
  readonly agreementDate: IsoDate;
  readonly parties: readonly Party[];
  readonly calendar?: Calendar;
}

/** "Local authority will issue the amended plan": who and what, without the date. */
export function actionSentence(action: Pick<AgreedAction, 'owner' | 'what'>, parties: readonly Party[]): string {
  return `${ownerLabel(action.owner, parties)} will ${asClause(action.what)}`;
}

/** "1. Local authority will issue the amended plan by Tue 19 Jan 2027 (statutory: …; agreed in writing: …)." */
export function actionReadBackLine(action: AgreedAction, number: number, context: ActionLineContext): string {
  const start = `${number}. ${actionSentence(action, context.parties)}`;
  try {
    const text = dueDatesText(actionDueDates(action, context.agreementDate, context.calendar ?? defaultCalendar));
    return `${start} ${text.by} (${text.detail}).`;
  } catch (error) {
    if (isTimescaleError(error)) return `${start} (the due date could not be worked out: ${error.message})`;
    throw error;
  }
}

export interface ReadBackContext {
  /** Europe/London date today: the agreement date while the meeting runs (agreementDateOf). */
  readonly today: IsoDate;
  /** The case's parties, to name an owner chosen as a party. */
  readonly parties: readonly Party[];
  /** How people know each requested change ("Change 3: section F, paragraph 2"), by change id. */
  readonly changeLabels?: Readonly<Record<string, string>>;
  readonly calendar?: Calendar;
}

/** "Change 3: section F, paragraph 2: agreed as amended. Agreed wording: "…"" */
export function changeReadBackLine(result: ChangeResult, label: string | undefined): string {
  const name = label ?? 'A requested change';
  const outcome = CHANGE_RESULT_LABELS[result.result];
  return result.agreedWording !== undefined ? `${name}: ${outcome}. Agreed wording: "${result.agreedWording}"` : `${name}: ${outcome}.`;
}

/**
 * Every line of the read-back: the actions, numbered, then the requested changes with their
 * results. Dates run from the meeting's agreement date (today until it closes).
 */
export function readBack(
  meeting: Meeting,
  actions: readonly AgreedAction[],
  changeResults: readonly ChangeResult[],
  context: ReadBackContext,
): string[] {
  const line: ActionLineContext = {
    agreementDate: agreementDateOf(meeting, context.today),
    parties: context.parties,
    ...(context.calendar ? { calendar: context.calendar } : {}),
  };
  const lines = actions.map((a, i) => actionReadBackLine(a, i + 1, line));
  if (lines.length === 0) lines.push('No agreed actions yet.');
  if (changeResults.length > 0) {
    lines.push('Requested changes to the plan:');
    const labels = context.changeLabels ?? {};
    for (const r of changeResults) lines.push(changeReadBackLine(r, Object.hasOwn(labels, r.changeId) ? labels[r.changeId] : undefined));
  }
  return lines;
}
