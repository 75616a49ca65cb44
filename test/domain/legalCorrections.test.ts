import fs from 'node:fs';
import path from 'node:path';
import { addParty, moveCase, isCaseError, type Case, type CaseError } from '../../domain/cases';
import { certificateAppeal, certificateStatement, validateCertificateSubmission } from '../../domain/certificate';
import { actionDueDates, addAction, closeMeeting, startMeeting, validateActionSubmission } from '../../domain/meeting';
import { applicableQuestions, emptyAnswers, normaliseFamily, type PreparationAnswers } from '../../domain/preparation';
import { outcomeAction } from '../../domain/outcome';
import { deadlinesForCase } from '../../domain/reminders';
import { loadTerms, validateAgreement, youngPersonVoiceText } from '../../domain/terms';
import { computeRule, explainRule } from '../../domain/timescales';
import { LEAD, NOW, OFFICER, makeCase } from './caseFixtures';

/** Each correction of issue 16 §4, with the date it gives (docs/rules.md). */

function ok<T>(r: T | CaseError): T {
  if (isCaseError(r)) throw r;
  return r;
}

const AGREED_ON = '2026-12-17';

describe('the appeal-by date takes the earlier reading of HESC r.12', () => {
  it('decision notice 2033-10-24, certificate 2033-11-20: Wed 28 Dec 2033, naming Tue 3 Jan 2034 as the other reading', () => {
    expect(computeRule('APPEAL', '2033-10-24', '2033-11-20').due).toBe('2033-12-28');
    expect(certificateAppeal('M-CONTENT', '2033-10-24', '2033-11-20')).toMatchObject({ appealBy: '2033-12-28', laterReading: '2034-01-03', adjustment: 'nonWorkingDay' });
    expect(explainRule('APPEAL', '2033-10-24', '2033-11-20')).toMatch(/by Wed 28 Dec 2033\. Some advisers read r\.12 as also skipping 25 December to 1 January.*giving Tue 3 Jan 2034/);
  });
});

describe('reg 42(5): a date agreed in writing replaces only the reg 42(2) and (3) deadlines', () => {
  it('never the ICB\'s one week to tell the local authority (reg 42(4)): due Thu 24 Dec 2026 whatever was agreed', () => {
    const refused = validateActionSubmission({ owner: 'body:icb', what: 'Tell the local authority what was agreed', category: 'icb_notify_la', agreedDueDate: '2027-01-29' }, { parties: [], agreementDate: AGREED_ON });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.agreedDueDate).toMatch(/within 1 week .*reg 42\(4\).*cannot replace it/);
    // A date stored by an earlier version is ignored: the statutory week stands.
    expect(actionDueDates({ category: 'icb_notify_la', agreedDueDate: '2027-01-29' }, AGREED_ON)).toMatchObject({ effective: '2026-12-24', basis: 'statutory' });
    // …and the outcome statement states the same date as the reminders, not the stored one.
    const stated = outcomeAction(
      { actionId: 'action-icb-1', owner: { kind: 'body', body: 'icb' }, what: 'Tell the local authority', category: 'icb_notify_la', agreedDueDate: '2027-01-29', addedAt: NOW.toISOString(), addedBy: LEAD.aadObjectId },
      AGREED_ON,
      [],
    );
    expect(stated).toMatchObject({ effective: '2026-12-24', basis: 'statutory' });
    expect(stated.agreedDueDate).toBeUndefined();
  });

  it('does replace a reg 42(3) deadline: the agreed Fri 29 Jan 2027 instead of Thu 31 Dec 2026', () => {
    const d = actionDueDates({ category: 'other_la_icb', agreedDueDate: '2027-01-29' }, AGREED_ON);
    expect(d).toMatchObject({ effective: '2027-01-29', basis: 'agreed', statutory: [expect.objectContaining({ due: '2026-12-31' })] });
  });
});

