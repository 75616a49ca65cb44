/**
 * The service view (docs/service-view.md): how the mediation service is doing against the
 * statutory limits, its results, its flow and its users' experience, for a period and filter.
 * Pure: the records come in, the answer (and its CSV) come out.
 */
export * from './types';
export type { ActionProgressFact, FeedbackFact } from './facts';
export { resolvePeriod, CUSTOM_MAX_DAYS } from './period';
export { buildServiceReport, serviceCases, type ServiceReport } from './buildService';
export { serviceCsv, csvCell, roundedCount } from './csv';
export { actionFactsFromMeetings } from './interimFacts';
export type { ServiceData } from './serviceData';
export { loadServiceData, type ServiceSources } from './sources';
export { serviceRecordOf, ServiceRecordSchema, type ServiceCase, type ServiceRecord, type ServiceSession, type ServiceOutcome } from './serviceRecord';
