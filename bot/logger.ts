import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Callers log ids and kinds only (activity type, conversation type,
 * correlation id); never names, message text or card values: those are personal data.
 */
export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({ level, base: { app: 'send-mediation-bot' }, redact: ['text', 'value', 'from.name'] });
}
