import { CASE_TYPES } from '../caseTypes';
import { type ActionProgress } from '../followUp';
import { actionItems } from './actionItems';
import { CASE_STATE_LABELS, isMediator, MEETING_HELD_STATES, meetingIsOver, mediatorFor, meetingWhenText, nextTaskFor, partyFor, plannedDayShown, roleLabel, type Case, type CaseState } from '../cases';
import { londonDate } from '../londonTime';
import type { Meeting } from '../meeting';
import type { PreparationBoard } from '../preparation';
import {
  deadlinesForCase,
  dueText,
  lastWorkingDayNote,
  openActionSteps,
  responsibleLabel,
  responsibleParties,
  type Deadline,
  type DeadlineFacts,
} from '../reminders';
import type { PartyTermsStatus } from '../terms';
import { defaultCalendar, formatDate, type Calendar, type IsoDate } from '../timescales';
import { DEADLINE_STATUS_WORDS, daysLeft, deadlineStatus } from './clock';
import type { CaseDetail, CaseLinks, CaseSummary, DeadlineItem, EventStatus, PreparationProgress, Stage, TimelinePoint } from './types';

/**
 * Case -> what the dashboard shows. Pure: the bot gathers the stored records, this decides.
 * Everything is worked out for one viewer, who must already be known to be a mediator or a
 * party of the case (the API checks before calling): a party sees their own tasks and
 * preparation, never another party's answers, ids or the audit trail.
 */

export interface DashboardSource {
  readonly c: Case;
  /** The latest meeting session. */
  readonly meeting?: Meeting | null;
  /** Dates held outside the case record (outcome, certificate, adviser). */
  readonly facts: DeadlineFacts;
  /** Deadlines someone marked done (the reminders store). */
  readonly doneDeadlineIds?: ReadonlySet<string>;
  readonly board?: PreparationBoard;
  readonly termsStatuses: readonly PartyTermsStatus[];
  readonly outcomePublishedOn?: IsoDate;
  /** The latest certificate, if one was issued. */
  readonly certificate?: { readonly issueDate: IsoDate; readonly appealBy?: IsoDate };
  /** How each agreed action is being followed through. */
  readonly actionProgress?: readonly ActionProgress[];
}

export interface DashboardContext {
  /** AAD object id of the viewer. */
  readonly viewer: string;
  readonly now: Date;
  readonly calendar?: Calendar;
  readonly links?: CaseLinks;
}

const STAGE_OF: Readonly<Record<CaseState, Stage>> = {
  INTAKE: 'before',
  ADVICE: 'before',
  MEDIATION_REQUESTED: 'before',
  SCHEDULING: 'before',
  DRS_REFERRAL: 'before',
  DRS_AGREED: 'before',
  PREPARATION: 'preparation',
  ADJOURNED: 'preparation',
  MEETING: 'meeting',
  DRS_MEETING: 'meeting',
  CONCLUDED_FULL_AGREEMENT: 'after',
  CONCLUDED_PARTIAL_AGREEMENT: 'after',
  CONCLUDED_NO_AGREEMENT: 'after',
  ABANDONED: 'after',
  OUTCOME_ISSUED: 'after',
  CERTIFICATE_ISSUED: 'after',
  LA_ACTIONS: 'after',
  APPEAL_WINDOW: 'after',
  DRS_OUTCOME: 'after',
  CERT_NO_MEDIATION: 'after',
  DEEMED_CERT: 'after',
  CLOSED: 'closed',
  CANCELLED: 'closed',
  WITHDRAWN: 'closed',
  DRS_DECLINED: 'closed',
};

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  before: 'Before the meeting is fixed',
  preparation: 'Preparing for the meeting',
  meeting: 'Meeting',
  after: 'After the meeting',
  closed: 'Closed',
};

export function stageOf(state: CaseState): Stage {
  return STAGE_OF[state];
}

function isMine(d: Deadline, c: Case, viewer: string): boolean {
  if (isMediator(c, viewer)) return d.responsible.kind === 'mediators';
  const party = partyFor(c, viewer);
  return party !== undefined && responsibleParties(d.responsible, c.parties).some((p) => p.partyId === party.partyId);
}

