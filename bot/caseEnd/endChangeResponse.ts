import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { UpdateResult } from '../../storage/caseStore';
import { refreshRootCard } from '../cases/caseCards';
import type { BotDeps } from '../deps';
import { cardResponse, errorResponse, refusal } from '../invokeResponses';
import { endedCardFor } from './caseEndCards';

/** The answer to an end or an undo: the refusal, or the case as it now stands (its card in the thread refreshed when it changed). */
export function endChangeResponse(r: UpdateResult, deps: BotDeps, now: Date): AdaptiveCardInvokeResponse {
  if (r.status === 'rejected') return refusal(r.error);
  if (r.status === 'not_found' || r.status === 'conflict') return errorResponse(409, 'The case is busy with other changes. Please try again.');
  if (r.status === 'updated') deps.background.run('refresh case card', () => refreshRootCard(r.case, deps));
  return cardResponse(endedCardFor(r.case, now));
}
