/**
 * A refusal the person can understand and act on (not a bug). Pure case mutations return
 * one instead of a new case; the message is written to be shown as it is.
 */
export type CaseErrorCode =
  | 'not_allowed'
  | 'not_found'
  | 'already_member'
  | 'is_mediator'
  | 'not_on_allowlist'
  | 'invalid_transition'
  | 'invalid_input'
  | 'lead_mediator';

export class CaseError extends Error {
  override readonly name = 'CaseError';
  constructor(
    readonly code: CaseErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isCaseError(value: unknown): value is CaseError {
  return value instanceof CaseError;
}