describe('the agreed action "continue to maintain the plan"', () => {
  it('is due at once, on the agreement date (Thu 17 Dec 2026), any amendment being its own 5-week action', () => {
    expect(actionDueDates({ category: 'continue_plan' }, AGREED_ON)).toMatchObject({ immediately: true, effective: AGREED_ON, tNumber: 'T13f' });
    expect(actionDueDates({ category: 'amend_plan' }, AGREED_ON).effective).toBe('2027-01-21');
    let c: Case = makeCase({ caseType: 'M-CONTENT' });
    c = ok(addParty(c, { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW));
    const at = new Date(`${AGREED_ON}T10:00:00Z`);
    let m = ok(startMeeting(c, null, LEAD.aadObjectId, { guards: { termsAgreed: true, authorityConfirmed: true } }, at));
    m = ok(addAction(c, m, LEAD.aadObjectId, 'action-0001', { owner: { kind: 'body', body: 'local_authority' }, what: 'Keep the plan as it is', category: 'continue_plan' }, at));
    m = ok(closeMeeting(c, m, LEAD.aadObjectId, { outcome: 'full' }, new Date(`${AGREED_ON}T12:00:00Z`)));
    const concluded = ok(moveCase(ok(moveCase(c, 'MEETING')), 'CONCLUDED_FULL_AGREEMENT'));
    const deadline = deadlinesForCase(concluded, m).find((d) => d.actionId === 'action-0001');
    expect(deadline).toMatchObject({ due: AGREED_ON, scheduleKey: 'ACTION_AT_ONCE', tNumber: 'T13f', source: 'SEND Regulations 2014 reg 42(2) with reg 44(2)(d)' });
    expect(deadline?.why).toMatch(/continue to maintain the plan.*5 weeks/);
  });
});

describe('a young person who lacks capacity: an alternative person acts for them (reg 64)', () => {
  it('is a choice of the terms, recording who and why', () => {
    const r = validateAgreement({ ypVoice: 'alternative', ypVoiceName: 'Alex Morgan', ypVoiceBasis: 'deputy' }, 'young_person', true);
    expect(r.ok).toBe(false); // recorded by a mediator: a reason is needed too
    const agreed = validateAgreement({ ypVoice: 'alternative', ypVoiceName: 'Alex Morgan', ypVoiceBasis: 'deputy', recordReason: 'Agreed by the deputy by phone' }, 'young_person', true);
    expect(agreed).toEqual({ ok: true, value: { youngPersonVoice: { mode: 'alternative', name: 'Alex Morgan', basis: 'deputy' }, reason: 'Agreed by the deputy by phone' } });
    expect(youngPersonVoiceText({ mode: 'alternative', name: 'Alex Morgan', basis: 'deputy' })).toBe(
      'The young person lacks capacity to decide about mediation: Alex Morgan acts for them (a deputy appointed by the Court of Protection, SEND Regulations 2014 reg 64)',
    );
    const noBasis = validateAgreement({ ypVoice: 'alternative', ypVoiceName: 'Alex Morgan' }, 'young_person', false);
    expect(!noBasis.ok && noBasis.errors.ypVoiceBasis).toMatch(/deputy, attorney, or the parent/);
  });

  it('is a choice of the family preparation, which then asks who and on which basis', () => {
    const ctx = { caseType: 'M-CONTENT' as const, isYoungPerson: true, role: 'young_person' as const };
    const answers = { ...emptyAnswers('family'), ypVoice: 'alternative' } as PreparationAnswers;
    const ids = applicableQuestions(ctx, answers).map((q) => q.id);
    expect(ids).toEqual(expect.arrayContaining(['family.ypAlternativeName', 'family.ypAlternativeBasis']));
    expect(ids).not.toContain('family.ypPermission');
    expect(normaliseFamily({ ypVoice: 'self', ypAlternativeName: 'Alex Morgan', ypAlternativeBasis: 'parent' })).toEqual({ ypVoice: 'self' });
  });
});

describe('the certificate when mediation did not happen', () => {
  it('covers a family who withdrew or did not pursue mediation; due 3 working days after the adviser knew (Tue 1 -> Fri 4 Dec 2026)', () => {
    const form = validateCertificateSubmission({ variant: 'no_mediation', noMediationOn: '2026-12-01', noMediationHow: 'withdrew' }, '2026-12-03');
    expect(form).toMatchObject({ ok: true, value: { variant: 'no_mediation', noMediationOn: '2026-12-01', noMediationHow: 'withdrew' } });
    expect(certificateStatement('no_mediation', { how: 'withdrew' })).toMatch(/asked for mediation and then withdrew from it/);
    expect(certificateStatement('no_mediation', { how: 'not_pursued' })).toMatch(/did not pursue mediation/);
    expect(certificateStatement('no_mediation', {})).toMatch(/decided not to take part in mediation/);
    expect(computeRule('CERT_NO_MEDIATION', '2026-12-01').due).toBe('2026-12-04');
  });
});

describe('the default Terms of Engagement', () => {
  const terms = loadTerms(fs.readFileSync(path.join(__dirname, '..', '..', 'domain', 'terms', 'defaultTerms.md'), 'utf8'));
  const items = terms.sections.flatMap((s) => s.items.map((i) => i.text));
  it('limit the provider\'s liability to bad faith', () => {
    expect(items).toContain('The mediation service and the mediator are liable to the parties only for anything they do in bad faith.');
  });
  it('say that in a health-only mediation the ICB, not the local authority, is bound by the agreed health actions', () => {
    expect(items.some((i) => /health care provision only, the integrated care board \(ICB\), not the local authority, is bound/.test(i))).toBe(true);
  });
});
