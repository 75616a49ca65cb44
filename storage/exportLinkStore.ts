import type { DocCollection, IndexSpec } from './collection';

/**
 * One-time export links: only the SHA-256 of the 256-bit token is stored, with what it opens. A
 * link works once (taking it deletes it) and for EXPORT_LINK_HOURS; the export itself is built when
 * the link is opened, so no copy of the records waits in the store.
 */
export interface ExportLinkDoc {
  /** SHA-256 of the token, hex. */
  _id: string;
  /** What the link opens: a case's records, or (personId) everything about one person. */
  caseId?: string;
  personId?: string;
  format: 'html' | 'json';
  createdBy: string;
  expiresAt: Date;
}

export const EXPORT_LINKS_COLLECTION = 'export_links';
export const EXPORT_LINK_HOURS = 24;
/** Expired links are removed by the store itself. */
export const exportLinkIndexes: readonly IndexSpec[] = [{ field: 'caseId' }, { field: 'expiresAt', expireAfterSeconds: 0 }];

export class ExportLinkStore {
  constructor(private readonly docs: DocCollection<ExportLinkDoc>) {}

  async create(link: ExportLinkDoc): Promise<void> {
    await this.docs.insertOne(link);
  }

  /** The link, if it exists and has not expired; it can never be taken again (two racing opens: one wins). */
  async take(tokenHash: string, now: Date): Promise<ExportLinkDoc | null> {
    const doc = await this.docs.findById(tokenHash);
    if (!doc || (await this.docs.deleteOne({ _id: tokenHash })) !== 1) return null;
    return new Date(doc.expiresAt).getTime() > now.getTime() ? doc : null;
  }
}
