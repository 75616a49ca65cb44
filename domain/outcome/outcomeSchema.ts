import { z } from 'zod';
import { CASE_TYPE_CODES } from '../caseTypes';
import { ID_PATTERN, MEETING_FORMATS, PARTICIPANT_ROLES, type ParticipantRole } from '../cases';
import { ACTION_CATEGORIES, AGREED_WORDING_MAX, ACTIONS_MAX, ACTION_WHAT_MAX, CHANGE_RESULTS, CHANGE_RESULTS_MAX } from '../meeting';
import { LOCATION_MAX, PLAN_SECTIONS, WORDING_MAX } from '../preparation';
import { isIsoDate, RULE_IDS } from '../timescales';
import { ISSUE_RESULTS } from './issueResult';
import { CORRECTION_REASON_MAX, ON_BEHALF_REASON_MAX, OVERVIEW_MAX } from './outcomeTexts';

/**
 * The outcome statement (docs/rules.md#outcome-statement) and the record that carries its published
 * versions, the parties' answers, the amended plan and the chases for it. Storage validates
 * every document it reads against these schemas.
 *
 * A published version is a snapshot: names, results and computed due dates are copied in,
 * so what a party confirmed still reads the same after the case or the bank-holiday table
 * changes. The snapshot holds structure and agreed wording only; the overview is a few
 * sentences by design and there is no field for notes of what anyone said (docs/rules.md#what-the-product-never-records).
 */

const instant = z.iso.datetime();
const isoDate = z.string().refine((v) => isIsoDate(v), { error: 'not a YYYY-MM-DD date' });
const name = z.string().min(1).max(256);

/** Bounds the document: each version is a full snapshot. A revision is rare; ten is plenty. */
export const OUTCOME_VERSIONS_MAX = 10;
/** One answer per party per version. */
export const OUTCOME_RESPONSES_MAX = 500;
/** The amended plan, perhaps with a corrected copy or appendices. */
export const AMENDED_PLANS_MAX = 10;
export const AMENDED_PLAN_URL_MAX = 2000;
export const AMENDED_PLAN_NAME_MAX = 200;
export const ISSUE_TITLE_MAX = 300;
export const OUTCOME_ATTENDEES_MAX = 60;

/** The decision the family asked to mediate about (docs/rules.md#outcome-statement "reason for mediation"). */
export const OutcomeReasonSchema = z.object({
  caseType: z.enum(CASE_TYPE_CODES),
  caseTypeLabel: z.string().min(1).max(200),
  localAuthority: z.string().min(1).max(200),
  /** The date the decision notice was sent, when the case records it. */
  decisionNoticeSent: isoDate.optional(),
});
export type OutcomeReason = z.infer<typeof OutcomeReasonSchema>;

export const CONCLUDED_OUTCOMES = ['full', 'partial', 'none', 'ended_early'] as const;

export const OutcomeMeetingSchema = z.object({
  meetingId: z.string().regex(ID_PATTERN),
  /** Europe/London date of each session, first to last: "date(s) of mediation". */
  sessionDates: z.array(isoDate).min(1).max(20),
  /** The date of the mediation agreement (reg 42), from which the actions' clocks run. */
  agreementDate: isoDate,
  format: z.enum(MEETING_FORMATS),
  outcome: z.enum(CONCLUDED_OUTCOMES),
  closedAt: instant,
});
export type OutcomeMeeting = z.infer<typeof OutcomeMeetingSchema>;

export const ATTENDEE_ROLES = [...PARTICIPANT_ROLES, 'mediator'] as const;
export type AttendeeRole = ParticipantRole | 'mediator';

export const OutcomeAttendeeSchema = z.object({
  name,
  role: z.enum(ATTENDEE_ROLES as unknown as [AttendeeRole, ...AttendeeRole[]]),
  /** The body they came for, where the case knows it (the LA for its officer). */
  organisation: z.string().min(1).max(200).optional(),
  /** For a young person: who spoke for them, from their terms acknowledgement (docs/rules.md#terms-of-engagement). */
  note: z.string().min(1).max(300).optional(),
});
export type OutcomeAttendee = z.infer<typeof OutcomeAttendeeSchema>;

export const ISSUE_KINDS = ['decision', 'change'] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

/** The id of the one issue of a case that is not about plan wording. */
export const DECISION_ISSUE_ID = 'decision';

