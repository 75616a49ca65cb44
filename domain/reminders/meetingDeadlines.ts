import { CASE_TYPES } from '../caseTypes';
import type { Case } from '../cases';
import { londonDate } from '../londonTime';
import { ACTION_CATEGORY_INFO, actionDueDates, type AgreedAction, type Meeting, type MeetingClose } from '../meeting';
import { outcomeDueAt } from '../outcome';
import { RULES, type Calendar, type IsoDate } from '../timescales';
import { actionDeadlineId, ruleDeadlineId, type ActionFollowUp, type Deadline, type DeadlineFacts } from './deadline';
import { responsibleForOwner } from './responsibility';
import type { OnSkipped } from './ruleDeadlines';
import { actionStepWhy, agreedDateWhy, AMENDED_PLAN_WHY, atOnceWhy, OUTCOME_WHY } from './whyText';

/** Outcomes that end the mediation with agreed actions to track. */
export const AGREEMENT_OUTCOMES: ReadonlySet<string> = new Set(['full', 'partial']);

/** T9 belongs to plan-content (B/F/I) mediations whose final session reached agreement. */
export function amendedPlanExpected(c: Pick<Case, 'caseType'>, close: Pick<MeetingClose, 'outcome'> | undefined): boolean {
  return close !== undefined && CASE_TYPES[c.caseType].planContent && AGREEMENT_OUTCOMES.has(close.outcome);
}

/**
 * T8 and T9, counted from the moment the final session closed. An adjourned session starts
 * neither: the outcome follows the final session.
 */
export function practiceDeadlines(c: Pick<Case, 'id' | 'caseType'>, meeting: { readonly close?: Pick<MeetingClose, 'outcome' | 'closedAt' | 'agreementDate'> } | null | undefined, facts: DeadlineFacts): Deadline[] {
  const close = meeting?.close;
  if (!close || close.outcome === 'adjourned') return [];
  const trigger = { what: 'meeting closed', date: close.agreementDate, at: close.closedAt };
  const dueAt = outcomeDueAt(close.closedAt);
  const outcomeDue = londonDate(dueAt);
  const out: Deadline[] = [
    {
      deadlineId: ruleDeadlineId(c.id, 'OUTCOME_STATEMENT'),
      caseId: c.id,
      kind: 'practice',
      scheduleKey: 'OUTCOME_STATEMENT',
      tNumber: 'T8',
      title: 'Send the outcome statement',
      why: OUTCOME_WHY,
      due: outcomeDue,
      dueAt: dueAt.toISOString(),
      lastWorkingDay: outcomeDue,
      trigger,
      responsible: { kind: 'mediators' },
      source: 'Provider practice (not statutory)',
      escalates: false,
      ...(facts.outcomePublishedAt ? { satisfied: { at: facts.outcomePublishedAt, reason: 'the outcome statement was sent' } } : {}),
    },
  ];
  if (amendedPlanExpected(c, close)) {
    out.push({
      deadlineId: ruleDeadlineId(c.id, 'AMENDED_PLAN'),
      caseId: c.id,
      kind: 'practice',
      scheduleKey: 'AMENDED_PLAN',
      tNumber: 'T9',
      title: 'Send the amended plan wording to the mediator',
      why: AMENDED_PLAN_WHY,
      // Due with the outcome statement it is attached to (24 hours after the close), chased at +2 hours:
      // never overdue the minute the meeting closes.
      due: outcomeDue,
      dueAt: dueAt.toISOString(),
      lastWorkingDay: outcomeDue,
      trigger,
      responsible: { kind: 'role', role: 'la_officer' },
      source: 'Provider practice (not statutory)',
      escalates: false,
      ...(facts.amendedPlanSuppliedAt ? { satisfied: { at: facts.amendedPlanSuppliedAt, reason: 'the amended plan was supplied' } } : {}),
    });
  }
  return out;
}

