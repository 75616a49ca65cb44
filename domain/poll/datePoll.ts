import { z } from 'zod';
import { cardSubmission } from '../cardSubmission';
import { caseDatesOf, isMediator, partyFor, type Case } from '../cases';
import { caseTimeline, defaultCalendar, formatDate, isIsoDate, parseIsoDate, type Calendar } from '../timescales';

/**
 * "Find a date": the mediator proposes up to 8 date-and-time slots; each party (and the
 * co-mediators) answers for each slot; the mediator picks one. Slots after the 30-day limit
 * (ARRANGE_MEDIATION, or the ICB's) are marked late with the day count and need a recorded
 * reason: the family may choose a later date, which the SEND Code of Practice allows.
 */

export const SLOTS_MAX = 8;
export const ANSWERS = ['yes', 'if_needed', 'no'] as const;
export type Answer = (typeof ANSWERS)[number];
export const ANSWER_LABELS: Readonly<Record<Answer, string>> = { yes: 'Can attend', if_needed: 'Can if needed', no: 'Cannot attend' };

const isoDate = z.string().refine(isIsoDate);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const SlotSchema = z.object({
  slotId: z.string().regex(/^s[1-8]$/),
  date: isoDate,
  time: hhmm,
  /** Days after the 30-day limit (0: inside it). */
  daysLate: z.number().int().min(0),
});
export type Slot = z.infer<typeof SlotSchema>;

export const PollAnswerSchema = z.object({
  /** `party:<partyId>` or `mediator:<aad id, lower case>`. */
  respondent: z.string().min(1).max(200),
  slotId: z.string().regex(/^s[1-8]$/),
  answer: z.enum(ANSWERS),
  by: z.string().min(1).max(100),
  at: z.iso.datetime(),
});
export type PollAnswer = z.infer<typeof PollAnswerSchema>;

