import { INVITE_VALID_DAYS } from '../domain/invites';
import { formatLondonDateTime } from '../domain/londonTime';
import { card, facts, heading, text, type AdaptiveCard } from './adaptive';

export interface InviteCardView {
  readonly caseReference: string;
  readonly roleLabel: string;
  /** As generated, grouped: ABCD-EFGH-JKMN-PQRS. Shown once; it is not stored. */
  readonly code: string;
  /** ISO instant. */
  readonly expiresAt: string;
}

/** Shown privately to the mediator who created the code, to pass on to the invited person. */
export function inviteCard(view: InviteCardView): AdaptiveCard {
  const expires = formatLondonDateTime(new Date(view.expiresAt));
  return card(
    [
      heading(`Invitation to case ${view.caseReference}`),
      facts([
        ['Code', view.code],
        ['Role', view.roleLabel],
        ['Expires', expires],
      ]),
      text('Give the code to the person privately (not in a channel). They open a chat with this bot and send:'),
      text(`join ${view.code}`, { fontType: 'monospace', weight: 'bolder', size: 'medium' }),
      text(
        `The code works once, for ${INVITE_VALID_DAYS} days. The bot keeps only a scrambled copy, so it cannot show it again: if it is lost, create a new one.`,
        { isSubtle: true },
      ),
    ],
    [],
    { fallbackText: `Invitation to case ${view.caseReference} as ${view.roleLabel}: send "join ${view.code}" to the bot before ${expires}.` },
  );
}
