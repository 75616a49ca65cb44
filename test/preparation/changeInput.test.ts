import { CHANGE_FIELDS, validateChangeSubmission, WORDING_MAX } from '../../domain/preparation';

describe('requested-change form validation', () => {
  const good = {
    section: 'F',
    location: '  paragraph   3 ',
    currentWording: '',
    requestedWording: 'Line one.\r\nLine two.',
    reason: '',
    evidenceRefs: 'SALT report, March 2026; EP report\nOT report',
  };

  it('accepts a change that adds new text, keeping line breaks in the wording and splitting the evidence list', () => {
    const r = validateChangeSubmission(good);
    expect(r).toEqual({
      ok: true,
      value: {
        section: 'F',
        location: 'paragraph 3',
        currentWording: '',
        requestedWording: 'Line one.\nLine two.',
        reason: '',
        evidenceRefs: ['SALT report, March 2026', 'EP report', 'OT report'],
      },
    });
  });

  it('says what is wrong beside each field and gives the typed values back', () => {
    const r = validateChangeSubmission({ section: 'Z', location: '', requestedWording: '   ', reason: 'r'.repeat(1001), evidenceRefs: 'a;b;c;d;e;f;g;h;i;j;k' });
    if (r.ok) throw new Error('expected errors');
    expect(r.errors).toEqual({
      section: 'Choose the section of the plan the change is in.',
      location: 'Say where in the section, for example "paragraph 3" or "outcome 2".',
      requestedWording: 'Enter the wording you would like in the plan.',
      reason: 'Keep the reason under 1000 characters.',
      evidenceRefs: 'List at most 10 references.',
    });
    expect(r.values.section).toBe('Z');
    expect(Object.keys(r.errors).every((k) => (CHANGE_FIELDS as readonly string[]).includes(k))).toBe(true);
  });

  it('refuses overlong wording and control characters, and ignores values that are not strings', () => {
    const r = validateChangeSubmission({ ...good, requestedWording: 'x'.repeat(WORDING_MAX + 1), currentWording: 'a\u0007b', location: 42 });
    if (r.ok) throw new Error('expected errors');
    expect(r.errors.requestedWording).toMatch(/split a long change/);
    expect(r.errors.currentWording).toBe('Use plain text only.');
    expect(r.errors.location).toMatch(/Say where/);
    expect(validateChangeSubmission('nonsense')).toMatchObject({ ok: false, errors: { section: expect.any(String) } });
  });

  it('passes the chosen requester through for a mediator', () => {
    const r = validateChangeSubmission({ ...good, requestedBy: 'party-1' });
    expect(r).toMatchObject({ ok: true, value: { requestedBy: 'party-1' } });
  });
});
