import { z } from 'zod';
import { ID_PATTERN } from '../cases';
import { isIsoDate } from '../timescales';
import { ACTIONS_MAX, AgreedActionSchema } from './agreedAction';
import { CHECKLIST_ITEM_IDS } from './agenda';
import { CHANGE_RESULTS_MAX, RecordedChangeResultSchema } from './changeResult';
import { StartGuardsSchema } from './startGuards';

/**
 * One session of a case's meeting (docs/rules.md#case-lifecycle, #the-meeting-checklist). An adjourned meeting is
 * followed by a new record with the next session number. Storage validates every document
 * it reads against this schema.
 *
 * The record holds structure only: times, ticks, breaks, agreed actions and change results.
 * It has no field for notes of what anyone said, and must never gain one (docs/rules.md#what-the-product-never-records).
 */

const instant = z.iso.datetime();
const aadObjectId = z.string().min(1).max(100);
const isoDate = z.string().refine((v) => isIsoDate(v), { error: 'not a YYYY-MM-DD date' });

export const MEETING_STATES = ['in_progress', 'closed'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const START_REASON_MAX = 200;
export const ENDED_EARLY_OTHER_MAX = 200;
/** A private break is for one party and whoever supports them. */
export const BREAK_PARTIES_MAX = 4;
/** Bounds the document; a day's meeting has a handful. */
export const BREAKS_MAX = 50;

export const TickSchema = z.object({ tickedAt: instant, tickedBy: aadObjectId });
export type Tick = z.infer<typeof TickSchema>;

export const BREAK_KINDS = ['all', 'private'] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];

export const MeetingBreakSchema = z
  .object({
    breakId: z.string().regex(ID_PATTERN),
    kind: z.enum(BREAK_KINDS),
    /** private: the party (and their advocate or supporter) who asked for private time; all: empty. */
    partyIds: z.array(z.string().min(1)).max(BREAK_PARTIES_MAX),
    startedAt: instant,
    startedBy: aadObjectId,
    endedAt: instant.optional(),
    endedBy: aadObjectId.optional(),
  })
  .refine((b) => (b.kind === 'all') === (b.partyIds.length === 0), {
    error: 'a break for everyone names no party; a private break names at least one',
    path: ['partyIds'],
  });
export type MeetingBreak = z.infer<typeof MeetingBreakSchema>;

export const CLOSE_OUTCOMES = ['full', 'partial', 'none', 'adjourned', 'ended_early'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export const CLOSE_OUTCOME_LABELS: Readonly<Record<CloseOutcome, string>> = {
  full: 'Full agreement',
  partial: 'Partial agreement',
  none: 'No agreement',
  adjourned: 'Adjourned: another session will follow',
  ended_early: 'Ended early',
};

export const ENDED_EARLY_REASONS = ['toe_breach', 'party_left', 'other'] as const;
export type EndedEarlyReason = (typeof ENDED_EARLY_REASONS)[number];

export const ENDED_EARLY_REASON_LABELS: Readonly<Record<EndedEarlyReason, string>> = {
  toe_breach: 'The Terms of Engagement were breached',
  party_left: 'A party left',
  other: 'Another reason',
};

/** What the mediator chose when closing. */
export const CloseDecisionSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.enum(['full', 'partial', 'none']) }),
  /** The next session's date (Europe/London). */
  z.object({ outcome: z.literal('adjourned'), nextDate: isoDate }),
  z.object({
    outcome: z.literal('ended_early'),
    reason: z.enum(ENDED_EARLY_REASONS),
    /** Only with `other`: a short reason about the process, never about what was said. */
    otherReason: z.string().min(1).max(ENDED_EARLY_OTHER_MAX).optional(),
  }),
]);
export type CloseDecision = z.infer<typeof CloseDecisionSchema>;

export const MeetingCloseSchema = z.intersection(
  CloseDecisionSchema,
  z.object({
    closedAt: instant,
    closedBy: aadObjectId,
    /**
     * The Europe/London date of closing: the date of the mediation agreement (reg 42), from
     * which T13-T15 run, and the day the mediation concluded (T7), unless it was adjourned.
     */
    agreementDate: isoDate,
  }),
);
export type MeetingClose = z.infer<typeof MeetingCloseSchema>;

export const MeetingSchema = z
  .object({
    meetingId: z.string().regex(ID_PATTERN),
    caseId: z.string().min(1),
    /** 1 for the first meeting; one more for each session after an adjournment. */
    session: z.number().int().min(1),
    state: z.enum(MEETING_STATES),
    startedAt: instant,
    startedBy: aadObjectId,
    /** As known when the meeting started. */
    guards: StartGuardsSchema,
    /** Present when a guard failed and the mediator started anyway. */
    startedAnywayReason: z.string().min(1).max(START_REASON_MAX).optional(),
    /** Only ticked items have an entry; unticking removes it. */
    ticks: z.partialRecord(z.enum(CHECKLIST_ITEM_IDS), TickSchema),
    breaks: z.array(MeetingBreakSchema).max(BREAKS_MAX),
    /** Kept in the meeting so one conditional write covers an action and the checks that close makes. */
    actions: z.array(AgreedActionSchema).max(ACTIONS_MAX),
    /** Keyed by the requested change's id. */
    changeResults: z
      .record(z.string().regex(ID_PATTERN), RecordedChangeResultSchema)
      .refine((r) => Object.keys(r).length <= CHANGE_RESULTS_MAX, { error: `at most ${CHANGE_RESULTS_MAX} change results` }),
    close: MeetingCloseSchema.optional(),
    /** Incremented by every stored change; writes are conditional on it. */
    version: z.number().int().min(1),
    updatedAt: instant,
  })
  .refine((m) => (m.state === 'closed') === (m.close !== undefined), {
    error: 'a closed meeting has its close, and only a closed one',
    path: ['close'],
  })
  .refine((m) => m.breaks.filter((b) => b.endedAt === undefined).length <= (m.state === 'closed' ? 0 : 1), {
    error: 'at most one open break, and none once closed',
    path: ['breaks'],
  })
  .refine((m) => Object.entries(m.changeResults).every(([key, r]) => key === r.changeId), {
    error: 'each change result is keyed by its own change id',
    path: ['changeResults'],
  });
export type Meeting = z.infer<typeof MeetingSchema>;
