import { cardSubmission } from '../cardSubmission';
import { CaseError, isMediator, partyFor, roleLabel, type Case, type Party, type ParticipantRole } from '../cases';
import { isPlainText, singleLine } from '../meeting/plainText';
import { assertRecordOfCase, latestVersion } from './outcomeRecord';
import { OUTCOME_RESPONSES_MAX, type OutcomeRecord, type OutcomeResponse, type ResponseKind } from './outcomeSchema';
import { CORRECTION_REASON_MAX, ON_BEHALF_REASON_MAX } from './outcomeTexts';

/**
 * The parties' answers to a published outcome (docs/rules.md#outcome-statement "acceptance by both
 * parties"): "I'm content with what is written" or a correction request with a short reason.
 *
 * - Only parties of the case answer, each for themselves; a mediator may record an answer
 *   for a party who cannot use the card (a guest, docs/architecture.md#parties-who-cannot-use-cards), saying why, but never
 *   answers as a mediator.
 * - Only the latest version can be answered: after a revision, answers to older versions
 *   stay on record but no longer count.
 * - One answer per party per version: a repeated click, or a second answer of the other
 *   kind, returns the record unchanged with the first answer in it.
 */

export const CORRECTION_REASON_INPUT = 'correctionReason';

export type ResponseInput =
  | { readonly kind: 'content' }
  | { readonly kind: 'correction'; readonly reason: string };

/** Reads an `outcome.content` / `outcome.correction` submission; the kind comes from the verb. */
export function parseResponseInput(kind: ResponseKind, data: unknown): ResponseInput | CaseError {
  if (kind === 'content') return { kind };
  const submitted = cardSubmission(data);
  const raw = Object.hasOwn(submitted, CORRECTION_REASON_INPUT) ? submitted[CORRECTION_REASON_INPUT] : undefined;
  const reason = typeof raw === 'string' ? singleLine(raw) : '';
  if (reason === '') return new CaseError('invalid_input', 'Say briefly what needs correcting.');
  if (reason.length > CORRECTION_REASON_MAX) {
    return new CaseError('invalid_input', `Keep the correction to ${CORRECTION_REASON_MAX} characters or fewer; the mediator will contact you about the detail.`);
  }
  if (!isPlainText(reason)) return new CaseError('invalid_input', 'Use plain text only.');
  return { kind: 'correction', reason };
}

export interface RespondOptions {
  /** A mediator recording for a party: which party, and why. */
  readonly onBehalfOf?: { readonly partyId: string; readonly reason: string };
}

export function responseOf(record: OutcomeRecord, partyId: string, outcomeVersion: number): OutcomeResponse | undefined {
  return record.responses.find((r) => r.partyId === partyId && r.outcomeVersion === outcomeVersion);
}

function whoAnswers(c: Case, actor: string, options: RespondOptions): Party | CaseError {
  const self = partyFor(c, actor);
  if (options.onBehalfOf === undefined) {
    if (self) return self;
    if (isMediator(c, actor)) {
      return new CaseError('not_allowed', 'The parties confirm the outcome, not the mediators. To record a party\'s answer for them, choose the party and give a reason.');
    }
    return new CaseError('not_allowed', `Only the parties of case ${c.caseReference} can answer its outcome.`);
  }
  if (!isMediator(c, actor)) {
    return new CaseError('not_allowed', `Only a mediator of case ${c.caseReference} can record an answer for someone else.`);
  }
  const party = c.parties.find((p) => p.partyId === options.onBehalfOf?.partyId);
  if (!party) return new CaseError('not_found', 'That person is no longer a party to the case.');
  return party;
}

/**
 * Records a party's answer to `outcomeVersion`, which must be the latest published version.
 * Returns the record unchanged when that party has already answered that version.
 */
export function respondToOutcome(
  c: Case,
  record: OutcomeRecord,
  actor: string,
  outcomeVersion: number,
  input: ResponseInput,
  now: Date,
  options: RespondOptions = {},
): OutcomeRecord | CaseError {
  const notOurs = assertRecordOfCase(c, record);
  if (notOurs) return notOurs;
  const party = whoAnswers(c, actor, options);
  if (party instanceof CaseError) return party;
  const latest = latestVersion(record);
  if (!latest) return new CaseError('invalid_transition', 'The outcome has not been published yet.');
  if (outcomeVersion !== latest.version) {
    return new CaseError(
      'invalid_transition',
      outcomeVersion < latest.version
        ? `This is version ${outcomeVersion}; a revised version (${latest.version}) has been published since. Please read it and answer that one.`
        : 'That version of the outcome does not exist. Open the outcome again.',
    );
  }
  if (responseOf(record, party.partyId, outcomeVersion)) return record;
  if (record.responses.length >= OUTCOME_RESPONSES_MAX) return new CaseError('invalid_input', 'This outcome cannot record any more answers.');
  let onBehalf: { reason: string } | undefined;
  if (options.onBehalfOf) {
    const reason = singleLine(options.onBehalfOf.reason);
    if (reason === '' || reason.length > ON_BEHALF_REASON_MAX || !isPlainText(reason)) {
      return new CaseError('invalid_input', `Say in up to ${ON_BEHALF_REASON_MAX} characters why you are recording this for ${party.displayName}.`);
    }
    onBehalf = { reason };
  }
  const response: OutcomeResponse = {
    partyId: party.partyId,
    outcomeVersion,
    kind: input.kind,
    ...(input.kind === 'correction' ? { reason: input.reason } : {}),
    at: now.toISOString(),
    by: actor,
    ...(onBehalf ? { recordedByMediator: onBehalf } : {}),
  };
  return { ...record, responses: [...record.responses, response] };
}

export type AnswerStatus = 'content' | 'correction' | 'none';

export const ANSWER_STATUS_LABELS: Readonly<Record<AnswerStatus, string>> = {
  content: 'Content with what is written',
  correction: 'Asked for a correction',
  none: 'No answer yet',
};

export interface PartyAnswer {
  readonly partyId: string;
  readonly name: string;
  readonly role: ParticipantRole;
  readonly roleText: string;
  readonly status: AnswerStatus;
  readonly reason?: string;
  readonly at?: string;
  readonly recordedByMediator: boolean;
}

/** Every party's answer to the latest version (or the one given), in the case's order. */
export function partyAnswers(c: Case, record: OutcomeRecord, outcomeVersion: number | undefined = latestVersion(record)?.version): PartyAnswer[] {
  return c.parties.map((p) => {
    const r = outcomeVersion === undefined ? undefined : responseOf(record, p.partyId, outcomeVersion);
    return {
      partyId: p.partyId,
      name: p.displayName,
      role: p.role,
      roleText: roleLabel(p.role),
      status: r?.kind ?? 'none',
      ...(r?.reason !== undefined ? { reason: r.reason } : {}),
      ...(r ? { at: r.at } : {}),
      recordedByMediator: r?.recordedByMediator !== undefined,
    };
  });
}

/** Correction requests on the latest version: what a revision answers. */
export function openCorrections(record: OutcomeRecord): OutcomeResponse[] {
  const latest = latestVersion(record);
  return latest ? record.responses.filter((r) => r.outcomeVersion === latest.version && r.kind === 'correction') : [];
}
