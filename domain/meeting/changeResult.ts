import { z } from 'zod';
import { ID_PATTERN } from '../cases';

/**
 * What the meeting decided about one requested change to the plan (docs/rules.md#preparation-and-requested-changes,
 * meeting_result and agreed_wording). The requested change itself lives with preparation;
 * the meeting keeps only its result, keyed by the change's id.
 */
export const CHANGE_RESULTS = ['agreed', 'agreed_as_amended', 'not_agreed', 'deferred'] as const;
export type ChangeResultCode = (typeof CHANGE_RESULTS)[number];

export const CHANGE_RESULT_LABELS: Readonly<Record<ChangeResultCode, string>> = {
  agreed: 'Agreed as requested',
  agreed_as_amended: 'Agreed as amended',
  not_agreed: 'Not agreed',
  deferred: 'Deferred',
};

/** Results that put wording into the plan, so the wording must be recorded. */
export const WORDING_RESULTS: ReadonlySet<ChangeResultCode> = new Set<ChangeResultCode>(['agreed', 'agreed_as_amended']);

export const AGREED_WORDING_MAX = 2000;
/** Bounds the meeting document; a plan-content mediation has tens of changes at most. */
export const CHANGE_RESULTS_MAX = 100;

const ChangeResultFields = z.object({
  changeId: z.string().regex(ID_PATTERN),
  result: z.enum(CHANGE_RESULTS),
  /** Confirmed on the shared screen; only with an agreed result. */
  agreedWording: z.string().min(1).max(AGREED_WORDING_MAX).optional(),
});

const wordingMatchesResult = (r: z.infer<typeof ChangeResultFields>): boolean =>
  WORDING_RESULTS.has(r.result) === (r.agreedWording !== undefined);
const wordingRule = { error: 'agreed wording goes with an agreed result, and only with one', path: ['agreedWording'] };

export const ChangeResultSchema = ChangeResultFields.refine(wordingMatchesResult, wordingRule);
export type ChangeResult = z.infer<typeof ChangeResultSchema>;

/** As stored in the meeting: who recorded it and when. */
export const RecordedChangeResultSchema = ChangeResultFields.extend({
  recordedAt: z.iso.datetime(),
  recordedBy: z.string().min(1),
}).refine(wordingMatchesResult, wordingRule);
export type RecordedChangeResult = z.infer<typeof RecordedChangeResultSchema>;