function deadlineItem(d: Deadline, source: DashboardSource, context: DashboardContext, today: IsoDate): DeadlineItem {
  const doneByMark = source.doneDeadlineIds?.has(d.deadlineId) === true;
  const open = d.satisfied === undefined && !doneByMark;
  const status = deadlineStatus({ due: d.due, ...(d.dueAt ? { dueAt: d.dueAt } : {}), open }, today, context.now);
  const note = lastWorkingDayNote(d);
  return {
    id: d.deadlineId,
    title: d.title,
    ...(d.tNumber ? { tNumber: d.tNumber } : {}),
    due: d.due,
    dueText: dueText(d),
    status,
    statusWord: DEADLINE_STATUS_WORDS[status],
    left: daysLeft(d, today, context.now, context.calendar ?? defaultCalendar),
    responsible: responsibleLabel(d.responsible, source.c.parties),
    mine: isMine(d, source.c, context.viewer),
    ...(d.satisfied ? { doneText: `Done: ${d.satisfied.reason}` } : doneByMark ? { doneText: 'Marked done' } : {}),
    ...(note && open ? { lastWorkingDayNote: note } : {}),
  };
}

function myRole(c: Case, viewer: string): string {
  const mediator = mediatorFor(c, viewer);
  if (mediator) return mediator.lead ? 'Lead mediator' : 'Mediator';
  const party = partyFor(c, viewer);
  return party ? roleLabel(party.role) : 'Not part of this case';
}

function preparationOf(source: DashboardSource, viewer: string): PreparationProgress | undefined {
  const board = source.board;
  // Once the meeting started, preparation is history: its blockers beside a later state would mislead.
  if (!board || MEETING_HELD_STATES.has(source.c.state)) return undefined;
  if (isMediator(source.c, viewer)) {
    if (board.partyCount === 0) return { done: 0, total: 0, text: 'No parties yet' };
    const blockers = board.blockers.length;
    return {
      done: board.readyCount,
      total: board.partyCount,
      text: `${board.readyCount} of ${board.partyCount} ready${blockers > 0 ? `, ${blockers} ${blockers === 1 ? 'blocker' : 'blockers'}` : ''}`,
    };
  }
  const party = partyFor(source.c, viewer);
  const row = party ? board.rows.find((r) => r.partyId === party.partyId) : undefined;
  if (!row || row.preparation === 'not_needed' || row.questions === 0) return undefined;
  return { done: row.answered, total: row.questions, text: `${row.answered} of ${row.questions} questions answered` };
}

function meetingText(c: Case): string {
  const when = meetingWhenText(c.dates) ?? 'Not fixed yet';
  const planned = plannedDayShown(c, MEETING_HELD_STATES.has(c.state));
  const moved = planned ? ` (planned for ${formatDate(planned)})` : '';
  return meetingIsOver(c.state) ? `Held ${when}${moved}` : `${when}${moved}`;
}

/** Overdue first (oldest first), then by date. */
function pickNext(items: readonly DeadlineItem[]): DeadlineItem | undefined {
  const open = items.filter((d) => d.status !== 'done');
  return open.find((d) => d.status === 'overdue') ?? open[0];
}

function eventStatus(date: IsoDate, today: IsoDate): EventStatus {
  return date < today ? 'happened' : date === today ? 'today' : 'planned';
}

const EVENT_WORDS: Readonly<Record<EventStatus, string>> = { happened: 'Happened', today: 'Today', planned: 'Planned' };

function timelineOf(source: DashboardSource, deadlines: readonly DeadlineItem[], raw: readonly Deadline[], today: IsoDate, now: Date): TimelinePoint[] {
  const { c } = source;
  const events: { id: string; label: string; date: IsoDate | undefined }[] = [
    { id: 'referral', label: 'Referral: case opened', date: londonDate(new Date(c.createdAt)) },
    { id: 'decision', label: 'Decision notice sent', date: c.dates.decisionNoticeSent },
    { id: 'la-informed', label: 'LA told mediation is wanted', date: c.dates.laInformed },
    { id: 'meeting', label: MEETING_HELD_STATES.has(c.state) ? 'Meeting held' : 'Meeting', date: c.dates.meetingDate },
    { id: 'outcome', label: 'Outcome published', date: source.outcomePublishedOn },
    { id: 'certificate', label: 'Certificate issued', date: source.certificate?.issueDate },
  ];
  const points: TimelinePoint[] = [];
  for (const e of events) {
    if (!e.date) continue;
    const status = eventStatus(e.date, today);
    points.push({ id: e.id, label: e.label, date: e.date, dateText: formatDate(e.date), kind: 'event', status, word: EVENT_WORDS[status] });
  }
  const thirtyDays = new Set(raw.filter((d) => d.ruleId === 'ARRANGE_MEDIATION' || d.ruleId === 'ICB_ARRANGE').map((d) => d.deadlineId));
  for (const d of deadlines) {
    points.push({
      id: d.id,
      label: `${d.tNumber ? `${d.tNumber} ` : ''}${d.title}${thirtyDays.has(d.id) ? ' (30-day limit)' : ''}`,
      date: d.due,
      dateText: d.dueText,
      kind: 'deadline',
      status: d.status,
      word: d.statusWord,
    });
  }
  const appealBy = source.certificate?.appealBy;
  if (appealBy && !raw.some((d) => d.ruleId === 'APPEAL')) {
    const status = deadlineStatus({ due: appealBy, open: true }, today, now);
    points.push({ id: 'appeal-by', label: 'Appeal by (guidance)', date: appealBy, dateText: formatDate(appealBy), kind: 'deadline', status, word: DEADLINE_STATUS_WORDS[status] });
  }
  return points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1));
}

