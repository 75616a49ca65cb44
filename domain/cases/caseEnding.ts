import { z } from 'zod';
import { isIsoDate } from '../timescales';
import { CASE_STATES } from './lifecycle';

/** The ways a case ends (caseEnd.ts has the rules); kept apart so the case schema can hold an ending. */
export const END_KINDS = ['close', 'withdraw', 'cancel'] as const;
export type EndKind = (typeof END_KINDS)[number];

const EndingFields = z.object({
  kind: z.enum(END_KINDS),
  reason: z.string().min(1).max(40),
  /** YYYY-MM-DD, Europe/London: the withdrawal date given, or the day it was recorded. */
  date: z.string().refine((v) => isIsoDate(v), { error: 'not a YYYY-MM-DD date' }),
  by: z.string().min(1).max(100),
  at: z.iso.datetime(),
  /** Where an undo returns the case. */
  previousState: z.enum(CASE_STATES),
});

export const CaseEndingSchema = EndingFields.extend({
  /** Closing a withdrawn case keeps the withdrawal here, so an undo restores it. */
  previous: EndingFields.optional(),
});
export type CaseEnding = z.infer<typeof CaseEndingSchema>;
