import { z } from 'zod';
import { CaseError, ID_PATTERN } from '../cases';
import { isPlainText, singleLine } from '../meeting/plainText';
import { isIsoDate, type IsoDate } from '../timescales';

/**
 * How an agreed action is followed through after the outcome is published
 * (docs/after-the-meeting.md, docs/rules.md#after-the-meeting): done, updates to the family,
 * and delays with a new date the family agreed or declined. One record per action; the
 * action's wording and owner stay in the meeting record, which is never rewritten.
 */
export const UPDATE_TEXT_MAX = 300;
export const DELAY_REASON_MAX = 300;
/** Bounds the record; an action with more than this has a bigger problem than a card can fix. */
export const UPDATES_MAX = 30;
export const DELAYS_MAX = 10;

const instant = z.iso.datetime();
const isoDate = z.string().refine((v) => isIsoDate(v), { error: 'not a YYYY-MM-DD date' });
const id = z.string().regex(ID_PATTERN);

export const ProgressUpdateSchema = z.object({
  updateId: id,
  text: z.string().min(1).max(UPDATE_TEXT_MAX),
  at: instant,
  by: z.string().min(1),
});
export type ProgressUpdate = z.infer<typeof ProgressUpdateSchema>;

export const DelayProposalSchema = z.object({
  delayId: id,
  /** The due date in force when the delay was reported. */
  fromDate: isoDate,
  proposedDate: isoDate,
  reason: z.string().min(1).max(DELAY_REASON_MAX),
  proposedBy: z.string().min(1),
  proposedAt: instant,
  /** `withdrawn`: the action was marked done while the family had not answered. */
  status: z.enum(['pending', 'agreed', 'declined', 'withdrawn']),
  decidedBy: z.string().min(1).optional(),
  decidedAt: instant.optional(),
});
export type DelayProposal = z.infer<typeof DelayProposalSchema>;

export const ActionProgressSchema = z.object({
  caseId: z.string().min(1),
  actionId: id,
  /** The date the outcome gave: agreed in writing, or the last statutory step. */
  originalDue: isoDate,
  /** The statutory limit (reg 42), shown beside any agreed date; absent for actions with no statutory clock. */
  legalLimit: isoDate.optional(),
  /** A new date the family agreed to (the latest agreed delay). */
  agreedNewDate: isoDate.optional(),
  doneOn: isoDate.optional(),
  doneBy: z.string().min(1).optional(),
  updates: z.array(ProgressUpdateSchema).max(UPDATES_MAX),
  delays: z.array(DelayProposalSchema).max(DELAYS_MAX),
  version: z.number().int().min(1),
  createdAt: instant,
  updatedAt: instant,
});
export type ActionProgress = z.infer<typeof ActionProgressSchema>;

export type ProgressStatus = 'done' | 'delay_pending' | 'overdue' | 'open';

/** The date in force: the family's agreed new date, else the outcome's. */
export function dueInForce(p: Pick<ActionProgress, 'originalDue' | 'agreedNewDate'>): IsoDate {
  return p.agreedNewDate ?? p.originalDue;
}

export function pendingDelay(p: Pick<ActionProgress, 'delays'>): DelayProposal | undefined {
  return p.delays.find((d) => d.status === 'pending');
}

export function progressStatus(p: ActionProgress, today: IsoDate): ProgressStatus {
  if (p.doneOn !== undefined) return 'done';
  if (pendingDelay(p)) return 'delay_pending';
  return dueInForce(p) < today ? 'overdue' : 'open';
}

export const PROGRESS_STATUS_WORDS: Readonly<Record<ProgressStatus, string>> = {
  done: 'Done',
  delay_pending: 'New date proposed, waiting for the family',
  overdue: 'Overdue',
  open: 'Under way',
};

export function newProgress(caseId: string, actionId: string, originalDue: IsoDate, legalLimit: IsoDate | undefined, now: Date): ActionProgress {
  const at = now.toISOString();
  return { caseId, actionId, originalDue, ...(legalLimit ? { legalLimit } : {}), updates: [], delays: [], version: 1, createdAt: at, updatedAt: at };
}

function touched(p: ActionProgress, now: Date): ActionProgress {
  return { ...p, updatedAt: now.toISOString() };
}

const DoneInput = z.looseObject({ doneOn: z.string().optional() });

