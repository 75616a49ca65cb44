import { z } from 'zod';
import type { CaseEnding, EndKind } from './caseEnding';
import { isIsoDate, isoFromDayNumber, parseIsoDate } from '../timescales';
import { londonDate } from '../londonTime';
import { assertMediator } from './authorisation';
import { CaseError } from './caseError';
import type { Case } from './caseSchema';
import { CASE_STATE_LABELS, TERMINAL_STATES, type CaseState } from './lifecycle';

/**
 * How a case ends (issue 15): `close case` once the work is done, `withdraw` when the family
 * withdraws (with the date), `cancel` for a case opened by mistake. Each has a reason from a
 * list and can be undone by a mediator within UNDO_DAYS. A case's retention clock starts when it
 * ends (closed or cancelled); a withdrawn case still needs closing, as its certificate may be due.
 */

export const END_REASONS = {
  close: {
    certificate_issued: 'Mediation finished and the certificate issued',
    drs_finished: 'Disagreement resolution meeting held',
    after_withdrawal: 'The family withdrew',
    no_contact: 'No response from the family after repeated contact',
    other: 'Another reason (see the case notes)',
  },
  withdraw: {
    resolved_with_la: 'Resolved with the local authority before mediation',
    not_proceeding: 'The family decided not to go ahead',
    appeal_instead: 'The family is going straight to appeal',
    other: 'Another reason (see the case notes)',
  },
  cancel: {
    opened_by_mistake: 'Opened by mistake',
    duplicate: 'A duplicate of another case',
    wrong_service: 'Belongs to another mediation service',
  },
} as const satisfies Record<EndKind, Record<string, string>>;

export type EndReason<K extends EndKind = EndKind> = keyof (typeof END_REASONS)[K] & string;

/** The state each kind leads to. */
export const END_STATE: Readonly<Record<EndKind, CaseState>> = { close: 'CLOSED', withdraw: 'WITHDRAWN', cancel: 'CANCELLED' };

/** States from which `close case` is allowed: the work is done, or the case was withdrawn. */
export const CLOSABLE_STATES: ReadonlySet<CaseState> = new Set<CaseState>([
  'CERTIFICATE_ISSUED',
  'LA_ACTIONS',
  'APPEAL_WINDOW',
  'CERT_NO_MEDIATION',
  'DEEMED_CERT',
  'WITHDRAWN',
  'DRS_OUTCOME',
  'DRS_DECLINED',
]);

export const UNDO_DAYS = 14;

export interface EndInput {
  readonly kind: EndKind;
  readonly reason: string;
  /** Withdrawals only: the date the family withdrew. */
  readonly date?: string;
}

const EndFieldsSchema = z.looseObject({ reason: z.string().optional(), withdrawnOn: z.string().optional() });

/** Validates the form's fields; the messages name the field. */
export function parseEndInput(kind: EndKind, data: unknown, today: string): EndInput | CaseError {
  const fields = EndFieldsSchema.safeParse(data);
  const reason = fields.success ? (fields.data.reason ?? '') : '';
  if (!Object.prototype.hasOwnProperty.call(END_REASONS[kind], reason)) return new CaseError('invalid_input', 'Choose a reason from the list.');
  if (kind !== 'withdraw') return { kind, reason };
  const date = fields.success ? (fields.data.withdrawnOn ?? '') : '';
  if (!isIsoDate(date)) return new CaseError('invalid_input', 'Give the date the family withdrew.');
  if (date > today) return new CaseError('invalid_input', 'The withdrawal date cannot be in the future.');
  return { kind, reason, date };
}

/** Whether the case may end this way now; the message says why not. */
export function endRefusal(c: Case, kind: EndKind): CaseError | undefined {
  if (kind === 'close' && !CLOSABLE_STATES.has(c.state)) {
    return new CaseError(
      'invalid_transition',
      `Case ${c.caseReference} is "${CASE_STATE_LABELS[c.state]}": close it once the certificate is issued, the family has withdrawn, or the disagreement resolution meeting is done. Use **withdraw** or **cancel** otherwise.`,
    );
  }
  if (TERMINAL_STATES.has(c.state)) return new CaseError('invalid_transition', `Case ${c.caseReference} has already ended (${CASE_STATE_LABELS[c.state]}).`);
  if (kind === 'withdraw' && c.state === 'WITHDRAWN') return new CaseError('invalid_transition', `Case ${c.caseReference} is already withdrawn.`);
  return undefined;
}

/** Ends the case (mediators only). Repeating the same end returns the case unchanged. */
export function endCase(c: Case, input: EndInput, actor: string, now: Date): Case | CaseError {
  const notMediator = assertMediator(c, actor);
  if (notMediator) return notMediator;
  if (c.ending && c.ending.kind === input.kind && c.state === END_STATE[input.kind]) return c;
  const refused = endRefusal(c, input.kind);
  if (refused) return refused;
  const ending: CaseEnding = {
    kind: input.kind,
    reason: input.reason,
    date: input.date ?? londonDate(now),
    by: actor,
    at: now.toISOString(),
    previousState: c.state,
    ...(c.ending && c.state === 'WITHDRAWN' ? { previous: { ...c.ending } } : {}),
  };
  return { ...c, state: END_STATE[input.kind], ending };
}

/** The last day an undo is allowed (Europe/London), or undefined when the case has not ended. */
export function undoDeadline(c: Case): string | undefined {
  return c.ending ? isoFromDayNumber(parseIsoDate(londonDate(new Date(c.ending.at))) + UNDO_DAYS) : undefined;
}

/**
 * Reverses the end recorded at `endedAt` within UNDO_DAYS (mediators only): the case returns to the
 * state it was in. Naming the end makes a second click (or an old card) change nothing more.
 */
export function undoEnd(c: Case, end: { readonly at: string; readonly kind: EndKind }, actor: string, now: Date): Case | CaseError {
  const notMediator = assertMediator(c, actor);
  if (notMediator) return notMediator;
  const deadline = undoDeadline(c);
  if (!c.ending || !deadline || c.ending.at !== end.at || c.ending.kind !== end.kind) return c;
  if (londonDate(now) > deadline) return new CaseError('invalid_transition', `The end of case ${c.caseReference} can only be undone within ${UNDO_DAYS} days.`);
  const { ending, ...rest } = c;
  // A closed withdrawal goes back to withdrawn, with the withdrawal's own record.
  const back = ending.previousState;
  return ending.previous ? { ...rest, state: back, ending: ending.previous } : { ...rest, state: back };
}

/** True once the case has ended for retention: closed or cancelled. */
export function hasEnded(c: Case): boolean {
  return TERMINAL_STATES.has(c.state) && c.ending !== undefined;
}

/** "Closed on Thu 3 Dec 2026: Mediation finished and the certificate issued". */
export function endReasonLabel(ending: CaseEnding): string {
  const reasons = END_REASONS[ending.kind] as Record<string, string>;
  return reasons[ending.reason] ?? ending.reason;
}
