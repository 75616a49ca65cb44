import { CASE_TYPE_CODES, CASE_TYPES } from '../../domain/caseTypes';
import {
  ACCESS_TOKEN_PATTERN,
  ACCESS_TOKENS_MAX,
  CertificateSchema,
  certificateDue,
  certificateNumber,
  certificateTimeliness,
  currentCertificate,
  prepareCertificate,
  renewAccessToken,
  validateCertificateSubmission,
  verifyCertificateToken,
  type Certificate,
} from '../../domain/certificate';
import { draftOf, publishable } from './outcomeFixtures';
import { LEAD, PARENT, STRANGER, ok, seqRandom } from './outcomeFixtures';
import { A1_ISSUE, ADVISER, PROVIDER_NAME, a1Meeting, afterMediation, certCase, issued } from './certificateFixtures';

describe('certificate after mediation (s.55(5), T7)', () => {
  const c = certCase();
  const meeting = a1Meeting(c);
  const { cert, token } = issued(c, afterMediation(meeting));

  it('has the fields of docs/rules.md#mediation-certificate', () => {
    expect(CertificateSchema.parse(cert)).toEqual(cert);
    expect(cert).toMatchObject({
      caseId: c.id,
      providerKey: c.providerKey,
      caseReference: 'SM-2025/101',
      variant: 'after_mediation',
      issueNumber: 1,
      number: 'SM-CERT-2025-000123',
      issueDate: '2025-11-28',
      originalIssueDate: '2025-11-28',
      issuedAt: A1_ISSUE.toISOString(),
      issuedBy: LEAD.aadObjectId,
      issuer: { name: 'Morgan Mediator', role: 'mediator' },
      providerName: PROVIDER_NAME,
      holders: ['Pat Parent'],
      isYoungPerson: false,
      childInitials: 'JS',
      localAuthority: 'Surrey County Council',
      caseType: 'M-ASSESS',
      caseTypeLabel: 'Refusal to carry out an EHC needs assessment',
      decisionNoticeSent: '2025-10-01',
      mediationIssues: ["The local authority's decision: Refusal to carry out an EHC needs assessment"],
      mediation: { dates: ['2025-11-12'], resolved: 'none' },
      due: { rule: 'CERT_AFTER_MEDIATION', trigger: '2025-11-12', due: '2025-11-17' },
      notNeededForAppeal: false,
    });
    expect(cert.cannotArrange).toBeUndefined();
    expect(cert.noMediation).toBeUndefined();
  });

  it('gives the appeal-by date of worked example A1: Fri 2 Jan 2026', () => {
    expect(cert.appeal).toEqual({
      kind: 'certificate_needed',
      appealBy: '2026-01-02',
      decisionLimit: '2025-12-01',
      certificateLimit: '2025-12-28',
      adjustment: 'christmas',
    });
  });

  it('stores only the hash of a 256-bit URL-safe token', () => {
    expect(token).toMatch(ACCESS_TOKEN_PATTERN);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(JSON.stringify(cert)).not.toContain(token);
    expect(cert.accessTokenHashes).toHaveLength(1);
    expect(verifyCertificateToken(cert, token)).toBe(true);
  });

  it('says whether all, some or none of the issues were resolved, from the published results', () => {
    const full = a1Meeting(c, 'full');
    expect(issued(c, afterMediation(full)).cert.mediation?.resolved).toBe('all');
    const partial = a1Meeting(c, 'partial');
    expect(issued(c, afterMediation(partial)).cert.mediation?.resolved).toBe('some');
    const content = publishable(draftOf(c, partial), { issue_decision: 'resolved' });
    expect(issued(c, afterMediation(partial, { issues: content.issues })).cert.mediation?.resolved).toBe('all');
  });

  it('was due 3 working days after the mediation: issued on 28 Nov it is late', () => {
    expect(certificateTimeliness(cert.due.due, cert.issueDate)).toEqual({ status: 'late', days: 11, text: 'Issued 11 days after its due date (Mon 17 Nov 2025).' });
    expect(certificateTimeliness('2025-11-17', '2025-11-17')).toEqual({ status: 'met', days: 0, text: 'Issued on its due date (Mon 17 Nov 2025).' });
    expect(certificateTimeliness('2025-11-17', '2025-11-14')).toMatchObject({ status: 'met', days: 3 });
    expect(certificateTimeliness('2025-11-17', '2025-11-18')).toMatchObject({ status: 'late', days: 1, text: expect.stringMatching(/^Issued 1 day after/) });
  });

  it('needs a concluded meeting of the case', () => {
    expect(prepareCertificate(c, [], LEAD.aadObjectId, afterMediation(meeting, { meeting: undefined }), A1_ISSUE)).toMatchObject({ code: 'invalid_transition' });
    const adjourned = { ...meeting, close: { ...meeting.close!, outcome: 'adjourned' as const, nextDate: '2025-12-01' } };
    expect(prepareCertificate(c, [], LEAD.aadObjectId, afterMediation(adjourned), A1_ISSUE)).toMatchObject({ code: 'invalid_transition' });
  });
});

