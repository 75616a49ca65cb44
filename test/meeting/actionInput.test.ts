import { actionToFormValues, ownerChoices, validateActionSubmission, type ActionContext } from '../../domain/meeting';
import { MEETING_DAY, OFFICER, PARENT, meetingCase, partyId } from './meetingFixtures';

const c = meetingCase();
const context: ActionContext = { parties: c.parties, agreementDate: MEETING_DAY };
const good = { owner: 'body:local_authority', what: 'Issue the amended plan with the agreed wording.', category: 'amend_plan' };

describe('validateActionSubmission', () => {
  it('accepts a statutory action and trims the wording', () => {
    expect(validateActionSubmission({ ...good, what: '  Issue the amended plan  ' }, context)).toEqual({
      ok: true,
      value: { owner: { kind: 'body', body: 'local_authority' }, what: 'Issue the amended plan', category: 'amend_plan' },
    });
  });

  it('says what is missing beside each field', () => {
    const r = validateActionSubmission({}, context);
    expect(r).toEqual({
      ok: false,
      values: {},
      errors: {
        owner: 'Choose who will do it.',
        what: 'Say what will be done, in the words everyone agreed.',
        category: 'Choose which timescale applies.',
      },
    });
  });

  it('limits what to 500 characters and refuses control characters', () => {
    expect(validateActionSubmission({ ...good, what: 'x'.repeat(501) }, context)).toMatchObject({
      ok: false,
      errors: { what: 'Keep what will be done to 500 characters or fewer; split a long action into several.' },
    });
    expect(validateActionSubmission({ ...good, what: 'bad\u0007bell' }, context)).toMatchObject({ ok: false, errors: { what: 'Use plain text only.' } });
    expect(validateActionSubmission({ ...good, what: 'x'.repeat(500) }, context).ok).toBe(true);
  });

  it('takes "Other" owners from the text box, up to 80 characters', () => {
    const other = { ...good, owner: 'other', category: 'other_agreed_date', agreedDueDate: '2027-01-10' };
    expect(validateActionSubmission(other, context)).toMatchObject({ ok: false, errors: { ownerOther: expect.stringMatching(/Type who will do it/) } });
    expect(validateActionSubmission({ ...other, ownerOther: 'y'.repeat(81) }, context)).toMatchObject({
      ok: false,
      errors: { ownerOther: 'Keep who will do it to 80 characters or fewer.' },
    });
    expect(validateActionSubmission({ ...other, ownerOther: " The family's   GP " }, context)).toMatchObject({
      ok: true,
      value: { owner: { kind: 'other', name: "The family's GP" }, agreedDueDate: '2027-01-10' },
    });
  });

  it('accepts roles and parties of the case only', () => {
    const parent = partyId(c, PARENT.aadObjectId);
    const own = { ...good, category: 'other_agreed_date', agreedDueDate: '2027-01-10' };
    expect(validateActionSubmission({ ...own, owner: 'role:parent_carer' }, context)).toMatchObject({ ok: true, value: { owner: { kind: 'role', role: 'parent_carer' } } });
    expect(validateActionSubmission({ ...own, owner: `party:${parent}` }, context)).toMatchObject({ ok: true, value: { owner: { kind: 'party', partyId: parent } } });
    expect(validateActionSubmission({ ...own, owner: 'party:someone-else' }, context)).toMatchObject({ ok: false, errors: { owner: 'Choose who will do it from the list.' } });
    expect(validateActionSubmission({ ...own, owner: 'role:king' }, context)).toMatchObject({ ok: false, errors: { owner: 'Choose who will do it from the list.' } });
    expect(validateActionSubmission({ ...own, owner: 'body:police' }, context)).toMatchObject({ ok: false });
  });

  it('keeps statutory timescales to the body they bind', () => {
    expect(validateActionSubmission({ ...good, owner: 'body:school' }, context)).toMatchObject({
      ok: false,
      errors: { category: expect.stringMatching(/binds the local authority/) },
    });
    expect(validateActionSubmission({ ...good, owner: `party:${partyId(c, OFFICER.aadObjectId)}` }, context).ok).toBe(true);
    expect(validateActionSubmission({ ...good, owner: 'role:la_officer' }, context).ok).toBe(true);
    expect(validateActionSubmission({ ...good, owner: 'body:icb', category: 'other_la_icb' }, context).ok).toBe(true);
    expect(validateActionSubmission({ ...good, owner: 'role:parent_carer', category: 'other_la_icb' }, context)).toMatchObject({ ok: false, errors: { category: expect.any(String) } });
    expect(validateActionSubmission({ ...good, owner: 'body:local_authority', category: 'icb_notify_la' }, context)).toMatchObject({
      ok: false,
      errors: { category: 'This timescale binds the ICB. Choose the ICB as owner.' },
    });
  });

  it('needs an agreed date for "anything else", not before the agreement date, within the trusted years', () => {
    const other = { ...good, category: 'other_agreed_date' };
    expect(validateActionSubmission(other, context)).toMatchObject({
      ok: false,
      errors: { agreedDueDate: 'Enter the date everyone agreed: this action has no statutory timescale.' },
    });
    expect(validateActionSubmission({ ...other, agreedDueDate: '2026-12-16' }, context)).toMatchObject({
      ok: false,
      errors: { agreedDueDate: 'The agreed date cannot be before the agreement date (Thu 17 Dec 2026).' },
    });
    expect(validateActionSubmission({ ...other, agreedDueDate: '17/12/2026' }, context)).toMatchObject({ ok: false, errors: { agreedDueDate: expect.stringMatching(/YYYY-MM-DD/) } });
    expect(validateActionSubmission({ ...other, agreedDueDate: '2036-01-05' }, context)).toMatchObject({ ok: false, errors: { agreedDueDate: expect.stringMatching(/outside the years/) } });
    expect(validateActionSubmission({ ...other, agreedDueDate: MEETING_DAY }, context).ok).toBe(true);
  });

  it('refuses an agreement whose statutory dates leave the trusted years, as a form-level problem', () => {
    expect(validateActionSubmission({ ...good, category: 'assess' }, { ...context, agreementDate: '2035-12-01' })).toMatchObject({
      ok: false,
      errors: { form: expect.stringMatching(/outside the years/) },
    });
  });

  it('round-trips a stored action into the form', () => {
    const r = validateActionSubmission({ ...good, owner: 'other', ownerOther: 'GP', category: 'other_agreed_date', agreedDueDate: '2027-01-10' }, context);
    if (!r.ok) throw new Error('invalid');
    const stored = { actionId: 'action-0001', ...r.value, addedAt: '2026-12-17T10:00:00.000Z', addedBy: 'x' };
    expect(validateActionSubmission(actionToFormValues(stored), context)).toEqual(r);
  });
});

describe('ownerChoices', () => {
  it('offers the bodies, the family-side roles present, then Other', () => {
    expect(ownerChoices(c.parties).map((o) => o.title)).toEqual(['Local authority', 'ICB', 'School', 'Parent or carer', 'Advocate or supporter', 'Other (type who below)']);
  });
});
