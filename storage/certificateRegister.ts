import type { DocCollection, IndexSpec } from './collection';

/**
 * What may have to outlive a purged case: that a certificate was issued, its number, issue date
 * and case type (a Tribunal may ask). No names, no case id. Kept CERTIFICATE_REGISTER_MONTHS
 * after the issue date, then removed by the purge.
 */
export interface RegisterDoc {
  /** The certificate number. */
  _id: string;
  issueDate: string;
  caseType: string;
  registeredAt: string;
}

export const CERTIFICATE_REGISTER_COLLECTION = 'certificate_register';
export const certificateRegisterIndexes: readonly IndexSpec[] = [{ field: 'issueDate' }];

export class CertificateRegister {
  constructor(private readonly docs: DocCollection<RegisterDoc>) {}

  /** Registers a certificate; registering it again changes nothing. */
  async register(entry: Omit<RegisterDoc, 'registeredAt'>, now: Date): Promise<void> {
    await this.docs.insertOne({ ...entry, registeredAt: now.toISOString() });
  }

  async find(number: string): Promise<RegisterDoc | null> {
    return this.docs.findById(number);
  }

  /** Removes entries issued before `issuedBefore` (YYYY-MM-DD); returns how many. */
  async removeIssuedBefore(issuedBefore: string): Promise<number> {
    return this.docs.deleteMany({ issueDate: { $lt: issuedBefore } });
  }
}