function build(source: DashboardSource, context: DashboardContext): { summary: CaseSummary; deadlines: DeadlineItem[]; raw: Deadline[]; today: IsoDate } {
  const { c } = source;
  const today = londonDate(context.now);
  const calendar = context.calendar ?? defaultCalendar;
  const raw = deadlinesForCase(c, source.meeting ?? null, source.facts, calendar);
  const deadlines = raw.map((d) => deadlineItem(d, source, context, today));
  const next = pickNext(deadlines);
  const stage = stageOf(c.state);
  const preparation = preparationOf(source, context.viewer);
  const summary: CaseSummary = {
    caseId: c.id,
    caseReference: c.caseReference,
    caseTypeLabel: CASE_TYPES[c.caseType].label,
    localAuthority: c.localAuthority,
    childInitials: c.childInitials,
    isYoungPerson: c.isYoungPerson,
    state: c.state,
    stateLabel: CASE_STATE_LABELS[c.state],
    stage,
    stageLabel: STAGE_LABELS[stage],
    myRole: myRole(c, context.viewer),
    isMediator: isMediator(c, context.viewer),
    meetingText: meetingText(c),
    ...(next ? { next } : {}),
    overdueCount: deadlines.filter((d) => d.status === 'overdue').length,
    dueThisWeek: deadlines.some((d) => d.status === 'overdue' || d.status === 'due_today' || d.status === 'due_this_week'),
    ...(preparation ? { preparation } : {}),
    nextTask: nextTaskFor(c, context.viewer, source.termsStatuses, today, {
      outcomePublished: source.outcomePublishedOn !== undefined || source.facts.outcomePublishedAt !== undefined,
      certificateIssued: source.certificate !== undefined || source.facts.certificateIssued !== undefined,
      myOpenActions: openActionSteps(raw, (d) => isMine(d, c, context.viewer) && d.satisfied === undefined && source.doneDeadlineIds?.has(d.deadlineId) !== true),
    }),
    links: context.links ?? {},
  };
  return { summary, deadlines, raw, today };
}

/** One row of the case list. */
export function caseSummary(source: DashboardSource, context: DashboardContext): CaseSummary {
  return build(source, context).summary;
}

/** One case in full: its timeline, every deadline, the viewer's own tasks, who is in it. */
export function caseDetail(source: DashboardSource, context: DashboardContext): CaseDetail {
  const { summary, deadlines, raw, today } = build(source, context);
  return {
    ...summary,
    timeline: timelineOf(source, deadlines, raw, today, context.now),
    deadlines,
    myTasks: deadlines.filter((d) => d.mine && d.status !== 'done'),
    mediators: source.c.mediators.map((m) => (m.lead ? `${m.displayName} (lead)` : m.displayName)),
    parties: source.c.parties.map((p) => ({ displayName: p.displayName, roleLabel: roleLabel(p.role) })),
    actions: actionItems(source.c, source.meeting, source.actionProgress ?? [], context.viewer, today),
  };
}

/** Most urgent first: overdue, then by the next open date; cases with nothing open last, by reference. */
export function sortSummaries(rows: readonly CaseSummary[]): CaseSummary[] {
  const key = (r: CaseSummary): string => (r.next ? `${r.next.status === 'overdue' ? '0' : '1'}${r.next.due}` : '9');
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.caseReference.localeCompare(b.caseReference)));
}
