import { addParty, type Case, type NewCaseFormValues } from '../../domain/cases';
import { prepareCertificate, type Certificate, type CertificateRequest, type UnnumberedCertificate } from '../../domain/certificate';
import type { Meeting } from '../../domain/meeting';
import { ADVOCATE, LEAD, NOW, OFFICER, PARENT, closedMeeting, makeCase, ok } from './outcomeFixtures';

/** Worked example A1 (docs/rules.md#worked-examples): decision notice Wed 1 Oct 2025, mediation Wed 12 Nov 2025. */
export const A1_FORM: NewCaseFormValues = {
  caseReference: 'SM-2025/101',
  caseType: 'M-ASSESS',
  decisionNoticeSent: '2025-10-01',
  laInformed: '2025-10-15',
  meetingDate: '2025-11-12',
  meetingTime: '10:00',
};
export const A1_START = new Date('2025-11-12T10:00:00Z');
export const A1_CLOSE = new Date('2025-11-12T12:00:00Z');
/** Fri 28 Nov 2025, 10:00 in London. */
export const A1_ISSUE = new Date('2025-11-28T10:00:00Z');

export const ISSUER = { name: 'Morgan Mediator', role: 'mediator' } as const;
export const ADVISER = { name: 'Morgan Mediator', role: 'adviser' } as const;
export const PROVIDER_NAME = 'Example Mediation Service';

export function certCase(form: NewCaseFormValues = {}): Case {
  let c = makeCase({ ...A1_FORM, ...form });
  c = ok(addParty(c, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW));
  c = ok(addParty(c, { role: 'advocate', ...ADVOCATE, how: 'roster' }, LEAD.aadObjectId, NOW));
  c = ok(addParty(c, { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW));
  return c;
}

export function a1Meeting(c: Case, outcome: 'full' | 'partial' | 'none' = 'none'): Meeting {
  return closedMeeting(c, { start: A1_START, closeAt: A1_CLOSE, decision: { outcome } });
}

export function afterMediation(meeting: Meeting, over: Partial<CertificateRequest> = {}): CertificateRequest {
  return { variant: 'after_mediation', issuer: ISSUER, providerName: PROVIDER_NAME, meeting, ...over };
}

/** A new certificate, numbered as storage would number it. */
export function issued(c: Case, request: CertificateRequest, now: Date = A1_ISSUE, existing: readonly Certificate[] = [], sequence = 123): { cert: Certificate; token: string } {
  const r = ok(prepareCertificate(c, existing, LEAD.aadObjectId, request, now));
  if (r.kind !== 'new') throw new Error('expected a new certificate');
  return { cert: numbered(r.certificate, sequence), token: r.accessToken };
}

export function numbered(draft: UnnumberedCertificate, sequence: number): Certificate {
  return { ...draft, number: `SM-CERT-${draft.issueDate.slice(0, 4)}-${String(sequence).padStart(6, '0')}`, sequence };
}
