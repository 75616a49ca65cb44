import fs from 'node:fs';
import path from 'node:path';
import { addParty, isCaseError, partyFor, type Case, type CaseError } from '../../domain/cases';
import {
  loadTerms,
  partiesNeedingTerms,
  recordAgreement,
  ROLE_CONFIRMATIONS,
  TermsError,
  termsAlerts,
  termsStatus,
  validateAgreement,
  type Acknowledgement,
} from '../../domain/terms';
import { LEAD, NOW, OFFICER, PARENT, STRANGER, YP, makeCase } from './caseFixtures';

const DEFAULT = fs.readFileSync(path.join(__dirname, '../../domain/terms/defaultTerms.md'), 'utf8');

function ok<T>(r: T | CaseError): T {
  if (isCaseError(r)) throw r;
  return r;
}

describe('loadTerms', () => {
  it('covers the headings of docs/rules.md#terms-of-engagement in the product\'s own words', () => {
    const terms = loadTerms(DEFAULT);
    expect(terms.headings).toEqual([
      'Courtesy',
      'Confidentiality',
      'When information can be shared',
      'Without prejudice',
      "The mediator's role",
      'Other points',
    ]);
    const text = terms.text;
    for (const needle of [/safety/, /professionals who need it/, /cannot be used as evidence/, /impartial/, /authority to settle/, /statutory time limits/, /give evidence/, /stop the meeting/, /record/]) {
      expect(text).toMatch(needle);
    }
    expect(terms.title).toMatch(/Terms of Engagement/);
    expect(terms.intro).toHaveLength(1);
    expect(terms.sections.find((s) => s.heading === 'Without prejudice')?.items).toEqual([{ text: expect.stringMatching(/^What is said/), bullet: false }]);
  });

  it('versions the wording: same text same version, any change a new one, line endings ignored', () => {
    const v = loadTerms(DEFAULT).version;
    expect(v).toMatch(/^[0-9a-f]{12}$/);
    expect(loadTerms(DEFAULT.replace(/\n/g, '\r\n') + '\n\n').version).toBe(v);
    expect(loadTerms(DEFAULT.replace('Listen carefully', 'Listen closely')).version).not.toBe(v);
  });

  it('refuses text without headings or with an empty section', () => {
    expect(() => loadTerms('Just a paragraph.')).toThrow(TermsError);
    expect(() => loadTerms('## Courtesy\n\n## Other\ntext')).toThrow(/Courtesy/);
    expect(() => loadTerms('- item\n## H\ntext')).toThrow(/before the first/);
  });
});

describe('role confirmations', () => {
  it('ask LA officers and ICB representatives about authority, young people about their voice, advocates about the guidance', () => {
    expect(ROLE_CONFIRMATIONS.la_officer?.kind).toBe('authority');
    expect(ROLE_CONFIRMATIONS.health_icb?.kind).toBe('authority');
    expect(ROLE_CONFIRMATIONS.young_person?.kind).toBe('youngPersonVoice');
    expect(ROLE_CONFIRMATIONS.advocate?.kind).toBe('advocateGuidance');
    expect(ROLE_CONFIRMATIONS.parent_carer).toBeUndefined();
  });

  it('validates the answers per role', () => {
    expect(validateAgreement({}, 'parent_carer', false)).toEqual({ ok: true, value: {} });
    expect(validateAgreement({}, 'la_officer', false)).toMatchObject({ ok: false, errors: { authority: expect.any(String) } });
    expect(validateAgreement({ authority: 'limited' }, 'health_icb', false)).toEqual({ ok: true, value: { authority: 'limited' } });
    expect(validateAgreement({ ypVoice: 'named', ypVoiceName: '' }, 'young_person', false)).toMatchObject({
      ok: false,
      errors: { ypVoiceName: expect.stringMatching(/name/) },
      values: { ypVoice: 'named' },
    });
    expect(validateAgreement({ ypVoice: 'named', ypVoiceName: ' Pat  Parent ' }, 'young_person', false)).toEqual({
      ok: true,
      value: { youngPersonVoice: { mode: 'named', name: 'Pat Parent' } },
    });
    expect(validateAgreement({ advocateGuidance: 'false' }, 'advocate', false)).toMatchObject({ ok: false });
    expect(validateAgreement({ advocateGuidance: 'true' }, 'advocate', false)).toEqual({ ok: true, value: { advocateGuidance: true } });
    expect(validateAgreement({}, 'parent_carer', true)).toMatchObject({ ok: false, errors: { recordReason: expect.any(String) } });
    expect(validateAgreement({ recordReason: 'agreed by phone' }, 'parent_carer', true)).toEqual({ ok: true, value: { reason: 'agreed by phone' } });
  });
});

