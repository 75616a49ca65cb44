import { changeFormCard, changeFormValuesOf } from '../../cards/changeFormCard';
import { CHANGE_FIELDS, validateChangeSubmission } from '../../domain/preparation';
import { prepCase, storedChange } from '../preparation/prepFixtures';
import { cardText, expectValidCard } from './validateCard';

describe('requested-change form card', () => {
  const c = prepCase();

  it('has a labelled input for each field, the section list A to K with H1 and H2, and saves with the case id', () => {
    const card = changeFormCard({ caseId: c.id, caseReference: c.caseReference });
    const parts = expectValidCard(card);
    expect(parts.inputs.map((i) => i.id)).toEqual(CHANGE_FIELDS.filter((f) => f !== 'requestedBy'));
    expect(parts.inputs.filter((i) => i.isRequired).map((i) => i.id)).toEqual(['section', 'location', 'requestedWording']);
    const section = parts.inputs[0];
    expect(section?.type === 'Input.ChoiceSet' ? section.choices.map((ch) => ch.value) : []).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K']);
    expect(parts.executes.map((a) => [a.verb, a.data])).toEqual([['changes.save', { caseId: c.id }]]);
  });

  it('comes back with each message beside its field and the values filled in', () => {
    const r = validateChangeSubmission({ section: 'F', location: '', requestedWording: '', reason: 'Because' });
    if (r.ok) throw new Error('expected errors');
    const card = changeFormCard({ caseId: c.id, caseReference: c.caseReference, values: r.values, errors: r.errors });
    const parts = expectValidCard(card);
    const order = parts.elements.map((e) => ('id' in e && e.id ? e.id : e.type === 'TextBlock' ? e.text : e.type));
    expect(order[order.indexOf('location') + 1]).toBe(r.errors.location);
    expect(order[order.indexOf('requestedWording') + 1]).toBe(r.errors.requestedWording);
    expect(Object.fromEntries(parts.inputs.map((i) => [i.id, i.value]))).toMatchObject({ section: 'F', reason: 'Because' });
    expect(cardText(card)).toMatch(/Please check the fields marked below/);
  });

  it('edits a sent change with its id, warns that saving re-sends it, and lets a mediator choose the requester', () => {
    const change = storedChange(c, 2, { sentAt: new Date('2026-12-05T10:00:00Z') });
    const card = changeFormCard({
      caseId: c.id,
      caseReference: c.caseReference,
      changeId: change.changeId,
      number: change.number,
      sent: true,
      values: changeFormValuesOf(change),
      requesters: [{ partyId: change.requestedBy.partyId, displayName: change.requestedBy.displayName }],
    });
    const parts = expectValidCard(card);
    expect(parts.executes[0]?.data).toEqual({ caseId: c.id, changeId: change.changeId });
    expect(cardText(card)).toMatch(/Edit change 2/);
    expect(cardText(card)).toMatch(/Saving sends the new version/);
    expect(parts.inputs.find((i) => i.id === 'requestedBy')?.value).toBe(change.requestedBy.partyId);
    expect(parts.inputs.find((i) => i.id === 'evidenceRefs')?.value).toBe('SALT report, March 2026');
    expect(validateChangeSubmission(changeFormValuesOf(change))).toMatchObject({ ok: true });
  });
});
