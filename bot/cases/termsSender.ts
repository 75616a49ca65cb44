import type { Case, Party } from '../../domain/cases';
import { partiesNeedingTerms } from '../../domain/terms';
import type { BotDeps } from '../deps';
import { cardActivity } from './caseCards';
import { termsCardFor } from './termsView';

export interface TermsSendReport {
  readonly sent: readonly string[];
  /** Parties the bot cannot reach yet (invited guests who have not joined, or sends that failed). */
  readonly unreachable: readonly string[];
}

/**
 * Sends the current terms to every party without a current acknowledgement, each in
 * their own 1:1 chat. Re-sending is harmless: the card's button records one
 * acknowledgement per party and terms version.
 */
export async function sendTermsToParties(c: Case, deps: BotDeps): Promise<TermsSendReport> {
  const acks = await deps.store.acknowledgements.listForCase(c.id);
  const sent: string[] = [];
  const unreachable: string[] = [];
  for (const party of partiesNeedingTerms(c, acks, deps.terms.version)) {
    if (await sendTo(c, party, deps)) sent.push(party.displayName);
    else unreachable.push(party.displayName);
  }
  if (sent.length > 0) await noteSent(c, 'terms.sent', deps);
  return { sent, unreachable };
}

/**
 * Notes in the case's audit trail that something went out to the parties (ids only): a later
 * change of the meeting's date is then announced to them (domain/cases/meetingMove.ts).
 */
export async function noteSent(c: Case, action: 'terms.sent' | 'preparation.sent', deps: Pick<BotDeps, 'store' | 'now'>): Promise<void> {
  await deps.store.cases.update(c.id, (x) => ({ ...x }), { by: 'bot', action }, deps.now());
}

async function sendTo(c: Case, party: Party, deps: BotDeps): Promise<boolean> {
  if (!c.thread || (!party.aadObjectId && !party.teamsUserId)) return false;
  const card = termsCardFor(c, party, deps);
  try {
    await deps.proactive.sendToPerson(
      { aadObjectId: party.aadObjectId, channelAccountId: party.teamsUserId },
      c.thread.conversationId,
      cardActivity(card),
    );
    return true;
  } catch (err) {
    deps.log.warn({ caseId: c.id, partyId: party.partyId, err: (err as Error).message }, 'could not send the terms');
    return false;
  }
}

export function termsReportText(report: TermsSendReport): string {
  const parts: string[] = [];
  if (report.sent.length > 0) parts.push(`I sent the Terms of Engagement to ${report.sent.join(', ')} in their 1:1 chat with me.`);
  if (report.unreachable.length > 0) {
    parts.push(
      `I could not reach ${report.unreachable.join(', ')}: invite them with **invite <role>**, or record their agreement with **record terms**.`,
    );
  }
  if (parts.length === 0) parts.push('Every party has already agreed to the current terms.');
  return parts.join('\n\n');
}
