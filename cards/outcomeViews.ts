import { CASE_TYPES } from '../domain/caseTypes';
import { isMediator, MEETING_FORMAT_LABELS, partyFor, roleLabel, type Case } from '../domain/cases';
import { formatLondonDateTime, londonDate } from '../domain/londonTime';
import { CHANGE_RESULT_LABELS, CLOSE_OUTCOME_LABELS, dueDatesText, type ActionDueDates } from '../domain/meeting';
import {
  ANSWER_STATUS_LABELS,
  AMENDED_PLAN_URL_INPUT,
  AMENDED_PLAN_URL_MAX,
  CORRECTION_REASON_INPUT,
  CORRECTION_REASON_MAX,
  GUIDANCE_NOT_ADVICE,
  ISSUE_RESULT_LABELS,
  ISSUE_RESULTS,
  NOT_MINUTES_REMINDER,
  OVERVIEW_INPUT,
  OVERVIEW_MAX,
  issueInputId,
  latestVersion,
  nextStepsLines,
  openCorrections,
  outcomeDueAt,
  partyAnswers,
  publishTimeliness,
  timeLeftText,
  type OutcomeAction,
  type OutcomeContent,
  type OutcomeDraftErrors,
  type OutcomeDraftFormValues,
  type OutcomeRecord,
} from '../domain/outcome';
import { formatDate } from '../domain/timescales';
import { nonEmptyChoices } from './adaptive';
import type { AmendedPlanRequestCardView } from './outcomeAmendedPlanCard';
import type { ActionView, AttendeeView, ChangeRowView, IssueView, OutcomeSummaryView } from './outcomeCardParts';
import type { AnswerView, OutcomeCardView } from './outcomeCard';
import type { OutcomeDraftCardView } from './outcomeDraftCard';
import { plural } from '../domain/plural';

/**
 * From the outcome record to the view models of the outcome cards. Kept apart from the
 * builders so the cards stay pure layout and the mapping is tested once.
 */

function personName(c: Case, aadObjectId: string): string {
  const id = aadObjectId.toLowerCase();
  return (
    c.mediators.find((m) => m.aadObjectId.toLowerCase() === id)?.displayName ??
    c.parties.find((p) => p.aadObjectId?.toLowerCase() === id)?.displayName ??
    'someone no longer in the case'
  );
}

function actionView(a: OutcomeAction, index: number): ActionView {
  const base = { number: index + 1, owner: a.owner, what: a.what };
  if (a.effective === undefined || a.effectiveLastWorkingDay === undefined || a.basis === undefined) {
    return { ...base, byText: `date not worked out: ${a.dueError ?? 'no date'}` };
  }
  const dates: ActionDueDates = {
    category: a.category,
    tNumber: a.tNumber,
    immediately: a.immediately,
    statutory: a.statutory,
    ...(a.agreedDueDate !== undefined ? { agreed: a.agreedDueDate } : {}),
    effective: a.effective,
    effectiveLastWorkingDay: a.effectiveLastWorkingDay,
    basis: a.basis,
  };
  const t = dueDatesText(dates);
  return { ...base, byText: t.by, detailText: t.detail };
}

