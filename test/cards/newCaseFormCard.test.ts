import { newCaseFormCard } from '../../cards/newCaseFormCard';
import { NEW_CASE_FIELDS, validateNewCase } from '../../domain/cases';
import { cardParts, cardText, expectValidCard } from './validateCard';

describe('new case form card', () => {
  it('has a labelled input for every field of the form, required ones with messages', () => {
    const c = newCaseFormCard();
    const parts = expectValidCard(c);
    expect(parts.inputs.map((i) => i.id)).toEqual([...NEW_CASE_FIELDS]);
    expect(parts.inputs.filter((i) => i.isRequired).map((i) => i.id)).toEqual(['caseReference', 'caseType', 'childInitials', 'localAuthority']);
    expect(parts.executes.map((a) => a.verb)).toEqual(['case.create']);
    expect(cardText(c)).toMatch(/initials, not names/);
  });

  it('comes back with each message beside its field and the values filled in', () => {
    const submitted = { caseReference: 'SM 14', caseType: 'M-ASSESS', childInitials: 'John', localAuthority: 'Kent', meetingDate: '2026-12-17', meetingTime: '10:00', isYoungPerson: 'true' };
    const r = validateNewCase(submitted);
    if (r.ok) throw new Error('expected errors');
    const c = newCaseFormCard({ values: r.values, errors: r.errors });
    const parts = expectValidCard(c);
    const order = parts.elements.map((e) => ('id' in e && e.id ? e.id : e.type === 'TextBlock' ? e.text : e.type));
    const refIndex = order.indexOf('caseReference');
    expect(order[refIndex + 1]).toBe(r.errors.caseReference);
    expect(order[order.indexOf('childInitials') + 1]).toBe(r.errors.childInitials);
    const values = Object.fromEntries(parts.inputs.map((i) => [i.id, i.value]));
    expect(values).toMatchObject({ caseReference: 'SM 14', caseType: 'M-ASSESS', meetingDate: '2026-12-17', meetingTime: '10:00', isYoungPerson: 'true', meetingFormat: 'online' });
    expect(cardText(c)).toMatch(/Please check the fields marked below/);
  });

  it('shows a form-level problem on its own', () => {
    const parts = cardParts(newCaseFormCard({ errors: { form: 'The dates cannot be worked out.' } }));
    expect(parts.textBlocks.map((t) => t.text)).toContain('The dates cannot be worked out.');
    expect(parts.textBlocks.map((t) => t.text).join(' ')).not.toMatch(/fields marked/);
  });
});