describe('issuing: who, which kind, and issuing again', () => {
  const c = certCase();
  const meeting = a1Meeting(c);

  it('is for the case\'s mediators only, with the issuer role that fits the kind', () => {
    expect(prepareCertificate(c, [], PARENT.aadObjectId, afterMediation(meeting), A1_ISSUE)).toMatchObject({ code: 'not_allowed' });
    expect(prepareCertificate(c, [], STRANGER.aadObjectId, afterMediation(meeting), A1_ISSUE)).toMatchObject({ code: 'not_allowed' });
    expect(prepareCertificate(c, [], LEAD.aadObjectId, afterMediation(meeting, { issuer: ADVISER }), A1_ISSUE)).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/issued by the mediator/),
    });
    expect(prepareCertificate(c, [], LEAD.aadObjectId, afterMediation(meeting, { providerName: ' ' }), A1_ISSUE)).toMatchObject({ code: 'invalid_input' });
  });

  it('needs the parent or young person in the case', () => {
    const noFamily = { ...c, parties: c.parties.filter((p) => p.role !== 'parent_carer') };
    expect(prepareCertificate(noFamily, [], LEAD.aadObjectId, afterMediation(meeting), A1_ISSUE)).toMatchObject({
      message: expect.stringMatching(/Add the parent or young person/),
    });
  });

  it('returns the existing certificate of that kind; re-issuing keeps the old one and the first issue date', () => {
    const first = issued(c, afterMediation(meeting)).cert;
    const again = prepareCertificate(c, [first], LEAD.aadObjectId, afterMediation(meeting), new Date('2025-12-01T10:00:00Z'));
    expect(again).toEqual({ kind: 'existing', certificate: first });
    const later = new Date('2025-12-15T10:00:00Z');
    const second = issued(c, afterMediation(meeting, { reissue: true }), later, [first], 124).cert;
    expect(second).toMatchObject({
      issueNumber: 2,
      replaces: { certificateId: first.certificateId, number: first.number },
      issueDate: '2025-12-15',
      originalIssueDate: '2025-11-28',
      appeal: { appealBy: '2026-01-02' },
    });
    expect(second.certificateId).not.toBe(first.certificateId);
    expect(currentCertificate([first, second], c.id, 'after_mediation')).toBe(second);
    expect(currentCertificate([first, second], c.id, 'no_mediation')).toBeUndefined();
  });

  it('refuses DRS cases with a clear message', () => {
    for (const code of CASE_TYPE_CODES.filter((x) => CASE_TYPES[x].isDrs)) {
      const drs = { ...c, caseType: code };
      expect(prepareCertificate(drs, [], LEAD.aadObjectId, afterMediation(meeting), A1_ISSUE)).toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/disagreement resolution \(DRS\)\. DRS has no mediation certificate/),
      });
    }
  });
});

