import { FamilyPreparationDialog, FAMILY_PREPARATION_DIALOG } from '../../dialogs/family/familyPreparationDialog';
import { openHarness, questionOf, textOf, type Harness } from './dialogHarness';
import { OFFICER, PARENT, YP } from './prepFixtures';

const dialog = (port: ConstructorParameters<typeof FamilyPreparationDialog>[0]) => new FamilyPreparationDialog(port);

describe('family preparation dialog', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('asks a parent how the child\'s views come in, support, adjustments and expenses, saving as it goes', async () => {
    h = await openHarness({ party: PARENT, dialog });
    const first = await h.turn('prep');
    expect(questionOf(first)).toBe('family.childViews');
    expect(textOf(first)).toMatch(/How will your child's views be brought into the meeting\?/);
    expect(textOf(await h.turn('a drawing'))).toMatch(/Not accepted: Please choose one of the options/);
    expect(questionOf(await h.turn('drawing'))).toBe('family.advocate');
    expect(questionOf(await h.turn('yes'))).toBe('family.advocateName');
    expect(questionOf(await h.turn('Ali Advocate, SENDIASS'))).toBe('family.adjustments');
    expect(questionOf(await h.turn('none'))).toBe('family.expenses');
    const done = await h.turn('travel');
    expect(textOf(done)).toMatch(/Complete: thank you/);
    expect(await h.store.preparation.getRecord(h.c.id, h.partyId)).toMatchObject({
      status: 'complete',
      answers: { kind: 'family', childViews: 'drawn', advocate: true, advocateName: 'Ali Advocate, SENDIASS', adjustments: '', expenses: 'travel' },
    });
    expect(h.client.dialogTurnResult.result).toEqual({ outcome: 'complete' });
    expect(new FamilyPreparationDialog({} as never).id).toBe(FAMILY_PREPARATION_DIALOG);
  });

  it('asks a young person who speaks for them and whether the written permission is given', async () => {
    h = await openHarness({ party: YP, dialog, form: { isYoungPerson: 'true' }, members: [['young_person', YP], ['la_officer', OFFICER]] });
    const first = await h.turn('prep');
    expect(questionOf(first)).toBe('family.ypVoice');
    expect(textOf(first)).toMatch(/Will you speak for yourself at the meeting/);
    expect(questionOf(await h.turn('someone else'))).toBe('family.ypSpeakerName');
    const permission = await h.turn('Pat Parent');
    expect(questionOf(permission)).toBe('family.ypPermission');
    expect(textOf(permission)).toMatch(/Have you given written permission for Pat Parent to speak for you\?/);
    expect(questionOf(await h.turn('not yet'))).toBe('family.advocate');
    await h.turn('cancel');
    expect((await h.store.preparation.getRecord(h.c.id, h.partyId))?.answers).toEqual({
      kind: 'family',
      ypVoice: 'named',
      ypSpeakerName: 'Pat Parent',
      ypPermission: 'not_yet',
    });
    expect(questionOf(await h.turn('prep'))).toBe('family.advocate');
  });

  it('sends the LA officer to their own questions', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    expect(textOf(await h.turn('prep'))).toMatch(/These questions are for the parent or young person/);
    expect(h.client.dialogTurnResult.result).toEqual({ outcome: 'refused' });
  });
});
