import { DialogTurnStatus } from 'botbuilder-dialogs';
import { LaPreparationDialog, LA_PREPARATION_DIALOG } from '../../dialogs/laPreparationDialog';
import { cardText, expectValidCard } from '../cards/validateCard';
import { STRANGER } from '../domain/caseFixtures';
import { cardOf, openHarness, questionOf, textOf, type Harness } from './dialogHarness';
import { ICB, LEAD, OFFICER, PARENT } from './prepFixtures';

const dialog = (port: ConstructorParameters<typeof LaPreparationDialog>[0]) => new LaPreparationDialog(port);

describe('LA officer preparation dialog', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  async function answerFirstTwo(): Promise<void> {
    await h.turn('prep');
    await h.turn('Lee Officer');
    const r = await h.turn('SEN case officer');
    expect(questionOf(r)).toBe('la.knowsFamily');
  }

  it('asks one question per card and saves each answer as it is given', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    const first = await h.turn('prep');
    expect(questionOf(first)).toBe('la.attendeeName');
    const card = cardOf(first[0]);
    if (!card) throw new Error('no card');
    expectValidCard(card);
    expect(cardText(card)).toMatch(/question 1 of 8/);

    const second = await h.turn('Lee Officer');
    expect(questionOf(second)).toBe('la.attendeeRole');
    expect(textOf(second)).toMatch(/What is Lee Officer's role\?/);
    expect((await h.store.preparation.getRecord(h.c.id, h.partyId))?.answers).toEqual({ kind: 'la', attendeeName: 'Lee Officer' });
    expect(new LaPreparationDialog({} as never).id).toBe(LA_PREPARATION_DIALOG);
  });

  it('re-asks with a hint when a typed reply is not one of the answers, and saves nothing', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    await answerFirstTwo();
    const r = await h.turn('maybe');
    expect(questionOf(r)).toBe('la.knowsFamily');
    expect(textOf(r)).toMatch(/Not accepted: Please choose one of the options \(you can type its number\): 1\. Yes, both; 2\. The case, not the family; 3\. Neither yet\./);
    expect((await h.store.preparation.getRecord(h.c.id, h.partyId))?.answers.kind).toBe('la');
    expect((await h.store.preparation.getRecord(h.c.id, h.partyId))?.version).toBe(2);
    expect(questionOf(await h.turn('2'))).toBe('la.fullAuthority');
  });

  it('alerts the mediator at once when the officer lacks full authority, then asks what and who', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    await answerFirstTwo();
    await h.turn('yes');
    const r = await h.turn('No');
    expect(h.alerts).toEqual([h.partyId]);
    expect(textOf(r)).toMatch(/told the mediator straight away/);
    expect(questionOf(r)).toBe('la.authorityLimits');
    expect(questionOf(await h.turn('Funding above the banding'))).toBe('la.authorityHolder');
    expect(questionOf(await h.turn('The SEN panel'))).toBe('la.careRepresentatives');
    expect((await h.store.preparation.getRecord(h.c.id, h.partyId))?.answers).toMatchObject({
      fullAuthority: false,
      authorityLimits: 'Funding above the banding',
      authorityHolder: 'The SEN panel',
    });
    expect(h.alerts).toHaveLength(1);
  });

  it('stops on "cancel" keeping the answers, and "prep" carries on at the first unanswered question', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    await answerFirstTwo();
    const stopped = await h.turn('cancel');
    expect(textOf(stopped)).toMatch(/Stopped for now\. Your answers so far are saved/);
    expect(textOf(stopped)).toMatch(/2 of 8 questions answered/);
    expect(h.client.dialogTurnResult).toMatchObject({ status: DialogTurnStatus.complete, result: { outcome: 'stopped' } });
    expect((await h.store.preparation.getRecord(h.c.id, h.partyId))?.answers).toMatchObject({ attendeeName: 'Lee Officer', attendeeRole: 'SEN case officer' });

    const resumed = await h.turn('prep');
    expect(questionOf(resumed)).toBe('la.knowsFamily');
    expect(textOf(resumed)).toMatch(/question 3 of 8/);
  });

  it('shows the open question again for "prep" typed mid-way, instead of taking it as an answer', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    await h.turn('prep');
    expect(questionOf(await h.turn('prep'))).toBe('la.attendeeName');
    expect(await h.store.preparation.getRecord(h.c.id, h.partyId)).toBeNull();
  });

  it('continues the open question after a restart, with dialog state kept in the product\'s state store', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    await answerFirstTwo();
    await h.restart();
    const r = await h.turn('Yes, both');
    expect(questionOf(r)).toBe('la.fullAuthority');
    expect((await h.store.preparation.getRecord(h.c.id, h.partyId))?.answers).toMatchObject({ attendeeName: 'Lee Officer', knowsFamily: 'both' });
  });

  it('starts again at the first unanswered question when the dialog state was lost in a restart', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    await answerFirstTwo();
    await h.turn('1');
    await h.restart({ loseDialogState: true });
    const r = await h.turn('prep');
    expect(questionOf(r)).toBe('la.fullAuthority');
    expect(textOf(r)).toMatch(/question 4 of 8/);
  });

  it('takes a card click (Action.Execute invoke), replacing the clicked card with the answer, and ignores a stale card', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    await answerFirstTwo();
    await h.turn('both');
    const base = { caseId: h.c.id, partyId: h.partyId };

    const stale = await h.click({ ...base, question: 'la.knowsFamily', answer: 'neither' });
    expect(stale).toEqual([]);
    const staleReply = h.cardReply;
    expect(staleReply && cardText(staleReply)).toMatch(/That button is from an earlier card/);
    expect((await h.store.preparation.getRecord(h.c.id, h.partyId))?.answers).toMatchObject({ knowsFamily: 'both' });

    const r = await h.click({ ...base, question: 'la.fullAuthority', answer: 'yes' });
    const answered = h.cardReply;
    if (!answered) throw new Error('no reply card');
    expectValidCard(answered);
    expect(cardText(answered)).toMatch(/Your answer: Yes/);
    expect(questionOf(r)).toBe('la.careRepresentatives');
    expect(h.alerts).toEqual([]);
  });

  it('takes an Action.Submit message as an answer too', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    await answerFirstTwo();
    const r = await h.turn({ type: 'message', value: { caseId: h.c.id, partyId: h.partyId, question: 'la.knowsFamily', answer: 'case_only' } });
    expect(questionOf(r)).toBe('la.fullAuthority');
    expect((await h.store.preparation.getRecord(h.c.id, h.partyId))?.answers).toMatchObject({ knowsFamily: 'case_only' });
  });

  it('stops from the card\'s "Stop for now" button, answering the click with the summary', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    await answerFirstTwo();
    await h.click({ caseId: h.c.id, partyId: h.partyId }, 'prep.cancel');
    const reply = h.cardReply;
    expect(reply && cardText(reply)).toMatch(/2 of 8 questions answered so far/);
    expect(h.client.dialogTurnResult.result).toEqual({ outcome: 'stopped' });
  });

  it('insists on the ICB when health care is in issue', async () => {
    h = await openHarness({ party: OFFICER, dialog, form: { caseType: 'M-HEALTH-MIXED' }, members: [['parent_carer', PARENT], ['la_officer', OFFICER], ['health_icb', ICB]] });
    await answerFirstTwo();
    await h.turn('yes');
    const care = await h.turn('yes');
    expect(questionOf(care)).toBe('la.careRepresentatives');
    expect(textOf(care)).toMatch(/an ICB representative must attend/);
    const refused = await h.turn('neither');
    expect(questionOf(refused)).toBe('la.careRepresentatives');
    expect(textOf(refused)).toMatch(/Not accepted: Health care is among the issues/);
    expect(questionOf(await h.turn('both'))).toBe('la.otherProfessionals');
  });

  it('completes a plan-content preparation, says so, and has nothing more to ask next time', async () => {
    h = await openHarness({ party: OFFICER, dialog });
    await answerFirstTwo();
    for (const [answer, next] of [
      ['both', 'la.fullAuthority'],
      ['yes', 'la.careRepresentatives'],
      ['neither', 'la.otherProfessionals'],
      ['speech and language therapist', 'la.editablePlanReady'],
      ['yes', 'la.wordingRecording'],
      ['other', 'la.wordingRecordingOther'],
    ] as const) {
      expect(questionOf(await h.turn(answer))).toBe(next);
    }
    const done = await h.turn('I will send tracked changes after');
    expect(textOf(done)).toMatch(/Complete: thank you/);
    expect(h.client.dialogTurnResult.result).toEqual({ outcome: 'complete' });
    expect(await h.store.preparation.getRecord(h.c.id, h.partyId)).toMatchObject({ status: 'complete', answered: 9, total: 9 });
    const again = await h.turn('prep');
    expect(questionOf(again)).toBeUndefined();
    expect(textOf(again)).toMatch(/Complete/);
  });

  it('lets a mediator answer for the officer, and refuses anyone else', async () => {
    h = await openHarness({ party: OFFICER, as: LEAD, dialog });
    expect(questionOf(await h.turn('prep'))).toBe('la.attendeeName');
    await h.close();
    h = await openHarness({ party: OFFICER, as: STRANGER, dialog });
    const r = await h.turn('prep');
    // Someone outside the case learns neither whose questions these are nor the case reference.
    expect(textOf(r)).toBe("You can't use this card.");
    expect(h.client.dialogTurnResult.result).toEqual({ outcome: 'refused' });
  });

  it('sends the family to their own questions', async () => {
    h = await openHarness({ party: PARENT, dialog });
    const r = await h.turn('prep');
    expect(textOf(r)).toMatch(/These questions are for the local authority officer/);
  });
});
