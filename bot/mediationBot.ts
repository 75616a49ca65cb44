import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { CARD_ACTION_INVOKE } from '../dialogs/cardReply';
import type { CardActionRouter } from './cardActionRouter';
import type { CommandRouter } from './commandRouter';
import type { BotDeps } from './deps';
import { scopeOf } from './turnInfo';
import { welcomeText } from './welcome';

/**
 * Thin: routes each kind of activity to its handler. Business rules live in
 * domain/, persistence in storage/, card JSON in cards/.
 */
export class MediationBot extends TeamsActivityHandler {
  constructor(
    private readonly deps: BotDeps,
    private readonly commands: CommandRouter,
    private readonly actions: CardActionRouter,
  ) {
    super();
    this.onMessage(async (context, next) => {
      if (!(await this.answerDialog(context))) await this.commands.route(context);
      await next();
    });
    // Teams announces an install both ways (and sometimes twice); the store lets only one welcome through.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  /**
   * The only invoke this bot answers is a card action. Anything else (a task module, a
   * messaging extension: nothing the manifest declares) is the sender's mistake, answered 400
   * rather than botbuilder's 501, so bad input never looks like a server failure.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === CARD_ACTION_INVOKE) return super.onInvokeActivity(context);
    return { status: 400, body: { code: 'BadRequest', message: 'This bot only answers card actions (adaptiveCard/action).' } };
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return this.actions.handle(context, invokeValue);
  }

  /**
   * In a 1:1 chat a preparation question may be waiting: a typed answer or a card submit goes
   * to it. Commands still work mid-way (the question stays open), except `prep`, which the
   * dialog answers by asking the open question again.
   */
  private async answerDialog(context: TurnContext): Promise<boolean> {
    if (scopeOf(context) !== 'personal') return false;
    const command = this.commands.match(context);
    if (command && command.name !== 'prep') return false;
    return this.deps.preparation.continueActive(context);
  }

  private async welcome(context: TurnContext): Promise<void> {
    if (!(await this.deps.store.conversations.claimWelcome(context.activity.conversation.id, this.deps.now()))) return;
    await context.sendActivity({ type: 'message', text: welcomeText(scopeOf(context)), textFormat: 'markdown' });
  }
}
