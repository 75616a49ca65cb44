import {
  CertificateFactsSchema,
  CertificateSchema,
  certificateNumber,
  certificateYear,
  sequenceScope,
  type Certificate,
  type CertificateFacts,
  type CertificateIssue,
} from '../domain/certificate';
import type { DocCollection, IndexSpec } from './collection';
import { parseEach, parseStored, type OnCorruptDocument } from './corruptDocument';
import { backoff, updateOptimistically } from './optimistic';

/**
 * Issued certificates, one document per issue (a re-issue is a new document, so every
 * version stays on file). Three keys keep them straight without transactions:
 * - `numberKey` (provider|number), unique: no two certificates of a provider share a number;
 * - `variantKey` (case|variant|issue number), unique: a double click cannot issue the same
 *   certificate twice, the loser finds the winner's;
 * - `accessTokenHashes`: the printable page is found by the hash of the token in its address.
 */
export interface CertificateDoc extends Certificate {
  /** The certificateId. */
  _id: string;
  numberKey: string;
  variantKey: string;
  /** provider|year: what the sequence counts within. */
  sequenceScope: string;
}

export const CERTIFICATES_COLLECTION = 'certificates';

export const certificateIndexes: readonly IndexSpec[] = [
  { fields: ['caseId', 'issuedAt'] },
  { field: 'numberKey', unique: true },
  { field: 'variantKey', unique: true },
  // The last number issued in a provider's year: the next is one more.
  { fields: ['sequenceScope', 'sequence'] },
  { field: 'accessTokenHashes', array: true },
  // The service view's periods: certificates issued (the case id last: the index alone answers which cases).
  { fields: ['issueDate', 'caseId'] },
];

/** Enough for a provider's whole team issuing in the same second; each round has one winner. */
export const MAX_CERTIFICATE_ATTEMPTS = 60;

export type CertificateIssueResult =
  /** The token is returned this once: only its hash is stored. */
  | { readonly status: 'created'; readonly certificate: Certificate; readonly accessToken: string }
  | { readonly status: 'existing'; readonly certificate: Certificate }
  | { readonly status: 'rejected'; readonly error: Error }
  | { readonly status: 'conflict' };

export type CertificateUpdateResult =
  | { readonly status: 'updated'; readonly certificate: Certificate }
  | { readonly status: 'unchanged'; readonly certificate: Certificate }
  | { readonly status: 'rejected'; readonly error: Error; readonly certificate: Certificate }
  | { readonly status: 'not_found' }
  | { readonly status: 'conflict' };

/** prepareCertificate, given what the case already has. */
export type CertificateBuilder = (existing: readonly Certificate[]) => CertificateIssue | Error;

export function numberKey(providerKey: string, number: string): string {
  return `${providerKey}|${number}`;
}

export function variantKey(caseId: string, variant: string, issueNumber: number): string {
  return `${caseId}|${variant}|${issueNumber}`;
}

function toDoc(cert: Certificate): CertificateDoc {
  return {
    ...cert,
    _id: cert.certificateId,
    numberKey: numberKey(cert.providerKey, cert.number),
    variantKey: variantKey(cert.caseId, cert.variant, cert.issueNumber),
    sequenceScope: sequenceScope(cert.providerKey, certificateYear(cert.issueDate)),
  };
}

/** The fields CertificateFacts reads. */
const FACT_FIELDS = Object.keys(CertificateFactsSchema.shape) as (keyof CertificateFacts)[];

function fromDoc(doc: CertificateDoc): Certificate {
  return parseStored(CertificateSchema, CERTIFICATES_COLLECTION, String(doc._id), doc);
}

/** What an update may not touch: the certificate's identity, number and issue. */
const FIXED_FIELDS: readonly (keyof Certificate)[] = ['certificateId', 'caseId', 'providerKey', 'number', 'sequence', 'variant', 'issueNumber', 'issueDate'];

export class CertificateStore {
  constructor(
    private readonly docs: DocCollection<CertificateDoc>,
    private readonly onCorrupt: OnCorruptDocument = () => {},
  ) {}