describe('certificate when the family chose not to mediate (s.55(4), T2)', () => {
  it('is issued by the adviser, due 3 working days after they were told (E1: Fri 19 Dec 2025 → Wed 24 Dec 2025)', () => {
    const c = certCase();
    const now = new Date('2025-12-22T11:00:00Z');
    const { cert } = issued(c, { variant: 'no_mediation', issuer: ADVISER, providerName: PROVIDER_NAME, noMediationOn: '2025-12-19' }, now);
    expect(cert).toMatchObject({
      variant: 'no_mediation',
      issuer: { role: 'adviser' },
      noMediation: { toldOn: '2025-12-19' },
      due: { rule: 'CERT_NO_MEDIATION', trigger: '2025-12-19', due: '2025-12-24' },
      mediationIssues: ["The local authority's decision: Refusal to carry out an EHC needs assessment"],
    });
    expect(cert.mediation).toBeUndefined();
    expect(CertificateSchema.parse(cert)).toEqual(cert);
  });

  it('needs the date, not in the future, and takes the issues the family raised', () => {
    const c = certCase();
    const base = { variant: 'no_mediation', issuer: ADVISER, providerName: PROVIDER_NAME } as const;
    expect(prepareCertificate(c, [], LEAD.aadObjectId, base, A1_ISSUE)).toMatchObject({ message: 'Enter the date the family said they did not want mediation.' });
    expect(prepareCertificate(c, [], LEAD.aadObjectId, { ...base, noMediationOn: '2025-12-01' }, A1_ISSUE)).toMatchObject({ message: expect.stringMatching(/cannot be after today/) });
    const { cert } = issued(c, { ...base, noMediationOn: '2025-11-20', mediationIssues: [' Section F: therapy ', 'Section I: school', ''] });
    expect(cert.mediationIssues).toEqual(['Section F: therapy', 'Section I: school']);
  });
});

describe('certificate when mediation could not be arranged within 30 days (T6)', () => {
  it('records when the LA was told and when it said it could not meet 30 days', () => {
    const c = certCase();
    const { cert } = issued(c, { variant: 'cannot_arrange', issuer: ADVISER, providerName: PROVIDER_NAME, cannotMeetOn: '2025-11-10' });
    expect(cert).toMatchObject({
      variant: 'cannot_arrange',
      cannotArrange: { laInformed: '2025-10-15', cannotMeetOn: '2025-11-10' },
      due: { rule: 'CERT_CANNOT_ARRANGE', trigger: '2025-11-10', due: '2025-11-13' },
    });
  });

  it('needs the dates in order', () => {
    const c = certCase();
    const base = { variant: 'cannot_arrange', issuer: ADVISER, providerName: PROVIDER_NAME } as const;
    expect(prepareCertificate(c, [], LEAD.aadObjectId, base, A1_ISSUE)).toMatchObject({ message: expect.stringMatching(/could not arrange mediation within 30 days/) });
    expect(prepareCertificate(c, [], LEAD.aadObjectId, { ...base, cannotMeetOn: '2025-10-10' }, A1_ISSUE)).toMatchObject({ message: expect.stringMatching(/before it was told/) });
    const { laInformed: _gone, ...dates } = c.dates;
    expect(prepareCertificate({ ...c, dates }, [], LEAD.aadObjectId, { ...base, cannotMeetOn: '2025-11-10' }, A1_ISSUE)).toMatchObject({
      message: 'Enter the date the local authority was told mediation was wanted.',
    });
    expect(issued({ ...c, dates }, { ...base, laInformed: '2025-10-20', cannotMeetOn: '2025-11-10' }).cert.cannotArrange).toEqual({ laInformed: '2025-10-20', cannotMeetOn: '2025-11-10' });
  });
});

describe('what the certificate says about an appeal', () => {
  it('health or social care only: allowed, flagged not needed for an appeal, no date', () => {
    for (const caseType of ['M-HEALTH', 'M-SOCIAL'] as const) {
      const c = certCase({ caseType });
      const { cert } = issued(c, afterMediation(a1Meeting(c)));
      expect(cert.notNeededForAppeal).toBe(true);
      expect(cert.appeal).toEqual({ kind: 'not_appealable' });
    }
  });

  it('section I only: no certificate needed; the date is the 2-month limb alone', () => {
    const c = certCase({ caseType: 'M-PLACEMENT' });
    const { cert } = issued(c, afterMediation(a1Meeting(c)));
    expect(cert.notNeededForAppeal).toBe(false);
    expect(cert.appeal).toEqual({ kind: 'no_certificate_needed', appealBy: '2025-12-01', decisionLimit: '2025-12-01', adjustment: 'none' });
  });

  it('without a decision notice date, says the appeal date cannot be worked out and why', () => {
    const c = certCase();
    const { decisionNoticeSent: _gone, ...dates } = c.dates;
    const { cert } = issued({ ...c, dates }, afterMediation(a1Meeting(c)));
    expect(cert.appeal).toEqual({ kind: 'certificate_needed', problem: expect.stringMatching(/decision notice was sent is not recorded/) });
    expect(cert.decisionNoticeSent).toBeUndefined();
  });
});

