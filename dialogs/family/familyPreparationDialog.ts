import { PreparationQuestionsDialog } from '../preparationQuestionsDialog';
import type { PreparationPort } from '../preparationPort';

/**
 * The family's preparation in a 1:1 chat (docs/rules.md#case-types-and-who-attends, #the-meeting-checklist): how the child's views are
 * brought in, or for a young person who speaks for them (with written permission), an
 * advocate or supporter, reasonable adjustments, and expenses. Start it with
 * PreparationDialogOptions {caseId, partyId}.
 */
export const FAMILY_PREPARATION_DIALOG = 'familyPreparation';

export class FamilyPreparationDialog extends PreparationQuestionsDialog {
  constructor(port: PreparationPort, dialogId: string = FAMILY_PREPARATION_DIALOG) {
    super(dialogId, 'family', port);
  }

  protected wrongKindMessage(): string {
    return 'These questions are for the parent or young person. Type prep to see the questions for you.';
  }
}