describe('acknowledgements and status', () => {
  const V1 = 'aaaaaaaaaaaa';
  const V2 = 'bbbbbbbbbbbb';
  let c: Case;
  beforeEach(() => {
    c = makeCase();
    c = ok(addParty(c, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW));
    c = ok(addParty(c, { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW));
    c = ok(addParty(c, { role: 'young_person', ...YP, how: 'invite' }, LEAD.aadObjectId, NOW));
    c = ok(addParty(c, { role: 'school', displayName: 'Head teacher', how: 'mediator' }, LEAD.aadObjectId, NOW));
  });
  const pid = (aad: string) => partyFor(c, aad)?.partyId ?? '';

  it('lets the party agree for themselves, or a mediator record it with a reason, and nobody else', () => {
    const mine = ok(recordAgreement(c, pid(PARENT.aadObjectId), V1, {}, PARENT.aadObjectId, NOW));
    expect(mine).toEqual({ caseId: c.id, partyId: pid(PARENT.aadObjectId), role: 'parent_carer', termsVersion: V1, at: NOW.toISOString(), by: PARENT.aadObjectId });
    const school = c.parties.find((p) => p.role === 'school')?.partyId ?? '';
    expect(ok(recordAgreement(c, school, V1, { reason: 'by phone' }, LEAD.aadObjectId, NOW)).recordedByMediator).toEqual({
      mediatorAadObjectId: LEAD.aadObjectId,
      reason: 'by phone',
    });
    expect((recordAgreement(c, school, V1, {}, LEAD.aadObjectId, NOW) as CaseError).code).toBe('invalid_input');
    expect((recordAgreement(c, pid(PARENT.aadObjectId), V1, {}, OFFICER.aadObjectId, NOW) as CaseError).code).toBe('not_allowed');
    expect((recordAgreement(c, pid(PARENT.aadObjectId), V1, {}, STRANGER.aadObjectId, NOW) as CaseError).code).toBe('not_allowed');
    expect((recordAgreement(c, 'gone', V1, {}, LEAD.aadObjectId, NOW) as CaseError).code).toBe('not_found');
  });

  it('reports each party against the current version and flags what the mediator must know', () => {
    const school = c.parties.find((p) => p.role === 'school')?.partyId ?? '';
    const acks: Acknowledgement[] = [
      ok(recordAgreement(c, pid(PARENT.aadObjectId), V1, {}, PARENT.aadObjectId, NOW)),
      ok(recordAgreement(c, pid(OFFICER.aadObjectId), V2, { authority: 'limited' }, OFFICER.aadObjectId, NOW)),
      ok(recordAgreement(c, school, V2, { reason: 'by phone' }, LEAD.aadObjectId, NOW)),
      ok(recordAgreement(c, pid(YP.aadObjectId), V2, { youngPersonVoice: { mode: 'named', name: 'Pat Parent' } }, YP.aadObjectId, NOW)),
      { ...ok(recordAgreement(c, pid(PARENT.aadObjectId), V2, {}, PARENT.aadObjectId, NOW)), caseId: 'another-case' },
    ];
    expect(termsStatus(c, acks, V2).map((s) => [s.party.displayName, s.status])).toEqual([
      [PARENT.displayName, 'agreed_older_version'],
      [OFFICER.displayName, 'agreed'],
      [YP.displayName, 'agreed'],
      ['Head teacher', 'recorded_by_mediator'],
    ]);
    expect(partiesNeedingTerms(c, acks, V2).map((p) => p.displayName)).toEqual([PARENT.displayName]);
    expect(partiesNeedingTerms(c, [], V2)).toHaveLength(4);
    expect(termsAlerts(c, acks, V2).map((a) => a.message)).toEqual([
      `${OFFICER.displayName} does not have full authority to settle the issues.`,
      `${YP.displayName} has given written permission for Pat Parent to speak for them: check it is on file.`,
    ]);
  });
});
