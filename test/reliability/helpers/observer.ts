import type { ConnectorCall } from '../../helpers/fakeConnector';
import type { TestBot } from '../../helpers/testBot';
import { AUDIT_LOG_COLLECTION } from '../../../storage/auditLog';
import { diffSnapshots, storeSnapshot, type StoreSnapshot } from './storeSnapshot';

export interface Observed {
  /** Product collections that changed (bookkeeping and the audit log excluded, see storeSnapshot.ts). */
  readonly writes: string[];
  /** Entries added to the audit log: a read adds one, a refusal or a replay none. */
  readonly audited: string[];
  /** What the bot sent to Teams meanwhile: replies, proactive messages, card updates, new chats. */
  readonly calls: ConnectorCall[];
}

/** A mark in time: what the store held and how much the bot had sent. */
export class Observer {
  private constructor(private readonly t: TestBot, private readonly snapshot: StoreSnapshot, private readonly callCount: number) {}

  static async mark(t: TestBot): Promise<Observer> {
    await t.bot.app.deps.background.idle();
    return new Observer(t, await storeSnapshot(t.config.dataDir), t.connector.calls.length);
  }

  /** What happened since the mark, once background work has settled. */
  async since(): Promise<Observed> {
    await this.t.bot.app.deps.background.idle();
    const diff = diffSnapshots(this.snapshot, await storeSnapshot(this.t.config.dataDir));
    const isAudit = (line: string) => line.startsWith(`${AUDIT_LOG_COLLECTION}:`);
    return {
      writes: diff.filter((line) => !isAudit(line)),
      audited: diff.filter(isAudit),
      calls: this.t.connector.calls.slice(this.callCount),
    };
  }
}

export const describeCalls = (calls: readonly ConnectorCall[]): string[] => calls.map((c) => `${c.method} ${c.path}`);

/** The words a person sees in an answer (card texts, titles and messages), not the envelope around them. */
export function textsOf(v: unknown): string {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [k, val] of Object.entries(x as Record<string, unknown>)) {
        if ((k === 'text' || k === 'message' || k === 'title') && typeof val === 'string') out.push(val);
        else if (k !== 'recipient' && k !== 'from') walk(val);
      }
    }
  };
  walk(v);
  return out.join(' | ');
}
