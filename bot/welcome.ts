import type { Scope } from './commandCatalog';

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
        'and record what was agreed, never what was said. Mention me with **help** to see what I can do here.'
      );
    case 'team':
      return (
        "Hello! I'm the SEND mediation assistant. In this team's channels mediators keep each case in its " +
        'own thread, from referral to certificate, with the statutory dates worked out. ' +
        'Mention me with **help** to see what I can do here.'
      );
  }
}