describe('certificateDue', () => {
  it('is 3 working days after the trigger for each kind (E3, E5)', () => {
    expect(certificateDue('after_mediation', '2026-12-24')).toBe('2026-12-31');
    expect(certificateDue('no_mediation', '2026-04-02')).toBe('2026-04-09');
    expect(certificateDue('cannot_arrange', '2026-05-02')).toBe('2026-05-07');
  });
});

describe('certificate numbers and access tokens', () => {
  it('formats numbers per provider and year', () => {
    expect(certificateNumber(2026, 123)).toBe('SM-CERT-2026-000123');
    expect(certificateNumber(2026, 1234567)).toBe('SM-CERT-2026-1234567');
    expect(() => certificateNumber(2026, 0)).toThrow(RangeError);
  });

  it('verifies tokens in constant time and refuses anything else', () => {
    const c = certCase();
    const { cert, token } = issued(c, afterMediation(a1Meeting(c)));
    const other = issued(c, afterMediation(a1Meeting(c)), A1_ISSUE, [], 124);
    expect(verifyCertificateToken(cert, token)).toBe(true);
    expect(verifyCertificateToken(cert, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(verifyCertificateToken(cert, '')).toBe(false);
    expect(verifyCertificateToken(cert, `${token}x`)).toBe(false);
    expect(verifyCertificateToken(cert, cert.accessTokenHashes[0] ?? '')).toBe(false);
    expect(verifyCertificateToken({ accessTokenHashes: ['not-a-hash'] }, token)).toBe(false);
    expect(verifyCertificateToken(cert, other.token)).toBe(false);
    expect(verifyCertificateToken(other.cert, token)).toBe(false);
  });

  it('a renewed link works alongside the old ones, up to five', () => {
    const c = certCase();
    const { cert, token } = issued(c, afterMediation(a1Meeting(c)));
    let current: Certificate = cert;
    const tokens = [token];
    const random = seqRandom();
    for (let i = 0; i < ACCESS_TOKENS_MAX; i++) {
      const r = ok(renewAccessToken(c, current, LEAD.aadObjectId, A1_ISSUE, (n) => random(n).map((b) => (b + i + 1) & 0xff)));
      current = r.certificate;
      tokens.push(r.accessToken);
    }
    expect(current.accessTokenHashes).toHaveLength(ACCESS_TOKENS_MAX);
    expect(tokens.map((t) => verifyCertificateToken(current, t))).toEqual([false, true, true, true, true, true]);
    expect(renewAccessToken(c, cert, PARENT.aadObjectId, A1_ISSUE)).toMatchObject({ code: 'not_allowed' });
  });
});

describe('validateCertificateSubmission', () => {
  const today = '2025-11-28';

  it('needs a kind, and the dates that kind needs, not after today', () => {
    expect(validateCertificateSubmission({}, today)).toEqual({ ok: false, errors: { variant: 'Choose the kind of certificate.' }, values: {} });
    expect(validateCertificateSubmission({ variant: 'after_mediation', cannotMeetOn: 'junk' }, today)).toEqual({ ok: true, value: { variant: 'after_mediation', reissue: false } });
    expect(validateCertificateSubmission({ variant: 'no_mediation' }, today)).toMatchObject({ ok: false, errors: { noMediationOn: expect.stringMatching(/^Enter the date/) } });
    expect(validateCertificateSubmission({ variant: 'no_mediation', noMediationOn: '2025-11-29' }, today)).toMatchObject({ ok: false, errors: { noMediationOn: expect.stringMatching(/after today/) } });
    expect(validateCertificateSubmission({ variant: 'cannot_arrange', cannotMeetOn: '2025-02-30' }, today)).toMatchObject({ ok: false, errors: { cannotMeetOn: expect.stringMatching(/as a date/) } });
    expect(validateCertificateSubmission({ variant: 'cannot_arrange', cannotMeetOn: '2025-11-10', laInformed: '2025-10-15', reissue: 1 }, today)).toEqual({
      ok: true,
      value: { variant: 'cannot_arrange', laInformed: '2025-10-15', cannotMeetOn: '2025-11-10', reissue: true },
    });
  });
});
