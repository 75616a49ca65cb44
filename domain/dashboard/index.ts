/**
 * The dashboard tab's view models: the case list, one case's timeline and tasks, the clock
 * words, the chart layout and the deep links. Pure: no I/O, no clock (time is passed in).
 */
export * from './types';
export { DEADLINE_STATUS_WORDS, daysLeft, deadlineStatus, endOfWeek, countUnitOf, type DaysLeft, type StatusInput } from './clock';
export { caseSummary, caseDetail, sortSummaries, stageOf, STAGE_LABELS, type DashboardSource, type DashboardContext } from './caseDashboard';
export { layoutTimeline, type LayoutInput, type LayoutOptions, type PlacedPoint, type TimelineLayout } from './timelineLayout';
export {
  MY_CASES_ENTITY_ID,
  TAB_PATH,
  teamsTabDeepLink,
  localDashboardLink,
  dashboardLink,
  threadDeepLink,
  botChatDeepLink,
} from './deepLinks';
