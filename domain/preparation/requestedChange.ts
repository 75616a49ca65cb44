import { z } from 'zod';
import { ID_PATTERN } from '../cases/ids';

/**
 * One change the parent or young person asks for in a plan-content mediation (docs/rules.md
 * #preparation-and-requested-changes), and the LA officer's position on it before the meeting. The meeting result and the
 * agreed wording are recorded at the meeting by a later feature.
 */

export const PLAN_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export const PLAN_SECTION_LABELS: Readonly<Record<PlanSection, string>> = {
  A: 'Views, interests and aspirations',
  B: 'Special educational needs',
  C: 'Health care needs',
  D: 'Social care needs',
  E: 'Outcomes sought',
  F: 'Special educational provision',
  G: 'Health care provision',
  H1: 'Social care provision (CSDPA 1970 s.2)',
  H2: 'Other social care provision',
  I: 'School or other institution',
  J: 'Direct payments',
  K: 'Advice and information (appendices)',
};

/** The sections an appeal can be about (docs/rules.md#people-and-documents). */
export const APPEALABLE_SECTIONS: ReadonlySet<PlanSection> = new Set<PlanSection>(['B', 'F', 'I']);

export const LA_POSITIONS = ['agree', 'decline', 'discuss'] as const;
export type LaPosition = (typeof LA_POSITIONS)[number];
export const LA_POSITION_LABELS: Readonly<Record<LaPosition, string>> = {
  agree: 'Agree',
  decline: 'Decline',
  discuss: 'Discuss at the meeting',
};

export const LOCATION_MAX = 120;
export const WORDING_MAX = 4000;
export const REASON_MAX = 1000;
export const EVIDENCE_REF_MAX = 120;
export const EVIDENCE_REFS_MAX = 10;
export const POSITION_NOTE_MAX = 500;
/** Bounds the document: a change that flips position this often is being misused. */
export const POSITION_HISTORY_MAX = 50;

const instant = z.iso.datetime();

export const PositionEntrySchema = z.object({
  /** null: the position was cleared because the requested wording changed. */
  position: z.enum(LA_POSITIONS).nullable(),
  note: z.string().min(1).max(POSITION_NOTE_MAX).optional(),
  by: z.string().min(1),
  at: instant,
  /** A mediator recorded it for the LA officer (who could not use the card). */
  onBehalf: z.boolean().optional(),
  reason: z.enum(['set', 'wording_changed']),
});
export type PositionEntry = z.infer<typeof PositionEntrySchema>;

export const RequestedChangeSchema = z.object({
  changeId: z.string().regex(ID_PATTERN),
  caseId: z.string().min(1),
  /** 1, 2, 3… within the case, for people ("change 3"); given by storage, never reused. */
  number: z.number().int().min(1),
  section: z.enum(PLAN_SECTIONS),
  location: z.string().min(1).max(LOCATION_MAX),
  /** As in the current plan; empty when the change adds new text. */
  currentWording: z.string().max(WORDING_MAX),
  requestedWording: z.string().min(1).max(WORDING_MAX),
  /** Why, in the family's words; may be empty. */
  reason: z.string().max(REASON_MAX),
  /** Reports and other evidence (usually section K appendices). */
  evidenceRefs: z.array(z.string().min(1).max(EVIDENCE_REF_MAX)).max(EVIDENCE_REFS_MAX),
  /** The parent, young person or advocate asking for it. */
  requestedBy: z.object({ partyId: z.string().min(1), displayName: z.string().min(1).max(256) }),
  /** Who typed it in: the requester, or a mediator entering it for them. */
  enteredBy: z.string().min(1),
  laPosition: z.enum(LA_POSITIONS).optional(),
  /** Internal preparation note: without prejudice, never shown to the family. */
  laPositionNote: z.string().min(1).max(POSITION_NOTE_MAX).optional(),
  positionHistory: z.array(PositionEntrySchema).max(POSITION_HISTORY_MAX),
  /** When the change was (last) sent to the LA officer; unset while it is a draft. */
  sentAt: instant.optional(),
  createdAt: instant,
  updatedAt: instant,
  /** Incremented by every stored change; writes are conditional on it. */
  version: z.number().int().min(1),
});
export type RequestedChange = z.infer<typeof RequestedChangeSchema>;

/** A change before storage numbers it. */
export type NewRequestedChange = Omit<RequestedChange, 'number'>;
