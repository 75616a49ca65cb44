import type { ConversationState, TurnContext } from 'botbuilder';
import type { DialogSet, DialogState } from '../../dialogs/botbuilderDialogs';
import type { PreparationDialogOptions, PreparationPort } from '../../dialogs/preparationPort';
import type { PreparationKind } from '../../domain/preparation';

/**
 * The dialogs and botbuilder-dialogs, loaded by the first turn that needs them rather than at
 * start-up (about 20 ms of every start).
 */
async function loadDialogs(conversationState: ConversationState, port: PreparationPort): Promise<{ set: DialogSet; idFor: Readonly<Record<PreparationKind, string>> }> {
  const [{ DialogSet }, family, la] = await Promise.all([
    import('../../dialogs/botbuilderDialogs'),
    import('../../dialogs/family/familyPreparationDialog'),
    import('../../dialogs/laPreparationDialog'),
  ]);
  const set = new DialogSet(conversationState.createProperty<DialogState>('preparationDialog'));
  set.add(new la.LaPreparationDialog(port));
  set.add(new family.FamilyPreparationDialog(port));
  return { set, idFor: { la: la.LA_PREPARATION_DIALOG, family: family.FAMILY_PREPARATION_DIALOG } };
}

/**
 * Runs the preparation dialogs in 1:1 chats. Dialog state lives in ConversationState (our
 * store), but the answers themselves are saved as they are given, so a lost dialog state
 * only means the next `prep` starts at the first unanswered question.
 */
export class PreparationDialogs {
  private dialogs: ReturnType<typeof loadDialogs> | undefined;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly port: PreparationPort,
  ) {}

  /** Continues a dialog waiting for this person's answer; false when none is running here. */
  async continueActive(turn: TurnContext): Promise<boolean> {
    const dc = await (await this.loaded()).set.createContext(turn);
    if (!dc.activeDialog) return false;
    await dc.continueDialog();
    return true;
  }

  /** Starts (or restarts, at the first unanswered question) a party's preparation here. */
  async begin(turn: TurnContext, kind: PreparationKind, options: PreparationDialogOptions): Promise<void> {
    const { set, idFor } = await this.loaded();
    const dc = await set.createContext(turn);
    await dc.cancelAllDialogs();
    await dc.beginDialog(idFor[kind], options);
  }

  private loaded(): ReturnType<typeof loadDialogs> {
    return (this.dialogs ??= loadDialogs(this.conversationState, this.port));
  }
}
