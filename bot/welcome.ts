import type { Scope } from './commandCatalog';

/** The name Teams shows in the @ list: the manifest's name.short (a test keeps them equal). */
export const APP_NAME = 'SEND Mediation';

/**
 * In channels and group chats Teams delivers only messages that @mention the bot, and a typed
 * "@SEND Mediation" that was not picked from the list is plain text, so it must be said.
 */
const HOW_TO_MENTION =
  `I only see messages that mention me: type **@**, pick **${APP_NAME}** from the list that opens ` +
  `(the name turns into a highlighted mention), then the command, for example **@${APP_NAME} help**. ` +
  'A message without that mention never reaches me.';

/** A short first message per scope: what the bot does here, and how to see the commands. */
export function welcomeText(scope: Scope): string {
  switch (scope) {
    case 'personal':
      return (
        "Hello! I'm the SEND mediation assistant. In this 1:1 chat I bring you what your mediation " +
        'needs from you: the terms to agree, preparation questions, the outcome to confirm, and reminders ' +
        'before each deadline, counted in England and Wales working days. Type **help** to see what you can do here.'
      );
    case 'groupChat':
      return (
        "Hello! I'm the SEND mediation assistant. In this group chat I help the mediator run the meeting " +
        `and record what was agreed, never what was said. ${HOW_TO_MENTION}`
      );
    case 'team':
      return (
        "Hello! I'm the SEND mediation assistant. In this team's channels mediators keep each case in its " +
        'own thread, from referral to certificate, with the statutory dates worked out. ' +
        HOW_TO_MENTION
      );
  }
}
