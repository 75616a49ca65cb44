import type { ConnectorCall } from '../../helpers/fakeConnector';
import type { TestBot } from '../../helpers/testBot';
import { diffSnapshots, storeSnapshot, type StoreSnapshot } from './storeSnapshot';

export interface Observed {
  /** Product collections that changed (bookkeeping excluded, see storeSnapshot.ts). */
  readonly writes: string[];
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
    return {
      writes: diffSnapshots(this.snapshot, await storeSnapshot(this.t.config.dataDir)),
      calls: this.t.connector.calls.slice(this.callCount),
    };
  }
}

export const describeCalls = (calls: readonly ConnectorCall[]): string[] => calls.map((c) => `${c.method} ${c.path}`);
