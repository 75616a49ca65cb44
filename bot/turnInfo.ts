import { TurnContext } from 'botbuilder';
import type { Scope } from './commandCatalog';

/** The Teams scope a turn happens in, named as the manifest names it. */
export function scopeOf(context: TurnContext): Scope {
  switch (context.activity.conversation?.conversationType) {
    case 'channel':
      return 'team';
    case 'groupChat':
      return 'groupChat';
    default:
      return 'personal';
  }
}

export interface Caller {
  /** Teams/Entra identity; the only thing authorisation ever trusts. */
  readonly aadObjectId?: string;
  readonly channelAccountId: string;
  readonly name: string;
  /** The Entra tenant the activity came from (Teams' channelData, else the conversation's). */
  readonly tenantId?: string;
}

export function callerOf(context: TurnContext): Caller {
  const from = context.activity.from;
  const data = context.activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenant = typeof data?.tenant?.id === 'string' ? data.tenant.id : context.activity.conversation?.tenantId;
  return { aadObjectId: from.aadObjectId, channelAccountId: from.id, name: from.name ?? 'someone', ...(tenant ? { tenantId: tenant } : {}) };
}

/** Message text with the bot's @mention removed and whitespace collapsed. */
export function commandText(context: TurnContext): string {
  // A message with a mention but no text (an image, a card submit) made botbuilder's mention stripping throw.
  if (typeof context.activity.text !== 'string') return '';
  const stripped = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return stripped.replace(/<at>[^<]*<\/at>/g, ' ').replace(/\s+/g, ' ').trim();
}
