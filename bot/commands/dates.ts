import { CardFactory } from 'botbuilder';
import { datesCard } from '../../cards/datesCard';
import type { Command, CommandContext } from './command';

/** `dates`: how statutory dates are counted, with a calculator. */
export const datesCommand: Command = {
  name: 'dates',
  async run({ turn }: CommandContext): Promise<void> {
    // No `text` beside the card: Teams clients and the playground split such messages.
    await turn.sendActivity({ attachments: [CardFactory.adaptiveCard(datesCard())] });
  },
};
