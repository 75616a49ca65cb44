import { z } from 'zod';
import { NO_MEDIATION_REASONS } from './certificateVariant';
import { CASE_TYPE_CODES } from '../caseTypes';
import { ID_PATTERN } from '../cases';
import { ISSUE_TITLE_MAX } from '../outcome';
import { isIsoDate, RULE_IDS } from '../timescales';
import { ACCESS_TOKENS_MAX, TOKEN_HASH_PATTERN } from './accessToken';
import { CERTIFICATE_NUMBER_PATTERN } from './certificateNumber';
import { CERTIFICATE_VARIANTS, ISSUER_ROLES } from './certificateVariant';

/**
 * One issued mediation certificate (docs/rules.md#mediation-certificate). Each issue is its own record: a
 * re-issue is a new record with the next `issueNumber` that names the one it replaces, so
 * every version stays on file. Storage validates every document it reads against this.
 *
 * The child is named by initials only, never by full name (docs/rules.md#what-the-product-never-records data minimisation);
 * the parent or young person is named, because the certificate is theirs to use.
 */
const instant = z.iso.datetime();
const isoDate = z.string().refine((v) => isIsoDate(v), { error: 'not a YYYY-MM-DD date' });

export const HOLDERS_MAX = 6;
export const MEDIATION_ISSUES_MAX = 100;
export const ISSUER_NAME_MAX = 200;
export const PROVIDER_NAME_MAX = 200;

export const APPEAL_KINDS = ['certificate_needed', 'no_certificate_needed', 'not_appealable'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const CertificateAppealSchema = z.object({
  kind: z.enum(APPEAL_KINDS),
  /** T17 as a guide: absent when it cannot be worked out (`problem`) or there is no appeal. */
  appealBy: isoDate.optional(),
  decisionLimit: isoDate.optional(),
  certificateLimit: isoDate.optional(),
  adjustment: z.enum(['none', 'august', 'christmas', 'nonWorkingDay']).optional(),
  /** The later date another reading of the Tribunal's r.12 gives, named beside the date shown. */
  laterReading: isoDate.optional(),
  /** Why no appeal date is given, in words for the family. */
  problem: z.string().min(1).max(400).optional(),
});
export type CertificateAppeal = z.infer<typeof CertificateAppealSchema>;

/** The fields; CertificateSchema adds the rules between them. */
const CertificateFields = z.object({
  certificateId: z.string().regex(ID_PATTERN),
  caseId: z.string().min(1),
  providerKey: z.string().min(1),
  caseReference: z.string().min(1).max(100),
  variant: z.enum(CERTIFICATE_VARIANTS),
  /** 1 for the first certificate of this variant in the case; one more for each re-issue. */
  issueNumber: z.number().int().min(1),
  /** The certificate this one replaces (a re-issue). */
  replaces: z.object({ certificateId: z.string().regex(ID_PATTERN), number: z.string().regex(CERTIFICATE_NUMBER_PATTERN) }).optional(),
  number: z.string().regex(CERTIFICATE_NUMBER_PATTERN),
  sequence: z.number().int().min(1),
  /** Europe/London date of issue: T17 starts here. */
  issueDate: isoDate,
  /** The first issue of this variant; the appeal date counts from it, so a re-issue never lengthens it. */
  originalIssueDate: isoDate,
  issuedAt: instant,
  issuedBy: z.string().min(1).max(100),
  issuer: z.object({ name: z.string().min(1).max(ISSUER_NAME_MAX), role: z.enum(ISSUER_ROLES) }),
  providerName: z.string().min(1).max(PROVIDER_NAME_MAX),
  /** The parent(s) or young person: whoever holds the right of appeal. */
  holders: z.array(z.string().min(1).max(256)).min(1).max(HOLDERS_MAX),
  isYoungPerson: z.boolean(),
  childInitials: z.string().min(1).max(10),
  localAuthority: z.string().min(1).max(200),
  caseType: z.enum(CASE_TYPE_CODES),
  caseTypeLabel: z.string().min(1).max(200),
  decisionNoticeSent: isoDate.optional(),
  mediationIssues: z.array(z.string().min(1).max(ISSUE_TITLE_MAX)).min(1).max(MEDIATION_ISSUES_MAX),
  /** after_mediation: the session dates and how many issues were resolved. */
  mediation: z.object({ dates: z.array(isoDate).min(1).max(20), resolved: z.enum(['all', 'some', 'none']) }).optional(),
  /** cannot_arrange: when the LA was told mediation was wanted, and when it said 30 days could not be met. */
  cannotArrange: z.object({ laInformed: isoDate, cannotMeetOn: isoDate }).optional(),
  /** no_mediation: when the adviser was told mediation was not wanted, and how the family came not to mediate: declined, withdrew, or did not pursue it (absent on older certificates: declined). */
  noMediation: z.object({ toldOn: isoDate, how: z.enum(NO_MEDIATION_REASONS).optional() }).optional(),
  /** The 3-working-day clock: which rule, from when, due when. */
  due: z.object({ rule: z.enum(RULE_IDS), trigger: isoDate, due: isoDate }),
  appeal: CertificateAppealSchema,
  /** Flagged for M-HEALTH and M-SOCIAL: these decisions cannot be appealed alone [U]. */
  notNeededForAppeal: z.boolean(),
  accessTokenHashes: z.array(z.string().regex(TOKEN_HASH_PATTERN)).min(1).max(ACCESS_TOKENS_MAX),
  /** Incremented by every stored change; writes are conditional on it. */
  version: z.number().int().min(1),
  updatedAt: instant,
});

export const CertificateSchema = CertificateFields
  .refine((c) => (c.variant === 'after_mediation') === (c.mediation !== undefined), { error: 'mediation details go with a certificate after mediation', path: ['mediation'] })
  .refine((c) => (c.variant === 'cannot_arrange') === (c.cannotArrange !== undefined), { error: 'the 30-day dates go with a cannot-arrange certificate', path: ['cannotArrange'] })
  .refine((c) => (c.variant === 'no_mediation') === (c.noMediation !== undefined), { error: 'the date mediation was declined goes with a no-mediation certificate', path: ['noMediation'] })
  .refine((c) => (c.issueNumber === 1) === (c.replaces === undefined), { error: 'a re-issue names the certificate it replaces', path: ['replaces'] });
export type Certificate = z.infer<typeof CertificateSchema>;

/** What the service view counts of a certificate (domain/service): read without the rest. */
export const CertificateFactsSchema = CertificateFields.pick({ certificateId: true, caseId: true, variant: true, issueNumber: true, issueDate: true, originalIssueDate: true, issuedAt: true, due: true });
export type CertificateFacts = z.infer<typeof CertificateFactsSchema>;

/** A certificate before storage gives it a number. */
export type UnnumberedCertificate = Omit<Certificate, 'number' | 'sequence'>;
