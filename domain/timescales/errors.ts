/**
 * Every failure the timescale engine reports on purpose. The message is written for the
 * person who typed the input (a mediator, an adviser, an LA officer), so callers can show
 * it as it is; `code` lets a caller react without parsing the text.
 */
export type TimescaleErrorCode =
  | 'INVALID_DATE'
  | 'UNKNOWN_RULE'
  | 'WRONG_DATE_COUNT'
  | 'OUT_OF_RANGE'
  | 'INVALID_CALENDAR'
  | 'INVALID_INPUT';

export class TimescaleError extends Error {
  readonly code: TimescaleErrorCode;

  constructor(code: TimescaleErrorCode, message: string) {
    super(message);
    this.name = 'TimescaleError';
    this.code = code;
  }
}

export function isTimescaleError(value: unknown): value is TimescaleError {
  return value instanceof TimescaleError;
}
