import { CASE_TYPES } from '../caseTypes';
import { caseDatesOf, type Case } from '../cases';
import type { Meeting } from '../meeting';
import { caseTimeline, formatDate, RULES, type Calendar, type CaseDates, type IsoDate, type RuleId, type TimelineEntry } from '../timescales';
import { ruleDeadlineId, type Deadline, type DeadlineFacts, type Satisfied } from './deadline';
import { responsibleForRule } from './responsibility';
import { ruleWhy } from './whyText';

/** Reported for a clock that could not be worked out; the others still come back. */
export type OnSkipped = (what: string, error: Error) => void;

/** The certificate clocks: not tracked where the case type needs no certificate (M-PLACEMENT, M-HEALTH, M-SOCIAL). */
const CERTIFICATE_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['CERT_NO_MEDIATION', 'CERT_CANNOT_ARRANGE', 'CERT_AFTER_MEDIATION']);

/** The family's own time limits: reminded, never escalated (see Deadline.escalates). */
const FAMILY_LIMITS: ReadonlySet<RuleId> = new Set<RuleId>(['ADVISER_CONTACT', 'APPEAL']);

/** The trigger fields of CaseDates, each computed on its own so one bad date does not hide the rest. */
const TRIGGER_FIELDS = [
  'decisionNoticeSent',
  'adviserToldNoMediation',
  'laInformed',
  'icbNotified',
  'adviserToldCannotArrange',
  'meetingDate',
  'mediationConcluded',
] as const;

/**
 * The case's statutory clocks, from caseTimeline (the one place that decides which rules
 * apply to which case type). Each trigger date is worked out separately: a date outside the
 * calendar's trusted years then loses only its own clock, reported through `onSkipped`.
 */
export function timelineEntries(dates: CaseDates, calendar: Calendar, onSkipped: OnSkipped): TimelineEntry[] {
  const base: CaseDates = {
    ...(dates.caseType !== undefined ? { caseType: dates.caseType } : {}),
    ...(dates.healthIssues !== undefined ? { healthIssues: dates.healthIssues } : {}),
    ...(dates.isPlanContent !== undefined ? { isPlanContent: dates.isPlanContent } : {}),
  };
  const out: TimelineEntry[] = [];
  for (const field of TRIGGER_FIELDS) {
    const value = dates[field];
    if (value === undefined) continue;
    // APPEAL needs both of its dates; it runs from the decision notice.
    const subset: CaseDates =
      field === 'decisionNoticeSent' && dates.certificateIssued !== undefined
        ? { ...base, [field]: value, certificateIssued: dates.certificateIssued }
        : { ...base, [field]: value };
    try {
      out.push(...caseTimeline(subset, calendar));
    } catch (error) {
      onSkipped(field, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return out;
}

function onOrAfter(date: IsoDate | undefined, from: IsoDate): date is IsoDate {
  return date !== undefined && date >= from;
}

/** Whether the case already shows a rule's duty as done; recomputed every time, never stored as a click. */
function satisfiedBy(rule: RuleId, entry: TimelineEntry, c: Case, meeting: Meeting | null | undefined, facts: DeadlineFacts): Satisfied | undefined {
  const meetingDate = c.dates.meetingDate;
  switch (rule) {
    case 'ADVISER_CONTACT': {
      const told = c.dates.laInformed ?? facts.adviserToldNoMediation;
      return told ? { at: told, reason: 'the family has told the mediation adviser what they want' } : undefined;
    }
    case 'CERT_NO_MEDIATION':
    case 'CERT_CANNOT_ARRANGE':
    case 'CERT_AFTER_MEDIATION':
      return onOrAfter(facts.certificateIssued, entry.triggerDate)
        ? { at: facts.certificateIssued, reason: `the certificate was issued on ${formatDate(facts.certificateIssued)}` }
        : undefined;
    case 'ARRANGE_MEDIATION':
    case 'ICB_ARRANGE':
      if (meeting) return { at: meeting.startedAt, reason: 'the meeting has taken place' };
      // "Arrange" is read as "hold" (docs/rules.md#timescale-rules T3 [U]): a date inside the limit is enough to
      // stop chasing; moving it past the limit reopens the deadline at the next recomputation.
      return meetingDate !== undefined && meetingDate <= entry.due
        ? { at: meetingDate, reason: `the meeting is fixed for ${formatDate(meetingDate)}, within the 30 days` }
        : undefined;
    case 'NOTIFY_ICB':
      return facts.icbNotified ? { at: facts.icbNotified, reason: `the ICB was told on ${formatDate(facts.icbNotified)}` } : undefined;
    case 'REQUESTED_CHANGES':
      return facts.requestedChangesSentAt ? { at: facts.requestedChangesSentAt, reason: 'the requested changes were sent' } : undefined;
    default:
      return undefined;
  }
}

/**
 * The case-level statutory clocks (and T10) as deadlines. Certificate clocks are left out
 * where the case type needs no certificate, and T10 once a meeting has started: it is a
 * step before the meeting, and a later recomputation drops it.
 */
export function ruleDeadlines(
  c: Case,
  meeting: Meeting | null | undefined,
  facts: DeadlineFacts,
  calendar: Calendar,
  onSkipped: OnSkipped,
): Deadline[] {
  const closed = meeting?.close;
  const concluded = closed && closed.outcome !== 'adjourned' ? closed.agreementDate : undefined;
  const dates: CaseDates = {
    ...caseDatesOf(c),
    ...(facts.adviserToldNoMediation ? { adviserToldNoMediation: facts.adviserToldNoMediation } : {}),
    ...(facts.adviserToldCannotArrange ? { adviserToldCannotArrange: facts.adviserToldCannotArrange } : {}),
    ...(facts.icbNotified ? { icbNotified: facts.icbNotified } : {}),
    ...(concluded ? { mediationConcluded: concluded } : {}),
    ...(facts.certificateIssued ? { certificateIssued: facts.certificateIssued } : {}),
  };
  const type = CASE_TYPES[c.caseType];
  const out: Deadline[] = [];
  for (const entry of timelineEntries(dates, calendar, onSkipped)) {
    const rule = RULES[entry.ruleId];
    if (CERTIFICATE_RULES.has(entry.ruleId) && !type.certificateNeeded) continue;
    if (entry.ruleId === 'REQUESTED_CHANGES' && meeting) continue;
    const satisfied = satisfiedBy(entry.ruleId, entry, c, meeting, facts);
    const statutory = rule.confidence !== 'P';
    out.push({
      deadlineId: ruleDeadlineId(c.id, entry.ruleId),
      caseId: c.id,
      kind: statutory ? 'statutory' : 'practice',
      ruleId: entry.ruleId,
      scheduleKey: entry.ruleId,
      tNumber: entry.tNumber,
      title: entry.title,
      why: ruleWhy(entry.ruleId),
      due: entry.due,
      lastWorkingDay: entry.lastWorkingDay,
      ...(entry.ideal !== undefined ? { ideal: entry.ideal } : {}),
      trigger: { what: entry.trigger, date: entry.triggerDate },
      responsible: responsibleForRule(rule.responsible, c),
      source: entry.source,
      escalates: statutory && !FAMILY_LIMITS.has(entry.ruleId),
      ...(satisfied ? { satisfied } : {}),
    });
  }
  return out;
}
