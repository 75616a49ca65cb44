import { defaultCalendar } from '../../domain/timescales';
import { londonDate } from '../../domain/londonTime';
import type { Case } from '../../domain/cases';
import { caseFormData } from '../helpers/caseForm';
import { visibleText, type BotMessage, type PlaygroundSession } from './playgroundDriver';
import type { ProductSession } from './productSession';

/** A date relative to today in working days (negative: before), so tests do not age. */
export function workingDaysFromToday(n: number): string {
  const today = londonDate(new Date());
  return n >= 0 ? defaultCalendar.addWorkingDays(today, n) : defaultCalendar.subtractWorkingDays(today, -n);
}

export interface OpenedCase {
  readonly thread: string;
  readonly card: BotMessage;
  readonly c: Case;
}

/** Opens a plan-content case in the Cases channel and adds the parent and the LA officer from the roster. */
export async function openCaseWithParties(
  s: ProductSession,
  reference: string,
  meetingDate: string,
  extra: { inputs?: Record<string, string>; roles?: Record<string, string> } = {},
): Promise<OpenedCase> {
  const pg: PlaygroundSession = s.pg;
  const post = await pg.say('channel', 'new case');
  const thread = post.conversationId;
  const form = await pg.waitForBotMessage((m) => m.conversationId === thread && /Case reference/.test(visibleText(m)));
  await pg.clickAction(form, 'Open the case', {
    inputs: caseFormData({ caseReference: reference, laInformed: workingDaysFromToday(-8), meetingDate, ...extra.inputs }),
  });
  const card = await pg.waitForBotMessage((m) => m.kind === 'update' && m.messageId === form.messageId);
  const created = (await s.bot.store.cases.findByThreadConversation(thread))!;
  const sam = pg.user('Parent');
  const priya = pg.user('LA officer');
  const others = Object.fromEntries(Object.entries(extra.roles ?? {}).map(([who, role]) => [`role_${pg.user(who).aadObjectId}`, role]));
  await pg.invoke({ conversationId: thread }, card.messageId, {
    action: {
      type: 'Action.Execute',
      verb: 'case.assignRoles',
      data: { caseId: created.id, page: 0, [`role_${sam.aadObjectId}`]: 'parent_carer', [`role_${priya.aadObjectId}`]: 'la_officer', ...others },
    },
    trigger: 'manual',
  });
  const c = (await s.bot.store.cases.get(created.id))!;
  return { thread, card, c };
}
