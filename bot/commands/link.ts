import { isMediator, sameTenant } from '../../domain/cases';
import { notice } from '../cases/caseCards';
import type { Command, CommandContext } from './command';

/** `link <case reference>` (group chat, mediator): this chat becomes the case's meeting chat. */
export const linkCommand: Command = {
  name: 'link',
  async run({ turn, caller, args, deps }: CommandContext): Promise<void> {
    const me = caller.aadObjectId ?? '';
    const reference = args.trim().toLowerCase();
    if (!reference) {
      await turn.sendActivity(notice('Which case?', 'Mention me with **link** and the case reference, like **link SM-2026-041**.', 'warning'));
      return;
    }
    const c = (await deps.store.cases.listForUser(me)).find((x) => x.caseReference.toLowerCase() === reference && isMediator(x, me) && sameTenant(x, caller.tenantId));
    if (!c) {
      await turn.sendActivity(notice('Case not found', "You are not a mediator of a case with that reference. Only a case's mediators can link a chat to it.", 'warning'));
      return;
    }
    const chatId = turn.activity.conversation.id;
    const other = await deps.store.cases.findByMeetingChat(chatId);
    if (other && other.id !== c.id) {
      await turn.sendActivity(notice('Already linked', `This chat is the meeting chat of case ${other.caseReference}. Use a new group chat for another case.`, 'warning'));
      return;
    }
    const r = await deps.store.cases.update(c.id, (x) => (x.meetingChatId === chatId ? x : { ...x, meetingChatId: chatId }), { by: me, action: 'meeting.chatLinked' }, deps.now());
    if (r.status === 'rejected' || r.status === 'not_found' || r.status === 'conflict') {
      await turn.sendActivity(notice('Not linked', 'The case could not be updated. Please try again.', 'error'));
      return;
    }
    await turn.sendActivity(notice(`Linked to case ${c.caseReference}`, 'Mediators can now use **start meeting** and **add action** here. I record structure only: never what is said.', 'success'));
  },
};
