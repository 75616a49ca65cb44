import { Writable } from 'node:stream';
import pino from 'pino';
import { startTestBot, type TestBot } from '../../helpers/testBot';
import { JOURNEY_ENV } from './people';

export interface LogEntry {
  readonly level: number;
  readonly msg: string;
  readonly err?: string;
  readonly [key: string]: unknown;
}

/**
 * startTestBot (test/helpers/testBot.ts) with the product's logger kept instead of silenced, so a
 * suite can show why a request failed and assert that nothing was logged at error level.
 */
export async function startLoggedBot(): Promise<TestBot & { readonly logs: LogEntry[] }> {
  const logs: LogEntry[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogEntry);
      done();
    },
  });
  const t = await startTestBot({ ...JOURNEY_ENV, LOG_LEVEL: 'warn' }, { log: pino({ level: 'warn' }, sink) });
  return Object.assign(t, { logs });
}

/** Error-level entries (pino level 50 and above). */
export const errorsIn = (logs: readonly LogEntry[]): LogEntry[] => logs.filter((l) => l.level >= 50);
