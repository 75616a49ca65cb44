import { ConversationState, MemoryStorage, type Activity, type TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import type { AdaptiveCard } from '../../cards/adaptive';
import { preparationCardReply } from '../../dialogs/cardReply';
import { LaPreparationDialog } from '../../dialogs/laPreparationDialog';
import type { PreparationPort } from '../../dialogs/preparationPort';
import { applyPreparationPatch, preparationSubject, type PreparationRecord } from '../../domain/preparation';
import { cardText } from '../cards/validateCard';
import { NOW, OFFICER, ok, partyIdOf, prepCase } from './prepFixtures';

/** The dialog against an in-memory port: it needs nothing from storage but the port. */
describe('preparation dialog and its port', () => {
  const c = prepCase();
  const subject = ok(preparationSubject(c, partyIdOf(c, OFFICER)));
  const from = { id: '29:officer', name: OFFICER.displayName, aadObjectId: OFFICER.aadObjectId };

  function setup(refuseSaves: boolean) {
    let record: PreparationRecord | null = null;
    const calls: string[] = [];
    const port: PreparationPort = {
      async load(caseId, partyId, actor) {
        calls.push(`load ${caseId === c.id} ${partyId === subject.partyId} ${actor === OFFICER.aadObjectId}`);
        return { ok: true, subject, record };
      },
      async saveAnswer(_caseId, _partyId, patch, actor) {
        calls.push(`save ${JSON.stringify(patch.answers)}`);
        if (refuseSaves) return { ok: false, message: 'The case was cancelled, so nothing more can be saved.' };
        record = ok(applyPreparationPatch(subject, record, patch, actor, NOW));
        return { ok: true, subject, record };
      },
      async onLimitedAuthority() {
        calls.push('alert');
      },
    };
    let reply: AdaptiveCard | undefined;
    const capture = {
      onTurn: async (context: TurnContext, next: () => Promise<void>) => {
        await next();
        reply = preparationCardReply(context);
      },
    };
    const client = new DialogTestClient('msteams', new LaPreparationDialog(port), { caseId: c.id, partyId: subject.partyId }, [capture], new ConversationState(new MemoryStorage()));
    const send = async (a: Partial<Activity>) => {
      await client.sendActivity({ from, ...a });
      while (client.getNextReply()) {
        // drain
      }
    };
    return { client, calls, send, reply: () => reply };
  }

  it('loads with the caller\'s AAD id, saves each answer through the port, and alerts through it', async () => {
    // After a save, the next question comes from what the save returned: one load when the questions start, none per answer.
    const t = setup(false);
    await t.send({ type: 'message', text: 'prep' });
    await t.send({ type: 'message', text: 'Lee' });
    await t.send({ type: 'message', text: 'Officer' });
    await t.send({ type: 'message', text: 'both' });
    await t.send({ type: 'message', text: 'no' });
    expect(t.calls).toEqual([
      'load true true true',
      'save {"attendeeName":"Lee"}',
      'save {"attendeeRole":"Officer"}',
      'save {"knowsFamily":"both"}',
      'save {"fullAuthority":false}',
      'alert',
    ]);
  });

  it('says why when the port refuses a save, and does not leave a clicked card saying "Saved"', async () => {
    const t = setup(true);
    await t.send({ type: 'message', text: 'prep' });
    await t.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'prep.answer', data: { caseId: c.id, partyId: subject.partyId, question: 'la.attendeeName', answer: 'Lee' } } },
    });
    const card = t.reply();
    expect(card && cardText(card)).toBe('Preparation\nThe case was cancelled, so nothing more can be saved.');
    expect(t.client.dialogTurnResult.result).toEqual({ outcome: 'refused' });
  });
});