/** The outcome's content as display strings, for both outcome cards. */
export function toOutcomeSummaryView(content: OutcomeContent): OutcomeSummaryView {
  const dates = content.meeting.sessionDates.map(formatDate).join('; ');
  const reasonFacts: (readonly [string, string])[] = [
    ['Decision', content.reason.caseTypeLabel],
    ['Local authority', content.reason.localAuthority],
    ['Decision notice sent', content.reason.decisionNoticeSent !== undefined ? formatDate(content.reason.decisionNoticeSent) : 'Not recorded'],
    [content.meeting.sessionDates.length === 1 ? 'Date of mediation' : 'Dates of mediation', dates],
    ['Format', MEETING_FORMAT_LABELS[content.meeting.format]],
    ['How it ended', CLOSE_OUTCOME_LABELS[content.meeting.outcome]],
    [content.isYoungPerson ? "Young person's initials" : "Child's initials", content.childInitials],
    [content.mediators.length === 1 ? 'Mediator' : 'Mediators', content.mediators.join(', ')],
  ];
  if (content.providerName !== undefined) reasonFacts.push(['Mediation service', content.providerName]);
  const attendees: AttendeeView[] = content.attendees.map((a) => ({
    name: a.name,
    roleText: `${a.role === 'mediator' ? 'Mediator' : roleLabel(a.role)}${a.organisation ? `, ${a.organisation}` : ''}`,
    ...(a.note ? { note: a.note } : {}),
  }));
  const issues: IssueView[] = content.issues.map((i) => ({
    issueId: i.issueId,
    title: i.title,
    resultText: ISSUE_RESULT_LABELS[i.result],
    ...(i.result !== i.derivedResult ? { derivedText: `the meeting record said ${ISSUE_RESULT_LABELS[i.derivedResult].toLowerCase()}` } : {}),
  }));
  const changes: ChangeRowView[] = content.changes.map((ch) => ({
    label: `Change ${ch.number}: section ${ch.section}, ${ch.location}`,
    requestedWording: ch.requestedWording,
    resultText: ch.result ? CHANGE_RESULT_LABELS[ch.result] : 'No result recorded',
    ...(ch.agreedWording !== undefined ? { agreedWording: ch.agreedWording } : {}),
  }));
  return {
    caseReference: content.caseReference,
    reasonFacts,
    attendees,
    issues,
    actions: content.actions.map(actionView),
    changes,
    ...(content.overview.trim() !== '' ? { overview: content.overview } : {}),
    confidentialityNote: content.confidentialityNote,
    nextSteps: nextStepsLines(content.nextSteps),
    guidance: GUIDANCE_NOT_ADVICE,
  };
}

export interface OutcomeDraftViewOptions {
  readonly now: Date;
  /** What was submitted, when the form comes back with problems. */
  readonly values?: OutcomeDraftFormValues;
  readonly errors?: OutcomeDraftErrors;
}

/** The draft card for the version that publishing would create (1, or the next revision). */
export function toOutcomeDraftView(c: Case, draft: OutcomeContent, record: OutcomeRecord, options: OutcomeDraftViewOptions): OutcomeDraftCardView {
  const latest = latestVersion(record);
  const outcomeVersion = record.versions.length + 1;
  const dueAt = outcomeDueAt(record.closedAt);
  const overdue = !latest && options.now.getTime() > dueAt.getTime();
  const dueText = latest
    ? `Revising version ${latest.version}, published ${formatLondonDateTime(new Date(latest.publishedAt))}. Parties will be asked to confirm the new version.`
    : `Due by ${formatLondonDateTime(dueAt)} (${timeLeftText(options.now, dueAt)}): within 24 hours of the end of the meeting.`;
  const corrections = openCorrections(record).map((r) => `${c.parties.find((p) => p.partyId === r.partyId)?.displayName ?? 'A former party'}: ${r.reason ?? ''}`);
  const values = options.values;
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    outcomeVersion,
    dueText,
    overdue,
    corrections,
    summary: toOutcomeSummaryView(draft),
    issueInputs: draft.issues.map((i) => ({
      issueId: i.issueId,
      inputId: issueInputId(i.issueId),
      title: i.title,
      derivedText: `from the meeting record: ${ISSUE_RESULT_LABELS[i.derivedResult].toLowerCase()}`,
      value: values?.results[i.issueId] ?? i.result,
    })),
    resultChoices: nonEmptyChoices(ISSUE_RESULTS.map((r) => ({ title: ISSUE_RESULT_LABELS[r], value: r })), 'results'),
    overviewInputId: OVERVIEW_INPUT,
    overview: values?.overview ?? draft.overview,
    overviewMax: OVERVIEW_MAX,
    notMinutesReminder: NOT_MINUTES_REMINDER,
    ...(options.errors ? { errors: options.errors } : {}),
  };
}

export interface OutcomeCardViewOptions {
  /** Who the card is for; without one (a shared post) every button shows and each handler authorises the clicker. */
  readonly viewer?: string;
}

