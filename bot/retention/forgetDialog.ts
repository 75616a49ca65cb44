import type { BotDeps } from '../deps';

/**
 * A preparation dialog left open in a person's 1:1 chat holds a case's ids in its saved state:
 * when the case is purged, or the person is forgotten, that state goes too.
 */
export async function forgetDialogAbout(deps: Pick<BotDeps, 'store'>, caseId: string, aadObjectId: string): Promise<void> {
  const chat = await deps.store.conversations.findPersonalChat(aadObjectId);
  if (!chat) return;
  // botbuilder's ConversationState key (ConversationState.getStorageKey).
  const key = `${chat.reference.channelId ?? 'msteams'}/conversations/${chat._id}/`;
  const state = await deps.store.state.read([key]);
  if (JSON.stringify(state[key] ?? {}).includes(caseId)) await deps.store.state.delete([key]);
}
