import type { Case } from '../domain/cases';
import { dueInForce, pendingDelay, progressStatus, PROGRESS_STATUS_WORDS, type ActionProgress } from '../domain/followUp';
import { ownerLabel, type AgreedAction } from '../domain/meeting';
import { formatDate, type IsoDate } from '../domain/timescales';

/**
 * View models of the after-the-meeting cards (docs/after-the-meeting.md): one agreed action as
 * its owner, the family or the mediators see it. Pure: dates come in as YYYY-MM-DD.
 */
export interface ActionProgressView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly actionId: string;
  readonly what: string;
  readonly ownerText: string;
  /** "Thu 10 Dec 2026" */
  readonly dueText: string;
  /** "agreed by the family on ..." when a new date replaced the outcome's. */
  readonly dueNote?: string;
  /** The reg 42 limit, shown beside an agreed date; absent for actions with no statutory clock. */
  readonly legalLimitText?: string;
  readonly statusText: string;
  readonly done: boolean;
  readonly updates: readonly string[];
  readonly delays: readonly string[];
  /** Ids for the card's forms, so a repeated click records once. */
  readonly updateId: string;
  readonly delayId: string;
  /** YYYY-MM-DD, the date inputs' defaults and limits. */
  readonly today: IsoDate;
  /** A confirmation or refusal shown at the top when the card comes back. */
  readonly message?: string;
  /** Statutory clocks never apply to disagreement resolution: the card says so. */
  readonly isDrs: boolean;
}

const DELAY_WORDS = { pending: 'waiting for the family', agreed: 'agreed', declined: 'declined', withdrawn: 'no longer needed: the action is done' } as const;

export function toActionProgressView(
  c: Pick<Case, 'id' | 'caseReference' | 'parties'>,
  action: Pick<AgreedAction, 'actionId' | 'what' | 'owner'>,
  p: ActionProgress,
  ids: { readonly updateId: string; readonly delayId: string },
  today: IsoDate,
  options: { readonly message?: string; readonly isDrs?: boolean } = {},
): ActionProgressView {
  const agreed = p.delays.filter((d) => d.status === 'agreed').at(-1);
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    actionId: action.actionId,
    what: action.what,
    ownerText: ownerLabel(action.owner, c.parties),
    dueText: formatDate(dueInForce(p)),
    ...(p.agreedNewDate && agreed
      ? { dueNote: `New date agreed by the family (was ${formatDate(agreed.fromDate)}${agreed.fromDate === p.originalDue ? '' : `; first due ${formatDate(p.originalDue)}`}).` }
      : {}),
    ...(p.legalLimit ? { legalLimitText: formatDate(p.legalLimit) } : {}),
    statusText: p.doneOn ? `Done on ${formatDate(p.doneOn)}` : PROGRESS_STATUS_WORDS[progressStatus(p, today)],
    done: p.doneOn !== undefined,
    updates: p.updates.map((u) => `${formatDate(u.at.slice(0, 10))}: ${u.text}`),
    delays: p.delays.map((d) => `New date ${formatDate(d.proposedDate)} proposed (${d.reason}): ${DELAY_WORDS[d.status]}`),
    updateId: ids.updateId,
    delayId: ids.delayId,
    today,
    ...(options.message ? { message: options.message } : {}),
    isDrs: options.isDrs ?? false,
  };
}

export interface DelayProposalView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly actionId: string;
  readonly delayId: string;
  readonly what: string;
  readonly ownerText: string;
  readonly fromText: string;
  readonly proposedText: string;
  readonly reason: string;
  readonly legalLimitText?: string;
  /** "You agreed" / "You declined" once answered. */
  readonly answerText?: string;
}

export function toDelayProposalView(
  c: Pick<Case, 'id' | 'caseReference' | 'parties'>,
  action: Pick<AgreedAction, 'actionId' | 'what' | 'owner'>,
  p: ActionProgress,
  delayId: string,
): DelayProposalView | undefined {
  const d = p.delays.find((x) => x.delayId === delayId) ?? pendingDelay(p);
  if (!d) return undefined;
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    actionId: action.actionId,
    delayId: d.delayId,
    what: action.what,
    ownerText: ownerLabel(action.owner, c.parties),
    fromText: formatDate(d.fromDate),
    proposedText: formatDate(d.proposedDate),
    reason: d.reason,
    ...(p.legalLimit ? { legalLimitText: formatDate(p.legalLimit) } : {}),
    ...(d.status === 'agreed' ? { answerText: `The new date ${formatDate(d.proposedDate)} was agreed.` } : {}),
    ...(d.status === 'declined' ? { answerText: `The new date was declined: ${formatDate(d.fromDate)} still stands.` } : {}),
    ...(d.status === 'withdrawn' ? { answerText: 'The action has been done, so this new date is no longer needed.' } : {}),
  };
}