/** The published outcome's card, or undefined before the first version is published. */
export function toOutcomeCardView(c: Case, record: OutcomeRecord, options: OutcomeCardViewOptions = {}): OutcomeCardView | undefined {
  const latest = latestVersion(record);
  if (!latest) return undefined;
  const published = new Date(latest.publishedAt);
  const timing = latest.version === 1 ? ` (${publishTimeliness(record.closedAt, published).text})` : '';
  const answers = partyAnswers(c, record, latest.version);
  const answerViews: AnswerView[] = answers.map((a) => ({
    name: a.name,
    roleText: a.roleText,
    status: a.status,
    statusText: ANSWER_STATUS_LABELS[a.status],
    ...(a.reason !== undefined ? { reason: a.reason } : {}),
    ...(a.at !== undefined ? { whenText: `${formatLondonDateTime(new Date(a.at))}${a.recordedByMediator ? ', recorded by a mediator' : ''}` } : {}),
  }));
  const content = answers.filter((a) => a.status === 'content').length;
  const corrections = answers.filter((a) => a.status === 'correction').length;
  const none = answers.length - content - corrections;
  const answersSummary = `${content} of ${plural(answers.length, 'party is', 'parties are')} content; ${plural(corrections, 'asked', 'asked')} for a correction; ${plural(none, 'has', 'have')} not answered yet.`;

  const viewer = options.viewer;
  const party = viewer !== undefined ? partyFor(c, viewer) : undefined;
  const mediator = viewer !== undefined && isMediator(c, viewer);
  const own = party ? answers.find((a) => a.partyId === party.partyId) : undefined;
  const yourAnswerText =
    own && own.status !== 'none'
      ? `You answered version ${latest.version}: ${ANSWER_STATUS_LABELS[own.status]}${own.reason !== undefined ? ` ("${own.reason}")` : ''}.`
      : undefined;
  const planContent = record.planContent && CASE_TYPES[c.caseType].planContent;
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    outcomeVersion: latest.version,
    publishedText: `Published ${formatLondonDateTime(published)} by ${personName(c, latest.publishedBy)}${timing}.`,
    ...(latest.version > 1 ? { revisedText: `This revised version replaces version ${latest.version - 1}. Please read it and answer again.` } : {}),
    answers: answerViews,
    answersSummary,
    summary: toOutcomeSummaryView(latest.content),
    amendedPlans: record.amendedPlans.map((p) => ({
      title: p.kind === 'file' ? (p.name ?? 'Amended plan') : 'Amended plan (link)',
      url: p.url,
      suppliedText: `Attached by ${personName(c, p.suppliedBy)}${p.onBehalf ? ' for the local authority officer' : ''} on ${formatLondonDateTime(new Date(p.suppliedAt))}`,
    })),
    ...(planContent && record.amendedPlans.length === 0 ? { amendedPlanWaitingText: 'Waiting for the amended plan from the local authority officer.' } : {}),
    ...(yourAnswerText ? { yourAnswerText } : {}),
    showPartyButtons: viewer === undefined || (party !== undefined && own?.status === 'none'),
    showMediatorButtons: viewer === undefined || mediator,
    correctionInputId: CORRECTION_REASON_INPUT,
    correctionMax: CORRECTION_REASON_MAX,
  };
}

export interface AmendedPlanViewOptions {
  /** Set on a chase, so the card says it is a reminder. */
  readonly reminder?: boolean;
  readonly value?: string;
  readonly error?: string;
}

export function toAmendedPlanRequestView(c: Case, record: OutcomeRecord, options: AmendedPlanViewOptions = {}): AmendedPlanRequestCardView {
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    meetingDateText: formatDate(londonDate(new Date(record.closedAt))),
    ...(options.reminder ? { reminderText: 'This is a reminder: the outcome statement is waiting for the amended plan.' } : {}),
    received: record.amendedPlans.map((p) => ({
      title: p.kind === 'file' ? (p.name ?? 'Amended plan') : 'Amended plan (link)',
      suppliedText: `attached ${formatLondonDateTime(new Date(p.suppliedAt))}`,
    })),
    inputId: AMENDED_PLAN_URL_INPUT,
    urlMax: AMENDED_PLAN_URL_MAX,
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.error !== undefined ? { error: options.error } : {}),
  };
}