/** Marks the action done on the date given (today when none). Done twice: unchanged. */
export function markActionDone(p: ActionProgress, actor: string, data: unknown, today: IsoDate, now: Date): ActionProgress | CaseError {
  if (p.doneOn !== undefined) return p;
  const parsed = DoneInput.safeParse(data);
  const doneOn = parsed.success && parsed.data.doneOn ? parsed.data.doneOn : today;
  if (!isIsoDate(doneOn)) return new CaseError('invalid_input', 'Give the date it was done.');
  if (doneOn > today) return new CaseError('invalid_input', 'The date it was done cannot be in the future.');
  return touched({ ...p, doneOn, doneBy: actor, delays: p.delays.map((d) => (d.status === 'pending' ? { ...d, status: 'withdrawn' as const } : d)) }, now);
}

const UpdateInput = z.looseObject({ updateId: id, updateText: z.string().optional() });

/** Adds a short update for the family. The card's id makes a repeated click add it once. */
export function postProgressUpdate(p: ActionProgress, actor: string, data: unknown, now: Date): ActionProgress | CaseError {
  const parsed = UpdateInput.safeParse(data);
  if (!parsed.success) return new CaseError('invalid_input', 'This card is incomplete. Ask for your actions again.');
  if (p.updates.some((u) => u.updateId === parsed.data.updateId)) return p;
  const text = singleLine(parsed.data.updateText ?? '');
  if (text === '') return new CaseError('invalid_input', 'Write the update for the family.');
  if (text.length > UPDATE_TEXT_MAX || !isPlainText(text)) return new CaseError('invalid_input', `Keep the update to plain text of up to ${UPDATE_TEXT_MAX} characters.`);
  if (p.updates.length >= UPDATES_MAX) return new CaseError('invalid_input', `This action already has ${UPDATES_MAX} updates. Ask the mediator to contact the family.`);
  return touched({ ...p, updates: [...p.updates, { updateId: parsed.data.updateId, text, at: now.toISOString(), by: actor }] }, now);
}

const DelayInput = z.looseObject({ delayId: id, newDate: z.string().optional(), delayReason: z.string().optional() });

/** Proposes a new date: it only replaces the due date once the family agrees (decideDelay). */
export function proposeDelay(p: ActionProgress, actor: string, data: unknown, today: IsoDate, now: Date): ActionProgress | CaseError {
  const parsed = DelayInput.safeParse(data);
  if (!parsed.success) return new CaseError('invalid_input', 'This card is incomplete. Ask for your actions again.');
  if (p.delays.some((d) => d.delayId === parsed.data.delayId)) return p;
  if (p.doneOn !== undefined) return new CaseError('invalid_transition', 'This action is already done.');
  if (pendingDelay(p)) return new CaseError('invalid_transition', 'A new date is already waiting for the family’s answer.');
  const proposedDate = parsed.data.newDate ?? '';
  if (!isIsoDate(proposedDate)) return new CaseError('invalid_input', 'Give the new date you propose.');
  const current = dueInForce(p);
  if (proposedDate <= current || proposedDate <= today) return new CaseError('invalid_input', 'The new date must be after the date now in force and after today.');
  const reason = singleLine(parsed.data.delayReason ?? '');
  if (reason === '') return new CaseError('invalid_input', 'Say briefly why the action is delayed.');
  if (reason.length > DELAY_REASON_MAX || !isPlainText(reason)) return new CaseError('invalid_input', `Keep the reason to plain text of up to ${DELAY_REASON_MAX} characters.`);
  if (p.delays.length >= DELAYS_MAX) return new CaseError('invalid_input', 'This action has been delayed too often to record another. Ask the mediator to contact the family.');
  const delay: DelayProposal = { delayId: parsed.data.delayId, fromDate: current, proposedDate, reason, proposedBy: actor, proposedAt: now.toISOString(), status: 'pending' };
  return touched({ ...p, delays: [...p.delays, delay] }, now);
}

/** The family's answer. The same answer twice is unchanged; a different one after answering is refused. */
export function decideDelay(p: ActionProgress, actor: string, delayId: string, agree: boolean, now: Date): ActionProgress | CaseError {
  const delay = p.delays.find((d) => d.delayId === delayId);
  if (!delay) return new CaseError('not_found', 'That proposal is no longer on record.');
  const status = agree ? 'agreed' : 'declined';
  if (delay.status === status) return p;
  if (delay.proposedBy.toLowerCase() === actor.toLowerCase()) return new CaseError('not_allowed', 'A new date you proposed is agreed by someone else.');
  if (delay.status === 'withdrawn') return new CaseError('invalid_transition', 'The action has been done, so this new date is no longer needed.');
  if (delay.status !== 'pending') return new CaseError('invalid_transition', `This new date was already ${delay.status}.`);
  const decided: DelayProposal = { ...delay, status, decidedBy: actor, decidedAt: now.toISOString() };
  const delays = p.delays.map((d) => (d.delayId === delayId ? decided : d));
  return touched({ ...p, delays, ...(agree ? { agreedNewDate: delay.proposedDate } : {}) }, now);
}