export const DatePollSchema = z.object({
  caseId: z.string().min(1),
  pollId: z.string().min(1).max(40),
  status: z.enum(['open', 'closed']),
  slots: z.array(SlotSchema).min(1).max(SLOTS_MAX),
  /** Why slots after the limit are offered (required when any is late). */
  lateReason: z.string().min(1).max(300).optional(),
  answers: z.array(PollAnswerSchema),
  chosenSlotId: z.string().optional(),
  /** The grid's message in the case thread, edited as answers arrive. */
  gridActivityId: z.string().min(1).optional(),
  /** Each respondent's poll card (conversation and message), edited when the poll closes. */
  cards: z.array(z.object({ respondent: z.string(), conversationId: z.string(), activityId: z.string() })),
  createdBy: z.string().min(1),
  createdAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type DatePoll = z.infer<typeof DatePollSchema>;

/** The limit the slots are measured against: the 30 days from the LA (or ICB) being told. */
export function arrangeLimit(c: Pick<Case, 'dates' | 'caseType'>, calendar: Calendar = defaultCalendar): string | undefined {
  try {
    return caseTimeline(caseDatesOf(c), calendar).find((e) => e.ruleId === 'ARRANGE_MEDIATION' || e.ruleId === 'ICB_ARRANGE')?.due;
  } catch {
    return undefined;
  }
}

export type PollFormErrors = Partial<Record<string, string>>;

/** Reads slot1Date/slot1Time … slot8Date/slot8Time and lateReason from the form. */
export function validatePollForm(
  c: Case,
  input: unknown,
  options: { today: string; calendar?: Calendar },
): { ok: true; slots: Slot[]; lateReason?: string } | { ok: false; errors: PollFormErrors } {
  const submitted = cardSubmission(input);
  const v = (k: string): string | undefined => {
    const x = submitted[k];
    return typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined;
  };
  const limit = arrangeLimit(c, options.calendar);
  const errors: PollFormErrors = {};
  const slots: Slot[] = [];
  for (let i = 1; i <= SLOTS_MAX; i++) {
    const date = v(`slot${i}Date`);
    const time = v(`slot${i}Time`)?.slice(0, 5);
    if (!date && !time) continue;
    if (!date || !isIsoDate(date)) errors[`slot${i}Date`] = 'Choose the date of this slot, or clear its time.';
    else if (date < options.today) errors[`slot${i}Date`] = `A slot cannot be in the past (today is ${formatDate(options.today)}).`;
    if (!time || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors[`slot${i}Time`] = 'Enter the start time as HH:mm, for example 10:00.';
    if (errors[`slot${i}Date`] || errors[`slot${i}Time`] || !date || !time) continue;
    const daysLate = limit && date > limit ? parseIsoDate(date) - parseIsoDate(limit) : 0;
    if (slots.some((s) => s.date === date && s.time === time)) errors[`slot${i}Date`] = 'This slot is already in the list.';
    else slots.push({ slotId: `s${i}`, date, time, daysLate });
  }
  if (slots.length === 0 && Object.keys(errors).length === 0) errors.form = 'Propose at least one date and time.';
  const lateReason = v('lateReason');
  if (slots.some((s) => s.daysLate > 0) && !lateReason) {
    errors.lateReason = `Some slots are after the 30-day limit (${limit ? formatDate(limit) : ''}). Say why they are offered, for example "the family asked for a later date".`;
  }
  if (lateReason && lateReason.length > 300) errors.lateReason = 'Keep the reason to 300 characters.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, slots, ...(lateReason && slots.some((s) => s.daysLate > 0) ? { lateReason } : {}) };
}

/** Who answers: every party, and the mediators other than the one who made the poll. */
export function respondentsOf(c: Case, createdBy: string): { key: string; name: string; partyId?: string }[] {
  return [
    ...c.parties.map((p) => ({ key: `party:${p.partyId}`, name: p.displayName, partyId: p.partyId })),
    ...c.mediators.filter((m) => m.aadObjectId.toLowerCase() !== createdBy.toLowerCase()).map((m) => ({ key: `mediator:${m.aadObjectId.toLowerCase()}`, name: m.displayName })),
  ];
}

/** The respondent key of the caller in this case, if they answer polls. */
export function respondentFor(c: Case, aadObjectId: string): string | undefined {
  const party = partyFor(c, aadObjectId);
  if (party) return `party:${party.partyId}`;
  return isMediator(c, aadObjectId) ? `mediator:${aadObjectId.toLowerCase()}` : undefined;
}

/** Saves one respondent's answers (replacing theirs); refused once the mediator has picked. */
export function answerPoll(poll: DatePoll, respondent: string, answers: Readonly<Record<string, string>>, by: string, now: Date): DatePoll | Error {
  if (poll.status !== 'open') return new Error('The mediator has already picked a date: answers can no longer change.');
  const given: PollAnswer[] = [];
  for (const slot of poll.slots) {
    const a = answers[slot.slotId];
    if (a === undefined) continue;
    if (!(ANSWERS as readonly string[]).includes(a)) return new Error('Choose can attend, cannot attend or can if needed for each date.');
    given.push({ respondent, slotId: slot.slotId, answer: a as Answer, by, at: now.toISOString() });
  }
  if (given.length === 0) return new Error('Choose an answer for at least one date.');
  const kept = poll.answers.filter((x) => x.respondent !== respondent);
  const same = given.every((g) => poll.answers.some((x) => x.respondent === respondent && x.slotId === g.slotId && x.answer === g.answer)) &&
    poll.answers.filter((x) => x.respondent === respondent).length === given.length;
  return same ? poll : { ...poll, answers: [...kept, ...given] };
}

export interface GridRow {
  readonly slot: Slot;
  readonly yes: number;
  readonly ifNeeded: number;
  readonly no: number;
  readonly unanswered: number;
  /** Per respondent, in respondents' order. */
  readonly cells: readonly (Answer | undefined)[];
}

/** Slots best first: inside the limit first, then fewest "cannot", most "can", fewest "if needed", earliest. */
export function pollGrid(poll: DatePoll, respondents: readonly string[]): GridRow[] {
  const rows = poll.slots.map((slot) => {
    const cells = respondents.map((r) => poll.answers.find((a) => a.respondent === r && a.slotId === slot.slotId)?.answer);
    return {
      slot,
      cells,
      yes: cells.filter((x) => x === 'yes').length,
      ifNeeded: cells.filter((x) => x === 'if_needed').length,
      no: cells.filter((x) => x === 'no').length,
      unanswered: cells.filter((x) => x === undefined).length,
    };
  });
  return rows.sort(
    (a, b) =>
      Number(a.slot.daysLate > 0) - Number(b.slot.daysLate > 0) ||
      a.no - b.no ||
      b.yes - a.yes ||
      a.ifNeeded - b.ifNeeded ||
      `${a.slot.date}${a.slot.time}`.localeCompare(`${b.slot.date}${b.slot.time}`),
  );
}

/** Closes the poll on the chosen slot. */
export function pickSlot(poll: DatePoll, slotId: string): DatePoll | Error {
  const slot = poll.slots.find((s) => s.slotId === slotId);
  if (!slot) return new Error('That date is not in this poll.');
  if (poll.status === 'closed') return poll.chosenSlotId === slotId ? poll : new Error('A date was already picked for this poll.');
  return { ...poll, status: 'closed', chosenSlotId: slotId };
}

/** "Thu 7 Jan 2027 at 10:00", and "(3 days after the 30-day limit)" when late. */
export function slotText(slot: Slot): string {
  const late = slot.daysLate > 0 ? ` (late: ${slot.daysLate} day${slot.daysLate === 1 ? '' : 's'} after the 30-day limit)` : '';
  return `${formatDate(slot.date)} at ${slot.time}${late}`;
}