export const OutcomeIssueSchema = z
  .object({
    /** `decision`, or the requested change's id. */
    issueId: z.string().regex(ID_PATTERN),
    kind: z.enum(ISSUE_KINDS),
    title: z.string().min(1).max(ISSUE_TITLE_MAX),
    /** What the meeting record says (change result or close outcome). */
    derivedResult: z.enum(ISSUE_RESULTS),
    /** What the outcome says: the derived result unless the mediator changed it. */
    result: z.enum(ISSUE_RESULTS),
    /** An appeal to the Tribunal can be about this issue (docs/rules.md#people-and-documents, docs/rules.md#case-types-and-who-attends). */
    appealable: z.boolean(),
  })
  .refine((i) => (i.kind === 'decision') === (i.issueId === DECISION_ISSUE_ID), {
    error: 'only the decision issue has the id "decision"',
    path: ['issueId'],
  });
export type OutcomeIssue = z.infer<typeof OutcomeIssueSchema>;

export const OutcomeStatutoryDueSchema = z.object({
  ruleId: z.enum(RULE_IDS).nullable(),
  step: z.string().min(1).max(120),
  due: isoDate,
  lastWorkingDay: isoDate,
});

/** An agreed action with its dates as worked out when the version was published. */
export const OutcomeActionSchema = z.object({
  actionId: z.string().regex(ID_PATTERN),
  /** "Local authority", "Pat Parent (Parent or carer)", or the typed name. */
  owner: z.string().min(1).max(400),
  what: z.string().min(1).max(ACTION_WHAT_MAX),
  category: z.enum(ACTION_CATEGORIES),
  tNumber: z.string().min(1).max(10).nullable(),
  immediately: z.boolean(),
  statutory: z.array(OutcomeStatutoryDueSchema).max(3),
  /** Agreed in writing (reg 42(5)); replaces the statutory date. */
  agreedDueDate: isoDate.optional(),
  /** The date the action is due by; absent only when it could not be worked out (`dueError`). */
  effective: isoDate.optional(),
  effectiveLastWorkingDay: isoDate.optional(),
  basis: z.enum(['statutory', 'agreed']).optional(),
  dueError: z.string().min(1).max(400).optional(),
});
export type OutcomeAction = z.infer<typeof OutcomeActionSchema>;

/** A row of the change table for plan-content cases (docs/rules.md#preparation-and-requested-changes). */
export const OutcomeChangeSchema = z.object({
  changeId: z.string().regex(ID_PATTERN),
  number: z.number().int().min(1),
  section: z.enum(PLAN_SECTIONS),
  location: z.string().min(1).max(LOCATION_MAX),
  requestedWording: z.string().min(1).max(WORDING_MAX),
  /** null: the meeting recorded no result for it. */
  result: z.enum(CHANGE_RESULTS).nullable(),
  agreedWording: z.string().min(1).max(AGREED_WORDING_MAX).optional(),
});
export type OutcomeChange = z.infer<typeof OutcomeChangeSchema>;

/** `drs`: disagreement resolution, whose outcome is not legally binding and has no certificate. */
export const CERTIFICATE_NEEDS = ['needed', 'not_needed_placement', 'not_appealable', 'drs'] as const;
export type CertificateNeed = (typeof CERTIFICATE_NEEDS)[number];

/** Next steps as dates and facts; nextStepsLines words them (T7, T17). */
export const OutcomeNextStepsSchema = z.object({
  certificateNeed: z.enum(CERTIFICATE_NEEDS),
  /** CERT_AFTER_MEDIATION from the date the mediation concluded. */
  certificateDue: isoDate.optional(),
  certificateDueError: z.string().min(1).max(400).optional(),
  /** Titles of the appealable issues that were not fully resolved. */
  appealIssues: z.array(z.string().min(1).max(ISSUE_TITLE_MAX)).max(CHANGE_RESULTS_MAX),
  decisionNoticeSent: isoDate.optional(),
  /** The appeal-by date if the certificate is issued on its due date (APPEAL). */
  appealByIfCertificateOnTime: isoDate.optional(),
  /** Why no appeal date could be given. */
  appealDateProblem: z.string().min(1).max(400).optional(),
});
export type OutcomeNextSteps = z.infer<typeof OutcomeNextStepsSchema>;

