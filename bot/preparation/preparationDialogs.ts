import type { ConversationState, TurnContext } from 'botbuilder';
import { DialogSet, type DialogState } from '../../dialogs/botbuilderDialogs';
import { FamilyPreparationDialog, FAMILY_PREPARATION_DIALOG } from '../../dialogs/family/familyPreparationDialog';
import { LaPreparationDialog, LA_PREPARATION_DIALOG } from '../../dialogs/laPreparationDialog';
import type { PreparationDialogOptions, PreparationPort } from '../../dialogs/preparationPort';
import type { PreparationKind } from '../../domain/preparation';

const DIALOG_FOR: Readonly<Record<PreparationKind, string>> = { la: LA_PREPARATION_DIALOG, family: FAMILY_PREPARATION_DIALOG };

/**
 * Runs the preparation dialogs in 1:1 chats. Dialog state lives in ConversationState (our
 * store), but the answers themselves are saved as they are given, so a lost dialog state
 * only means the next `prep` starts at the first unanswered question.
 */
export class PreparationDialogs {
  private readonly dialogs: DialogSet;

  constructor(conversationState: ConversationState, port: PreparationPort) {
    this.dialogs = new DialogSet(conversationState.createProperty<DialogState>('preparationDialog'));
    this.dialogs.add(new LaPreparationDialog(port));
    this.dialogs.add(new FamilyPreparationDialog(port));
  }

  /** Continues a dialog waiting for this person's answer; false when none is running here. */
  async continueActive(turn: TurnContext): Promise<boolean> {
    const dc = await this.dialogs.createContext(turn);
    if (!dc.activeDialog) return false;
    await dc.continueDialog();
    return true;
  }

  /** Starts (or restarts, at the first unanswered question) a party's preparation here. */
  async begin(turn: TurnContext, kind: PreparationKind, options: PreparationDialogOptions): Promise<void> {
    const dc = await this.dialogs.createContext(turn);
    await dc.cancelAllDialogs();
    await dc.beginDialog(DIALOG_FOR[kind], options);
  }
}
