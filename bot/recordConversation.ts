import { TurnContext } from 'botbuilder';
import type { AppStore } from '../storage/appStore';
import type { ConversationScope } from '../storage/conversationStore';

interface TeamsChannelData {
  team?: { id?: string };
  channel?: { id?: string };
  tenant?: { id?: string };
}

/** Keeps the conversation reference fresh on every turn: the service URL can change. */
export async function recordConversation(context: TurnContext, store: AppStore, now: Date): Promise<void> {
  const a = context.activity;
  const ref = TurnContext.getConversationReference(a);
  const data = (a.channelData ?? {}) as TeamsChannelData;
  const type = a.conversation.conversationType;
  const scope: ConversationScope = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  const tenantId = data.tenant?.id ?? a.conversation.tenantId;
  await store.conversations.upsert(
    {
      reference: {
        channelId: a.channelId,
        serviceUrl: a.serviceUrl,
        conversation: {
          id: a.conversation.id,
          conversationType: type,
          tenantId,
          isGroup: a.conversation.isGroup,
        },
        bot: { id: ref.bot?.id ?? a.recipient.id },
        user: scope === 'personal' ? { id: a.from.id, aadObjectId: a.from.aadObjectId } : undefined,
        locale: a.locale,
      },
      scope,
      tenantId,
      teamId: data.team?.id,
      channelId: data.channel?.id,
      userAadObjectId: scope === 'personal' ? a.from.aadObjectId : undefined,
    },
    now,
  );
}
