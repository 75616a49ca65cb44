import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { isCaseError } from '../domain/cases';

/** Replaces the card for the person who clicked. */
export function cardResponse(card: object): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as Record<string, unknown> };
}

/** Teams shows `message` to the person who clicked; the card stays as it was. */
export function errorResponse(statusCode: 400 | 401 | 403 | 404 | 409 | 500, message: string): AdaptiveCardInvokeResponse {
  const code = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 500: 'InternalError' }[
    statusCode
  ];
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } as unknown as Record<string, unknown> };
}

/** A domain refusal as the clicker sees it: 403 when they may not, 400 for anything else. */
export function refusal(error: Error): AdaptiveCardInvokeResponse {
  return errorResponse(isCaseError(error) && error.code === 'not_allowed' ? 403 : 400, error.message);
}
