import { z } from 'zod';
import { CASE_TYPE_CODES } from '../caseTypes';
import { CASE_STATES, END_KINDS, type Case, type CaseEnding, type CaseKeyDates, type Mediator } from '../cases';
import { CERTIFICATE_VARIANTS, type CertificateFacts } from '../certificate';
import { ACTION_CATEGORIES, CLOSE_OUTCOMES, isLocalAuthority, OWNER_BODIES, type AgreedAction, type Meeting, type MeetingClose } from '../meeting';
import type { OutcomeRecord } from '../outcome';
import { RULE_IDS } from '../timescales';

/**
 * One case as the service view counts it: a small copy of the case's own records (no parties,
 * no wording of any action, no outcome text), kept beside them by storage
 * (storage/serviceRecordStore.ts), so a view of 10,000 cases reads 10,000 documents of under a
 * kilobyte instead of every case, meeting and outcome in full. It holds inputs, never results:
 * each figure is still worked out when the view is asked, with the calendar of the day.
 */

/** What the service view counts of a case: its dates, type, authority, state, ending and mediators, without the parties. */
export type ServiceCase = Pick<Case, 'id' | 'providerKey' | 'caseReference' | 'caseType' | 'localAuthority' | 'dates' | 'state' | 'ending' | 'createdAt'> & {
  readonly mediators: readonly Pick<Mediator, 'aadObjectId' | 'displayName'>[];
};

/** How a session closed, as far as the limits care. */
export type ServiceClose = Pick<MeetingClose, 'outcome' | 'closedAt' | 'agreementDate'>;

/** A session: when it started, how it closed, and the actions the local authority agreed (actionFactsFromMeetings). */
export interface ServiceSession {
  readonly caseId: string;
  readonly session: number;
  readonly startedAt: string;
  readonly close?: ServiceClose;
  readonly actions: readonly Pick<AgreedAction, 'actionId' | 'owner' | 'category' | 'agreedDueDate'>[];
}

/** The outcome record's first sending and the amended plans' arrival. */
export interface ServiceOutcome {
  readonly caseId: string;
  readonly versions: readonly { readonly publishedAt: string }[];
  readonly amendedPlans: readonly { readonly suppliedAt: string }[];
}

export interface ServiceRecord {
  readonly c: ServiceCase;
  /** First to last. */
  readonly sessions: readonly ServiceSession[];
  readonly certificates: readonly CertificateFacts[];
  readonly outcome?: ServiceOutcome;
}

/**
 * The stored record's shape. Every value was checked field by field when its source document
 * was read (serviceRecordOf takes only parsed records), so reading it back checks the shape
 * and the closed lists the figures look things up by, not each date's format again: the full
 * schemas cost ten times as much for 10,000 records. A record that fails is rebuilt from its
 * sources. Unknown keys are dropped (zod's default).
 */
const str = z.string().min(1);
const ending = z.object({ kind: z.enum(END_KINDS), date: str, reason: str, by: str, at: str, previousState: z.enum(CASE_STATES) });
const owner = z.union([
  z.object({ kind: z.literal('body'), body: z.enum(OWNER_BODIES) }),
  z.object({ kind: z.literal('role'), role: str }),
  z.object({ kind: z.literal('party'), partyId: str }),
]);
const ServiceRecordShape = z.object({
  c: z.object({
    id: str,
    providerKey: str,
    caseReference: str,
    caseType: z.enum(CASE_TYPE_CODES),
    localAuthority: str,
    dates: z.record(z.string(), str),
    state: z.enum(CASE_STATES),
    mediators: z.array(z.object({ aadObjectId: str, displayName: str })),
    ending: ending.extend({ previous: ending.optional() }).optional(),
    createdAt: str,
  }),
  sessions: z.array(
    z.object({
      caseId: str,
      session: z.number().int().min(1),
      startedAt: str,
      close: z.object({ outcome: z.enum(CLOSE_OUTCOMES), closedAt: str, agreementDate: str }).optional(),
      actions: z.array(z.object({ actionId: str, owner, category: z.enum(ACTION_CATEGORIES), agreedDueDate: str.optional() })),
    }),
  ),
  certificates: z.array(
    z.object({
      certificateId: str,
      caseId: str,
      variant: z.enum(CERTIFICATE_VARIANTS),
      issueNumber: z.number().int().min(1),
      issueDate: str,
      originalIssueDate: str,
      issuedAt: str,
      due: z.object({ rule: z.enum(RULE_IDS), trigger: str, due: str }),
    }),
  ),
  outcome: z.object({ caseId: str, versions: z.array(z.object({ publishedAt: str })).max(1), amendedPlans: z.array(z.object({ suppliedAt: str })) }).optional(),
});

/** ServiceRecordShape, typed as the record: its dates are plain strings here because they were checked when first read. */
export const ServiceRecordSchema = ServiceRecordShape as unknown as z.ZodType<ServiceRecord>;

function serviceCaseOf(c: Case): ServiceCase {
  return {
    id: c.id,
    providerKey: c.providerKey,
    caseReference: c.caseReference,
    caseType: c.caseType,
    localAuthority: c.localAuthority,
    dates: c.dates satisfies CaseKeyDates,
    state: c.state,
    mediators: c.mediators.map((m) => ({ aadObjectId: m.aadObjectId, displayName: m.displayName })),
    ...(c.ending ? { ending: c.ending satisfies CaseEnding } : {}),
    createdAt: c.createdAt,
  };
}

function sessionOf(m: Meeting): ServiceSession {
  const actions = m.actions
    .filter((a) => isLocalAuthority(a.owner, []))
    .map((a) => ({ actionId: a.actionId, owner: a.owner, category: a.category, ...(a.agreedDueDate !== undefined ? { agreedDueDate: a.agreedDueDate } : {}) }));
  const close = m.close ? { outcome: m.close.outcome, closedAt: m.close.closedAt, agreementDate: m.close.agreementDate } : undefined;
  return { caseId: m.caseId, session: m.session, startedAt: m.startedAt, ...(close ? { close } : {}), actions };
}

function certificateOf(x: CertificateFacts): CertificateFacts {
  const { certificateId, caseId, variant, issueNumber, issueDate, originalIssueDate, issuedAt, due } = x;
  return { certificateId, caseId, variant, issueNumber, issueDate, originalIssueDate, issuedAt, due };
}

function outcomeOf(o: OutcomeRecord): ServiceOutcome {
  const first = o.versions[0];
  return { caseId: o.caseId, versions: first ? [{ publishedAt: first.publishedAt }] : [], amendedPlans: o.amendedPlans.map((p) => ({ suppliedAt: p.suppliedAt })) };
}

/** The service view's copy of a case's records, from the records themselves (each already parsed). */
export function serviceRecordOf(c: Case, meetings: readonly Meeting[], certificates: readonly CertificateFacts[], outcome: OutcomeRecord | null | undefined): ServiceRecord {
  return {
    c: serviceCaseOf(c),
    sessions: meetings.filter((m) => m.caseId === c.id).sort((a, b) => a.session - b.session).map(sessionOf),
    certificates: certificates.filter((x) => x.caseId === c.id).map(certificateOf),
    ...(outcome && outcome.caseId === c.id ? { outcome: outcomeOf(outcome) } : {}),
  };
}
