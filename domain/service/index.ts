/**
 * The service view (docs/service-view.md): how the mediation service is doing against the
 * statutory limits, its results, its flow and its users' experience, for a period and filter.
 * Pure: the records come in, the answer (and its CSV) come out.
 */
export * from './types';
export type { ActionProgressFact, FeedbackFact } from './facts';
export { resolvePeriod, monthsOf, CUSTOM_MAX_DAYS, type ServicePeriod } from './period';
export { buildServiceReport, serviceCases, filterOptions, slug, type ServiceReport, type ServiceBuildOptions, type DraftChart } from './buildService';
export { serviceCsv, csvCell, SUPPRESSED_COUNT, SUPPRESSED_DERIVED } from './csv';
export { actionFactsFromMeetings, isLaAction } from './interimFacts';
export { recordSets, type ServiceData } from './serviceData';
export { SMALL_COUNT_LIMIT } from './cells';
export { spreadOf, type Spread } from './statistics';
export { loadServiceData, type ServiceScope, type ServiceSources } from './sources';
export { ServiceCaseSchema, type ServiceCase } from './serviceCase';
