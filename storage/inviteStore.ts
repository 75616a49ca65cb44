import { z } from 'zod';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../domain/cases';
import type { Invite, InvitePort } from '../domain/invites';
import type { DocCollection, IndexSpec } from './collection';
import { parseStored } from './corruptDocument';

export interface InviteDoc {
  /** SHA-256 of the normalised code: the code itself is never stored. */
  _id: string;
  caseId: string;
  role: ParticipantRole;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt?: Date;
  usedBy?: string;
}

export const INVITES_COLLECTION = 'invites';

/** Removed 30 days after expiry: long enough to answer "expired" rather than "unknown" for a while. */
export const INVITE_RETENTION_AFTER_EXPIRY_SECONDS = 30 * 24 * 60 * 60;

export const inviteIndexes: readonly IndexSpec[] = [
  { field: 'caseId' },
  { field: 'expiresAt', expireAfterSeconds: INVITE_RETENTION_AFTER_EXPIRY_SECONDS },
];

const InviteDocSchema = z.object({
  _id: z.string().min(1),
  caseId: z.string().min(1),
  role: z.enum(PARTICIPANT_ROLES as [ParticipantRole, ...ParticipantRole[]]),
  createdBy: z.string().min(1),
  createdAt: z.date(),
  expiresAt: z.date(),
  usedAt: z.date().optional(),
  usedBy: z.string().min(1).optional(),
});

function toInvite(doc: InviteDoc): Invite {
  const d = parseStored(InviteDocSchema, INVITES_COLLECTION, String(doc._id), doc);
  return {
    codeHash: d._id,
    caseId: d.caseId,
    role: d.role,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    expiresAt: d.expiresAt,
    ...(d.usedAt ? { usedAt: d.usedAt } : {}),
    ...(d.usedBy ? { usedBy: d.usedBy } : {}),
  };
}

export class InviteStore implements InvitePort {
  constructor(private readonly docs: DocCollection<InviteDoc>) {}

  async save(invite: Invite): Promise<void> {
    const { codeHash, ...rest } = invite;
    // 80 random bits: a clash means a broken random source, which must not pass quietly.
    if (!(await this.docs.insertOne({ _id: codeHash, ...rest }))) throw new Error('Invitation code clash: refusing to reuse a code');
  }

  async find(codeHash: string): Promise<Invite | null> {
    const doc = await this.docs.findById(codeHash);
    return doc ? toInvite(doc) : null;
  }

  /** Single use, atomically: the filter only matches an unused, unexpired invite. */
  async claim(codeHash: string, usedBy: string, now: Date): Promise<boolean> {
    const n = await this.docs.updateOne(
      { _id: codeHash, usedAt: { $exists: false }, expiresAt: { $gt: now } },
      { usedAt: now, usedBy },
    );
    return n === 1;
  }
}
