import { PreparationQuestionsDialog } from './preparationQuestionsDialog';
import type { PreparationPort } from './preparationPort';

/**
 * The LA officer's (and ICB representative's) preparation in a 1:1 chat (docs/rules.md#preparation-and-requested-changes):
 * who attends, whether they know the family and the case, their authority (a "no" alerts
 * the mediator at once through the port), health and social care attendance, other
 * professionals, and for plan-content cases the editable plan and how wording is recorded.
 * Start it with PreparationDialogOptions {caseId, partyId}.
 */
export const LA_PREPARATION_DIALOG = 'laPreparation';

export class LaPreparationDialog extends PreparationQuestionsDialog {
  constructor(port: PreparationPort, dialogId: string = LA_PREPARATION_DIALOG) {
    super(dialogId, 'la', port);
  }

  protected wrongKindMessage(): string {
    return 'These questions are for the local authority officer or the ICB representative. Type prep to see the questions for you.';
  }
}