export const OutcomeContentSchema = z.object({
  caseReference: z.string().min(1).max(100),
  providerName: z.string().min(1).max(200).optional(),
  mediators: z.array(name).min(1).max(10),
  childInitials: z.string().min(1).max(10),
  isYoungPerson: z.boolean(),
  reason: OutcomeReasonSchema,
  meeting: OutcomeMeetingSchema,
  attendees: z.array(OutcomeAttendeeSchema).max(OUTCOME_ATTENDEES_MAX),
  issues: z.array(OutcomeIssueSchema).min(1).max(CHANGE_RESULTS_MAX),
  actions: z.array(OutcomeActionSchema).max(ACTIONS_MAX),
  /** Plan-content cases only; empty otherwise. */
  changes: z.array(OutcomeChangeSchema).max(CHANGE_RESULTS_MAX),
  /** A few sentences: the gist, never minutes. Empty only in a draft. */
  overview: z.string().max(OVERVIEW_MAX),
  confidentialityNote: z.string().min(1).max(1000),
  nextSteps: OutcomeNextStepsSchema,
});
export type OutcomeContent = z.infer<typeof OutcomeContentSchema>;

export const OutcomeVersionSchema = z.object({
  /** 1, 2, 3…: a revision after a correction request is the next number. */
  version: z.number().int().min(1),
  content: OutcomeContentSchema.refine((c) => c.overview.trim() !== '', { error: 'a published outcome has an overview', path: ['overview'] }),
  publishedAt: instant,
  publishedBy: z.string().min(1).max(100),
});
export type OutcomeVersion = z.infer<typeof OutcomeVersionSchema>;

export const RESPONSE_KINDS = ['content', 'correction'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export const OutcomeResponseSchema = z
  .object({
    partyId: z.string().min(1),
    outcomeVersion: z.number().int().min(1),
    kind: z.enum(RESPONSE_KINDS),
    /** Required with a correction request: what is wrong, briefly. */
    reason: z.string().min(1).max(CORRECTION_REASON_MAX).optional(),
    at: instant,
    /** The Teams user who clicked: the party, or a mediator recording for them. */
    by: z.string().min(1).max(100),
    /** For a party who cannot use the card (a guest user, docs/architecture.md#parties-who-cannot-use-cards). */
    recordedByMediator: z.object({ reason: z.string().min(1).max(ON_BEHALF_REASON_MAX) }).optional(),
  })
  .refine((r) => (r.kind === 'correction') === (r.reason !== undefined), {
    error: 'a correction request has a reason, and only a correction request',
    path: ['reason'],
  });
export type OutcomeResponse = z.infer<typeof OutcomeResponseSchema>;

export const AMENDED_PLAN_KINDS = ['link', 'file'] as const;

export const AmendedPlanSchema = z
  .object({
    kind: z.enum(AMENDED_PLAN_KINDS),
    url: z.url().max(AMENDED_PLAN_URL_MAX),
    /** A file's name as Teams gave it; a link has none. */
    name: z.string().min(1).max(AMENDED_PLAN_NAME_MAX).optional(),
    suppliedAt: instant,
    suppliedBy: z.string().min(1).max(100),
    /** A mediator attached it for the LA officer. */
    onBehalf: z.boolean().optional(),
  })
  .refine((p) => (p.kind === 'file') === (p.name !== undefined), { error: 'a file has a name, a link has none', path: ['name'] });
export type AmendedPlan = z.infer<typeof AmendedPlanSchema>;

export const OutcomeRecordSchema = z
  .object({
    caseId: z.string().min(1),
    /** The final session, whose close starts T8 and T9. */
    meetingId: z.string().regex(ID_PATTERN),
    closedAt: instant,
    planContent: z.boolean(),
    versions: z.array(OutcomeVersionSchema).max(OUTCOME_VERSIONS_MAX),
    responses: z.array(OutcomeResponseSchema).max(OUTCOME_RESPONSES_MAX),
    amendedPlans: z.array(AmendedPlanSchema).max(AMENDED_PLANS_MAX),
    /** Incremented by every stored change; writes are conditional on it. */
    version: z.number().int().min(1),
    createdAt: instant,
    updatedAt: instant,
  })
  .refine((r) => r.versions.every((v, i) => v.version === i + 1), { error: 'versions are numbered 1, 2, 3… in order', path: ['versions'] })
  .refine((r) => r.responses.every((x) => x.outcomeVersion <= r.versions.length), {
    error: 'a response answers a published version',
    path: ['responses'],
  })
  .refine((r) => new Set(r.responses.map((x) => `${x.partyId}|${x.outcomeVersion}`)).size === r.responses.length, {
    error: 'at most one response per party per version',
    path: ['responses'],
  });
export type OutcomeRecord = z.infer<typeof OutcomeRecordSchema>;