function actionDeadlinesOf(c: Case, action: AgreedAction, agreementDate: IsoDate, calendar: Calendar, followUp: ActionFollowUp = {}): Deadline[] {
  const deadlines = actionDeadlinesAsAgreed(c, followUp.agreedNewDate ? { ...action, agreedDueDate: followUp.agreedNewDate } : action, agreementDate, calendar);
  if (!followUp.doneOn) return deadlines;
  // Done: the reminders stop (marked by the owner after the outcome, docs/after-the-meeting.md).
  const satisfied = { at: `${followUp.doneOn}T00:00:00.000Z`, reason: `the owner marked it done on ${followUp.doneOn}` };
  return deadlines.map((d) => ({ ...d, satisfied }));
}

/** A new date the family agreed replaces the action's dates exactly as a date agreed at the meeting does (T16). */
function actionDeadlinesAsAgreed(c: Case, action: AgreedAction, agreementDate: IsoDate, calendar: Calendar): Deadline[] {
  const info = ACTION_CATEGORY_INFO[action.category];
  const dates = actionDueDates(action, agreementDate, calendar);
  const common = {
    caseId: c.id,
    kind: 'action' as const,
    detail: action.what,
    trigger: { what: 'agreement date', date: agreementDate },
    responsible: responsibleForOwner(action.owner),
    actionId: action.actionId,
    ...(info.tNumber ? { tNumber: info.tNumber } : {}),
  };
  // An agreed date replaces the statutory timescale for the whole action (T16): one deadline.
  if (dates.agreed !== undefined) {
    const statutory = info.category !== 'other_agreed_date';
    return [
      {
        ...common,
        deadlineId: actionDeadlineId(c.id, action.actionId, 'agreed'),
        scheduleKey: statutory ? 'ACTION_AGREED_DATE' : 'OTHER_AGREED_DATE',
        title: statutory ? info.label : 'Agreed action',
        why: agreedDateWhy(statutory),
        due: dates.effective,
        lastWorkingDay: dates.effectiveLastWorkingDay,
        source: statutory ? 'SEND Regulations 2014 reg 42(5)' : 'Agreed at the mediation',
        escalates: statutory,
      },
    ];
  }
  if (dates.immediately) {
    return [
      {
        ...common,
        deadlineId: actionDeadlineId(c.id, action.actionId, 'at_once'),
        scheduleKey: 'ACTION_AT_ONCE',
        title: info.label,
        why: atOnceWhy(info.category === 'continue_plan', info.atOnceSource ?? 'SEND Regulations 2014 reg 42(2)'),
        due: dates.effective,
        lastWorkingDay: dates.effectiveLastWorkingDay,
        source: info.atOnceSource ?? 'SEND Regulations 2014 reg 42(2)',
        escalates: true,
      },
    ];
  }
  return dates.statutory.flatMap((step) =>
    step.ruleId === null
      ? []
      : [
          {
            ...common,
            deadlineId: actionDeadlineId(c.id, action.actionId, step.ruleId),
            ruleId: step.ruleId,
            scheduleKey: step.ruleId,
            tNumber: RULES[step.ruleId].tNumber,
            title: RULES[step.ruleId].title,
            why: actionStepWhy(step.ruleId),
            due: step.due,
            lastWorkingDay: step.lastWorkingDay,
            source: RULES[step.ruleId].source,
            escalates: true,
          },
        ],
  );
}

/**
 * One deadline per due date of each action agreed at the final session: three for an
 * assessment (T13b), two for a plan (T13c), one otherwise. Running and adjourned sessions
 * give none: their agreement date is not final until the mediation concludes.
 */
export function actionDeadlines(c: Case, meeting: Meeting | null | undefined, calendar: Calendar, onSkipped: OnSkipped, facts: DeadlineFacts = {}): Deadline[] {
  const close = meeting?.close;
  if (!meeting || !close || !AGREEMENT_OUTCOMES.has(close.outcome)) return [];
  return meeting.actions.flatMap((action) => {
    try {
      return actionDeadlinesOf(c, action, close.agreementDate, calendar, facts.actionProgress?.[action.actionId]);
    } catch (error) {
      onSkipped(`action ${action.actionId}`, error instanceof Error ? error : new Error(String(error)));
      return [];
    }
  });
}
