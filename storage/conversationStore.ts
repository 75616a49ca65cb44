import { z } from 'zod';
import type { DocCollection, IndexSpec } from './collection';
import { parseStored } from './corruptDocument';

/**
 * What the bot needs to reach a conversation outside a turn (proactive sends):
 * ids and the service URL only. Display names are deliberately not kept.
 */
export const ConversationReferenceSchema = z.object({
  channelId: z.string(),
  serviceUrl: z.string(),
  conversation: z.object({
    id: z.string(),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  bot: z.object({ id: z.string() }),
  user: z.object({ id: z.string(), aadObjectId: z.string().optional() }).optional(),
  locale: z.string().optional(),
});
export type ConversationReference = z.infer<typeof ConversationReferenceSchema>;

export type ConversationScope = 'personal' | 'groupChat' | 'channel';

export interface ConversationRecord {
  _id: string;
  reference: ConversationReference;
  scope: ConversationScope;
  tenantId?: string;
  teamId?: string;
  channelId?: string;
  /** The user of a personal (1:1) chat, so later features can message a party directly. */
  userAadObjectId?: string;
  active: boolean;
  welcomedAt?: Date;
  updatedAt: Date;
}

export const CONVERSATIONS_COLLECTION = 'conversations';

export const conversationIndexes: readonly IndexSpec[] = [{ fields: ['userAadObjectId', 'scope'] }];

/** How stale `updatedAt` may get before an unchanged reference is written again anyway. */
const REFRESH_AFTER_MS = 60 * 60 * 1000;

function isUpToDate(stored: ConversationRecord, record: Omit<ConversationRecord, '_id' | 'active' | 'updatedAt' | 'welcomedAt'>, now: Date): boolean {
  if (!stored.active || !(stored.updatedAt instanceof Date) || now.getTime() - stored.updatedAt.getTime() >= REFRESH_AFTER_MS) return false;
  const current = stored as unknown as Record<string, unknown>;
  return Object.entries(record).every(([key, value]) => sameJson(current[key], value));
}

/** Deep equality of JSON-like values; a missing field and an undefined one are the same. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameJson(ra[k], rb[k])) return false;
  return true;
}

export class ConversationStore {
  constructor(private readonly docs: DocCollection<ConversationRecord>) {}

  /**
   * Called on every turn: the service URL can change, and a removed app may have been re-added.
   * Most turns change nothing, so an active record holding the same reference, written within
   * the last hour, is left alone: one read instead of a write (scripts/bench).
   */
  async upsert(record: Omit<ConversationRecord, '_id' | 'active' | 'updatedAt' | 'welcomedAt'>, now: Date): Promise<void> {
    const id = record.reference.conversation.id;
    const stored = await this.docs.findById(id);
    if (stored && isUpToDate(stored, record, now)) return;
    await this.docs.updateOne({ _id: id }, { ...record, active: true, updatedAt: now }, { upsert: true });
  }

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const doc = await this.docs.findById(conversationId);
    if (!doc) return null;
    // Stored references feed proactive sends; a malformed one must fail here, not in the connector.
    return { ...doc, reference: parseStored(ConversationReferenceSchema, CONVERSATIONS_COLLECTION, conversationId, doc.reference) };
  }

  /** A person's 1:1 chat references as stored (for a subject access export). */
  async listPersonal(userAadObjectId: string): Promise<ConversationRecord[]> {
    return this.docs.find({ userAadObjectId, scope: 'personal' });
  }

  /** Forgets a person's 1:1 chat reference (the purge, once they are in no other live case); returns how many. */
  async removePersonal(userAadObjectId: string): Promise<number> {
    // Stored as Teams gives the id; a purge must find it whatever its case.
    return (await this.docs.deleteMany({ userAadObjectId, scope: 'personal' })) + (await this.docs.deleteMany({ userAadObjectId: userAadObjectId.toLowerCase(), scope: 'personal' }));
  }

  async findPersonalChat(userAadObjectId: string): Promise<ConversationRecord | null> {
    const doc = await this.docs.findOne({ userAadObjectId, scope: 'personal' });
    return doc ? this.get(doc._id) : null;
  }

  /**
   * Atomically claims the right to welcome a conversation: Teams sends both an
   * installationUpdate and a conversationUpdate on install, sometimes twice.
   */
  async claimWelcome(conversationId: string, now: Date): Promise<boolean> {
    const n = await this.docs.updateOne({ _id: conversationId, welcomedAt: { $exists: false } }, { welcomedAt: now });
    return n === 1;
  }

  async markInactive(conversationId: string, now: Date): Promise<void> {
    await this.docs.updateOne({ _id: conversationId }, { active: false, updatedAt: now });
  }
}
