/**
 * The JSON the dashboard API answers with, shared by the server (domain/dashboard builds it)
 * and the tab's browser code (tab/src renders it). Plain data only: no imports, so the browser
 * bundle takes nothing else from domain/ with it.
 */

export type DeadlineStatus = 'done' | 'overdue' | 'due_today' | 'due_this_week' | 'upcoming';
export type CountUnit = 'working_days' | 'days' | 'hours';
export type EventStatus = 'happened' | 'today' | 'planned';
export type Stage = 'before' | 'preparation' | 'meeting' | 'after' | 'closed';

export interface DeadlineItem {
  readonly id: string;
  readonly title: string;
  /** Row of the rule table, e.g. "T3". */
  readonly tNumber?: string;
  readonly due: string;
  /** With the weekday: "Thu 24 Dec 2026", or "... at 14:05" for a target set in hours. */
  readonly dueText: string;
  readonly status: DeadlineStatus;
  /** The status in a word: never colour alone. */
  readonly statusWord: string;
  readonly left: { readonly amount: number; readonly unit: CountUnit; readonly text: string };
  /** Who has to act, in words. */
  readonly responsible: string;
  /** The viewer (or, for a mediator, the mediators) has to act. */
  readonly mine: boolean;
  /** Why it no longer needs doing. */
  readonly doneText?: string;
  /** Said when the date is not a working day and does not move. */
  readonly lastWorkingDayNote?: string;
}

export interface TimelinePoint {
  readonly id: string;
  readonly label: string;
  readonly date: string;
  readonly dateText: string;
  readonly kind: 'event' | 'deadline';
  readonly status: DeadlineStatus | EventStatus;
  readonly word: string;
}

export interface PreparationProgress {
  readonly done: number;
  readonly total: number;
  readonly text: string;
}

export interface CaseLinks {
  /** The case in the dashboard tab (a Teams deep link, or the local page). */
  readonly dashboard?: string;
  /** The case's thread in the channel (mediators) or the chat with the bot (parties). */
  readonly conversation?: string;
  readonly conversationLabel?: string;
}

export interface CaseSummary {
  readonly caseId: string;
  readonly caseReference: string;
  readonly caseTypeLabel: string;
  readonly localAuthority: string;
  readonly childInitials: string;
  readonly isYoungPerson: boolean;
  readonly state: string;
  readonly stateLabel: string;
  readonly stage: Stage;
  readonly stageLabel: string;
  /** "Lead mediator", "Parent or carer". */
  readonly myRole: string;
  readonly isMediator: boolean;
  readonly meetingText: string;
  /** The first open deadline by date (overdue ones come first). */
  readonly next?: DeadlineItem;
  readonly overdueCount: number;
  /** Something open is due by Sunday of this week, or is overdue. */
  readonly dueThisWeek: boolean;
  readonly preparation?: PreparationProgress;
  readonly nextTask: string;
  readonly links: CaseLinks;
}

/** One agreed action after the meeting (docs/after-the-meeting.md). */
export interface ActionProgressItem {
  readonly what: string;
  readonly owner: string;
  /** The date in force, YYYY-MM-DD. */
  readonly due: string;
  readonly dueText: string;
  readonly dueNote?: string;
  /** The reg 42 limit, beside an agreed date. */
  readonly legalLimitText?: string;
  /** In words: "Done on ...", "Overdue", "Under way". */
  readonly statusWord: string;
  readonly overdue: boolean;
}

export interface CaseDetail extends CaseSummary {
  readonly timeline: readonly TimelinePoint[];
  readonly deadlines: readonly DeadlineItem[];
  /** The deadlines the viewer has to act on. */
  readonly myTasks: readonly DeadlineItem[];
  readonly mediators: readonly string[];
  readonly parties: readonly { readonly displayName: string; readonly roleLabel: string }[];
  /** Agreed actions after the meeting: all for a mediator, a party's own for a party. */
  readonly actions: readonly ActionProgressItem[];
}

export interface CaseListAnswer {
  readonly today: string;
  readonly todayText: string;
  readonly viewer: { readonly displayName?: string };
  readonly cases: readonly CaseSummary[];
}

export interface TabSettings {
  readonly mode: 'teams' | 'local';
  /** Local mode only: the playground's mock users to pick from. */
  readonly localUsers?: readonly { readonly aadObjectId: string; readonly name: string }[];
}
