import pino from 'pino';
import type PinoPretty from 'pino-pretty';

export type Logger = pino.Logger;

/** JSON for machines (production, log collectors); one readable line per entry for a developer's terminal. */
export type LogFormat = 'json' | 'pretty';

const OPTIONS: pino.LoggerOptions = { base: { app: 'send-mediation-bot' }, redact: ['text', 'value', 'from.name'] };

/**
 * Structured logs. Callers log ids and kinds only (activity type, conversation type,
 * correlation id); never names, message text or card values: those are personal data.
 * `pretty` writes through pino-pretty in this process (no worker thread), synchronously, so a
 * line is on the terminal before the next start-up message.
 */
export function createLogger(level: pino.LevelWithSilent, format: LogFormat = 'json', destination?: NodeJS.WritableStream): Logger {
  if (format === 'pretty') {
    // Loaded only here: a production process (JSON logs) never needs its 31 modules.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pinoPretty = require('pino-pretty') as typeof PinoPretty;
    const stream = pinoPretty({ sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app', ...(destination ? { destination, colorize: false } : {}) });
    return pino({ ...OPTIONS, level }, stream);
  }
  return destination ? pino({ ...OPTIONS, level }, destination) : pino({ ...OPTIONS, level });
}

/**
 * LOG_FORMAT when set; otherwise pretty for a developer at a terminal (`npm start`, NODE_ENV's
 * default development) and JSON everywhere else: production, tests, and anything reading the
 * output through a pipe.
 */
export function logFormatFor(config: { readonly env: string; readonly logFormat?: LogFormat }, isTerminal = process.stdout.isTTY === true): LogFormat {
  return config.logFormat ?? (config.env === 'development' && isTerminal ? 'pretty' : 'json');
}
