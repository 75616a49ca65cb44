import type { Activity } from 'botbuilder';
import { reminderCard, reminderCardView } from '../../cards/reminderCard';
import { roleLabel, type Case, type Party } from '../../domain/cases';
import { deliveryTargets, responsibleParties, type TrackedDeadline, type TrackedReminder } from '../../domain/reminders';
import { ConversationGoneError, DeliveryError, type Deliver, type DeliveryReceipt, type DeliveryTools } from '../../delivery';
import { cardActivity } from '../cases/caseCards';
import type { BotDeps } from '../deps';
import type { ProactiveSender } from '../proactive';

type DeliverDeps = Pick<BotDeps, 'store' | 'calendar' | 'now' | 'log' | 'config'>;

/** The key a person's deliveries are recorded and paced under: stable before and after their 1:1 chat exists. */
export function personKey(p: { readonly aadObjectId?: string; readonly teamsUserId?: string }): string {
  return `person:${p.aadObjectId ?? p.teamsUserId ?? 'unknown'}`;
}

/** One place a reminder goes, with how to send there. */
interface Stop {
  readonly key: string;
  /** The stored conversation, when known, to mark inactive on a 403. */
  readonly conversationId?: string;
  readonly send: () => Promise<string | undefined>;
}

/**
 * Sends one reminder (the scheduler's `deliver`): to the 1:1 chat of each person responsible,
 * or to the case thread for the mediators' own tasks, and for an escalation to the case
 * thread and the provider's escalation channel. Every send goes through `tools.send`, which
 * paces, retries and remembers who already has it, so a retry after a partial failure only
 * reaches the people who were missed. One unreachable person does not stop the others.
 */
export function reminderDelivery(deps: DeliverDeps, sender: ProactiveSender): Deliver {
  return async (reminder: TrackedReminder, deadline: TrackedDeadline, tools: DeliveryTools): Promise<DeliveryReceipt | void> => {
    const c = await deps.store.cases.get(reminder.caseId);
    if (!c) throw new DeliveryError('The case no longer exists.', { attempts: 0, retryable: false });
    const stops = await stopsFor(c, reminder, deadline, deps, sender);
    if (stops.length === 0) throw new DeliveryError('Nobody could be reached: the case has no thread and nobody responsible has a chat with the bot.', { attempts: 0, retryable: false });

    const failures: unknown[] = [];
    let delivered = 0;
    let firstActivity: string | undefined;
    for (const stop of stops) {
      try {
        const r = await tools.send(stop.key, stop.send);
        delivered += 1;
        firstActivity ??= r.activityId;
      } catch (error) {
        if (error instanceof ConversationGoneError && stop.conversationId) {
          await deps.store.conversations.markInactive(stop.conversationId, deps.now()).catch(() => undefined);
        }
        failures.push(error);
      }
    }
    // A transient failure is worth another pass (those already reached are skipped); if
    // everyone else got it, the rest (gone, refused) is recorded per recipient and shown.
    const transient = failures.find((e) => e instanceof DeliveryError && e.retryable);
    if (transient) throw transient;
    if (delivered === 0 && failures.length > 0) throw failures[0];
    return firstActivity ? { activityId: firstActivity } : {};
  };
}

async function stopsFor(c: Case, reminder: TrackedReminder, deadline: TrackedDeadline, deps: DeliverDeps, sender: ProactiveSender): Promise<Stop[]> {
  const now = deps.now();
  const view = reminderCardView(c, deadline, reminder.kind, now, deps.calendar);
  const activity = cardActivity(reminderCard(view));
  const stops: Stop[] = [];
  const thread = c.thread;
  const inThread = (a: Partial<Activity>): Stop | undefined =>
    thread ? { key: thread.conversationId, conversationId: thread.conversationId, send: () => sender.send(thread.conversationId, a) } : undefined;

  for (const target of deliveryTargets(reminder, deadline)) {
    switch (target.kind) {
      case 'caseThread': {
        const s = inThread(activity);
        if (s) stops.push(s);
        break;
      }
      case 'escalationChannel': {
        const id = deps.config.reminders.escalationConversationId;
        if (id) stops.push({ key: id, conversationId: id, send: () => sender.sendToChannel(id, thread?.conversationId ?? id, activity) });
        break;
      }
      case 'responsible': {
        const r = target.responsible;
        if (r.kind === 'mediators') {
          const s = inThread(activity);
          stops.push(...(s ? [s] : await mediatorChats(c, deps, sender, activity)));
          break;
        }
        const people = responsibleParties(r, c.parties).filter((p) => p.aadObjectId || p.teamsUserId);
        if (people.length === 0) {
          // Nobody holds the role yet (the LA officer has not joined): the mediators pass it on.
          const role = r.kind === 'role' ? roleLabel(r.role) : 'the party responsible';
          const note = reminderCard({ ...view, whoText: `${view.whoText}: nobody in the case holds this yet, so the mediators are asked to pass it on to ${role}` });
          const s = inThread(cardActivity(note));
          if (s) stops.push(s);
          break;
        }
        for (const p of people) stops.push(await personStop(c, p, deps, sender, activity));
        break;
      }
    }
  }
  return stops;
}

async function personStop(c: Case, p: Party, deps: DeliverDeps, sender: ProactiveSender, activity: Partial<Activity>): Promise<Stop> {
  const chat = p.aadObjectId ? await deps.store.conversations.findPersonalChat(p.aadObjectId) : null;
  const via = c.thread?.conversationId ?? chat?.reference.conversation.id ?? '';
  return {
    key: personKey(p),
    ...(chat ? { conversationId: chat.reference.conversation.id } : {}),
    send: async () => (await sender.sendToPerson({ aadObjectId: p.aadObjectId, channelAccountId: p.teamsUserId }, via, activity)).activityId,
  };
}

/** A case without a thread (it should not happen): each mediator's 1:1 chat, where one exists. */
async function mediatorChats(c: Case, deps: DeliverDeps, sender: ProactiveSender, activity: Partial<Activity>): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (const m of c.mediators) {
    const chat = await deps.store.conversations.findPersonalChat(m.aadObjectId);
    if (!chat) continue;
    const id = chat.reference.conversation.id;
    stops.push({ key: personKey(m), conversationId: id, send: () => sender.send(id, activity) });
  }
  return stops;
}