  /**
   * Issues a certificate: reads the case's certificates, asks `build` for the certificate
   * (or the existing one), gives it the next number of its provider and year, and inserts
   * it. A number or a variant slot taken by a racing issue sends it round again: the next
   * number, or the winner's certificate.
   */
  async issue(caseId: string, build: CertificateBuilder): Promise<CertificateIssueResult> {
    for (let attempt = 1; attempt <= MAX_CERTIFICATE_ATTEMPTS; attempt++) {
      const existing = await this.listForCase(caseId);
      const result = build(existing);
      if (result instanceof Error) return { status: 'rejected', error: result };
      if (result.kind === 'existing') return { status: 'existing', certificate: result.certificate };
      const draft = result.certificate;
      if (draft.caseId !== caseId) return { status: 'rejected', error: new Error('A certificate must be issued in its own case.') };
      const year = certificateYear(draft.issueDate);
      const [last] = await this.docs.find({ sequenceScope: sequenceScope(draft.providerKey, year) }, { sort: { sequence: -1 }, limit: 1 });
      const sequence = (typeof last?.sequence === 'number' ? last.sequence : 0) + 1;
      const certificate = CertificateSchema.parse({ ...draft, number: certificateNumber(year, sequence), sequence });
      if (await this.docs.insertOne(toDoc(certificate))) return { status: 'created', certificate, accessToken: result.accessToken };
      await backoff(attempt);
    }
    return { status: 'conflict' };
  }

  /** The certificate, if it belongs to that case. Throws CorruptDocumentError. */
  async get(caseId: string, certificateId: string): Promise<Certificate | null> {
    const doc = await this.docs.findById(certificateId);
    if (!doc) return null;
    const cert = fromDoc(doc);
    return cert.caseId === caseId ? cert : null;
  }

  /** Every certificate of the case, by variant then issue; a corrupt one is reported and left out. */
  async listForCase(caseId: string): Promise<Certificate[]> {
    const docs = await this.docs.find({ caseId }, { sort: { issuedAt: 1 } });
    return parseEach(docs, fromDoc, this.onCorrupt);
  }

  /** The cases with a certificate issued between two dates (both included); the certificates are read by case afterwards. */
  async caseIdsIssuedBetween(from: string, to: string): Promise<string[]> {
    const ids = await this.docs.distinct('caseId', { issueDate: { $gte: from, $lte: to } });
    return ids.filter((id): id is string => typeof id === 'string');
  }

  /** What the service view counts of every certificate of these cases: a projection, not the whole text. */
  async listFactsForCases(caseIds: readonly string[]): Promise<CertificateFacts[]> {
    if (caseIds.length === 0) return [];
    const docs = await this.docs.findFields({ caseId: { $in: [...caseIds] } }, FACT_FIELDS);
    return parseEach(docs, (doc) => parseStored(CertificateFactsSchema, CERTIFICATES_COLLECTION, String(doc._id), doc), this.onCorrupt);
  }

  /** By the number printed on it, within a provider. Throws CorruptDocumentError. */
  async findByNumber(providerKey: string, number: string): Promise<Certificate | null> {
    const doc = await this.docs.findOne({ numberKey: numberKey(providerKey, number) });
    return doc ? fromDoc(doc) : null;
  }

  /**
   * The certificate whose printable page a link opens, by the SHA-256 of the link's token.
   * The caller still checks the token itself with verifyCertificateToken (constant time).
   */
  async findByTokenHash(tokenHash: string): Promise<Certificate | null> {
    if (!/^[0-9a-f]{64}$/.test(tokenHash)) return null;
    const doc = await this.docs.findOne({ accessTokenHashes: tokenHash });
    return doc ? fromDoc(doc) : null;
  }

  /** Version-conditional change (renewAccessToken). Identity, number and issue cannot change. */
  async update(caseId: string, certificateId: string, mutate: (c: Certificate) => Certificate | Error): Promise<CertificateUpdateResult> {
    const r = await updateOptimistically<Certificate>({
      attempts: MAX_CERTIFICATE_ATTEMPTS,
      read: () => this.get(caseId, certificateId),
      mutate,
      identityProblem: (next, current) =>
        FIXED_FIELDS.some((k) => next[k] !== current[k]) ? 'A certificate update cannot change its identity, number or issue.' : undefined,
      finish: (next, current) => CertificateSchema.parse({ ...next, version: current.version + 1 }),
      write: async (next, current) => (await this.docs.replaceOne({ _id: certificateId, version: current.version }, toDoc(next))) === 1,
    });
    switch (r.status) {
      case 'not_found':
      case 'conflict':
        return r;
      case 'rejected':
        return { status: 'rejected', error: r.error, certificate: r.value };
      default:
        return { status: r.status, certificate: r.value };
    }
  }
}
