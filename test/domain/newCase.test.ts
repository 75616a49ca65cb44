import { createCase, validateNewCase, type NewCaseFormValues } from '../../domain/cases';
import { LEAD, NOW, PROVIDER, VALID_FORM } from './caseFixtures';

function errorsFor(form: NewCaseFormValues, options = {}) {
  const r = validateNewCase({ ...VALID_FORM, ...form }, options);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('validateNewCase', () => {
  it('accepts a complete form and normalises it', () => {
    const r = validateNewCase({ ...VALID_FORM, childInitials: ' j s ', verb: 'case.create' });
    expect(r.ok).toBe(false);
    const ok = validateNewCase({ ...VALID_FORM, childInitials: 'J. S.', localAuthority: '  Surrey   County Council ' });
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect(ok.value).toEqual({
      caseReference: 'SM-2026/014',
      caseType: 'M-CONTENT',
      childInitials: 'JS',
      isYoungPerson: false,
      localAuthority: 'Surrey County Council',
      dates: { decisionNoticeSent: '2026-10-01', laInformed: '2026-11-20', meetingDate: '2026-12-17', meetingTime: '10:00' },
      meetingFormat: 'online',
    });
  });

  it('needs only the reference, type, initials and local authority', () => {
    const r = validateNewCase({ caseReference: 'A1', caseType: 'M-ASSESS', childInitials: 'AB', localAuthority: 'Kent', meetingDate: '' });
    expect(r).toMatchObject({ ok: true, value: { dates: {}, isYoungPerson: false, meetingFormat: 'online' } });
  });

  it('gives a person-readable message per missing field and echoes what was typed', () => {
    const r = validateNewCase({ caseReference: '', childInitials: 'JS' });
    if (r.ok) throw new Error('expected errors');
    expect(Object.keys(r.errors).sort()).toEqual(['caseReference', 'caseType', 'localAuthority']);
    expect(r.errors.caseReference).toMatch(/case reference/);
    expect(r.values).toEqual({ childInitials: 'JS' });
    expect(validateNewCase(null)).toMatchObject({ ok: false });
  });

  it('refuses references with spaces or odd characters, or too long', () => {
    expect(errorsFor({ caseReference: 'SM 14' }).caseReference).toMatch(/no spaces/);
    expect(errorsFor({ caseReference: 'SM#14' }).caseReference).toMatch(/letters, digits/);
    expect(errorsFor({ caseReference: 'A'.repeat(41) }).caseReference).toMatch(/up to 40/);
    expect(validateNewCase({ ...VALID_FORM, caseReference: 'a_b-c/1' }).ok).toBe(true);
  });

  it('refuses anything that looks like a name instead of initials', () => {
    for (const name of ['Sam', 'John Smith', 'js', 'ABCDE', 'J', 'J.1']) {
      expect(errorsFor({ childInitials: name }).childInitials).toMatch(/initials|name/);
    }
  });

  it('checks dates with the timescale parser and says what is wrong', () => {
    expect(errorsFor({ meetingDate: '2026-02-30' }).meetingDate).toMatch(/February 2026 has 28 days/);
    expect(errorsFor({ laInformed: '20/11/2026' }).laInformed).toMatch(/YYYY-MM-DD/);
    expect(errorsFor({ decisionNoticeSent: '2040-01-01' }).decisionNoticeSent).toMatch(/outside the years/);
  });

  it('keeps the dates in order', () => {
    expect(errorsFor({ laInformed: '2026-09-01' }).laInformed).toMatch(/before the decision notice was sent \(Thu 1 Oct 2026\)/);
    expect(errorsFor({ meetingDate: '2026-11-19' }).meetingDate).toMatch(/before the local authority was told .*Fri 20 Nov 2026/);
    expect(errorsFor({ laInformed: '', meetingDate: '2026-09-30' }).meetingDate).toMatch(/before the decision notice/);
    expect(errorsFor({ meetingDate: '', meetingTime: '10:00' }).meetingTime).toMatch(/meeting date/);
  });

  it('refuses past events dated in the future when today is known', () => {
    const errors = errorsFor({ laInformed: '2026-12-02' }, { today: '2026-12-01' });
    expect(errors.laInformed).toMatch(/cannot be in the future \(today is Tue 1 Dec 2026\)/);
    expect(validateNewCase(VALID_FORM, { today: '2026-12-01' }).ok).toBe(true);
  });

  it('checks time, toggle, format and type', () => {
    expect(errorsFor({ meetingTime: '25:00' }).meetingTime).toMatch(/HH:mm/);
    expect(validateNewCase({ ...VALID_FORM, meetingTime: '09:30:00' })).toMatchObject({ ok: true, value: { dates: { meetingTime: '09:30' } } });
    expect(errorsFor({ isYoungPerson: 'yes' }).isYoungPerson).toBe('Tick the box, or leave it clear.');
    expect(errorsFor({ meetingFormat: 'phone' }).meetingFormat).toBe('Choose online, in person or hybrid.');
    expect(errorsFor({ caseType: 'M-NOPE' }).caseType).toMatch(/Choose/);
    expect(validateNewCase({ ...VALID_FORM, isYoungPerson: 'true', meetingFormat: 'in_person' })).toMatchObject({
      ok: true,
      value: { isYoungPerson: true, meetingFormat: 'in_person' },
    });
  });
});

describe('createCase', () => {
  const open = (form: NewCaseFormValues) => {
    const v = validateNewCase({ ...VALID_FORM, ...form });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    return createCase(v.value, LEAD, PROVIDER, NOW);
  };

  it('makes the opener the lead mediator, version 1, with an audit entry and a URL-safe random id', () => {
    const c = open({});
    expect(c.mediators).toEqual([{ ...LEAD, lead: true, addedBy: LEAD.aadObjectId, addedAt: NOW.toISOString() }]);
    expect(c.version).toBe(1);
    expect(c.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(open({}).id).not.toBe(c.id);
    expect(c.parties).toEqual([]);
  });

  it('starts in the state that what is known justifies', () => {
    expect(open({}).state).toBe('PREPARATION');
    expect(open({ meetingTime: '' }).state).toBe('SCHEDULING');
    expect(open({ meetingTime: '', meetingDate: '' }).state).toBe('MEDIATION_REQUESTED');
    expect(open({ meetingTime: '', meetingDate: '', laInformed: '' }).state).toBe('INTAKE');
    expect(open({ caseType: 'D-PROVISION', meetingTime: '', meetingDate: '' }).state).toBe('DRS_REFERRAL');
    expect(open({ caseType: 'D-PROVISION' }).state).toBe('DRS_AGREED');
  });
});
