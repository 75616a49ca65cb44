/**
 * The parts of botbuilder-dialogs the product uses, imported from their own modules. The
 * package's index also loads every prompt and the Recognizers-Text suites for many languages
 * (number, date-time, choice): about 30 MB of resident memory and 0.3 s of start-up that
 * this bot never uses, since it parses its own answers. Prompt is not used either: its module
 * loads the choice recognisers and the number suite (dialogs/questionPrompt.ts). botbuilder-dialogs 4.23.3 is the last
 * release (pinned exactly), so these paths do not move; the classes are the same objects the
 * index exports.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
export { type DialogContext, type DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { type DialogEvent, type DialogInstance } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export { type WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
