import { z } from 'zod';
import { CALENDAR_LINKS_KEPT, type CalendarLink } from '../domain/calendar';
import type { DocCollection, IndexSpec } from './collection';
import { parseStored } from './corruptDocument';

/** One document per link; the token's hash is the key, so the token itself is never stored. */
export interface CalendarLinkDoc {
  _id: string;
  caseId: string;
  holder: string;
  /** caseId|holder: one field to index with the link's time. */
  holderKey: string;
  createdAt: Date;
}

export const CALENDAR_LINKS_COLLECTION = 'calendar_links';

export const calendarLinkIndexes: readonly IndexSpec[] = [{ fields: ['holderKey', 'createdAt'] }, { field: 'caseId' }];

const CalendarLinkDocSchema = z.object({
  _id: z.string().regex(/^[0-9a-f]{64}$/),
  caseId: z.string().min(1),
  holder: z.string().min(1),
  holderKey: z.string().min(1),
  createdAt: z.date(),
});

const TOKEN_HASH = /^[0-9a-f]{64}$/;

function toLink(doc: CalendarLinkDoc): CalendarLink {
  const d = parseStored(CalendarLinkDocSchema, CALENDAR_LINKS_COLLECTION, String(doc._id), doc);
  return { tokenHash: d._id, caseId: d.caseId, holder: d.holder, createdAt: d.createdAt };
}

/** Calendar invitation links (domain/calendar/calendarLink.ts). */
export class CalendarLinkStore {
  constructor(private readonly docs: DocCollection<CalendarLinkDoc>) {}

  /** Stores a new link, then forgets the holder's oldest beyond the few kept. */
  async save(link: CalendarLink): Promise<void> {
    const key = `${link.caseId}|${link.holder}`;
    // 256 random bits: a clash means a broken random source, which must not pass quietly.
    if (!(await this.docs.insertOne({ _id: link.tokenHash, caseId: link.caseId, holder: link.holder, holderKey: key, createdAt: link.createdAt }))) {
      throw new Error('Calendar link clash: refusing to reuse a token');
    }
    const older = await this.docs.find({ holderKey: key }, { sort: { createdAt: -1 } });
    for (const doc of older.slice(CALENDAR_LINKS_KEPT)) await this.docs.deleteOne({ _id: doc._id });
  }

  /** The link whose token has this SHA-256, if it is still kept. Throws CorruptDocumentError. */
  async findByTokenHash(tokenHash: string): Promise<CalendarLink | null> {
    if (!TOKEN_HASH.test(tokenHash)) return null;
    const doc = await this.docs.findById(tokenHash);
    return doc ? toLink(doc) : null;
  }

  async countForCase(caseId: string): Promise<number> {
    return this.docs.count({ caseId });
  }
}
