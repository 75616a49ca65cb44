import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCard } from '../cards/adaptive';

/**
 * Reads what a person sent in reply to a question, whichever way it came:
 * - typed text (always possible, and the only way for clients that cannot show the card);
 * - Action.Execute from our cards, which Teams delivers as an `adaptiveCard/action` invoke;
 * - Action.Submit, which Teams delivers as a message whose `value` holds the data.
 * botbuilder's own prompts only read message text, which is why the preparation prompt
 * uses this instead.
 */
export type Reply =
  | { readonly source: 'text'; readonly text: string }
  | { readonly source: 'invoke' | 'submit'; readonly verb?: string; readonly data: Readonly<Record<string, unknown>> };

const RecordSchema = z.record(z.string(), z.unknown());
const InvokeValueSchema = z.object({ action: z.object({ verb: z.string().optional(), data: RecordSchema.optional() }) });

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

export function readReply(activity: Partial<Activity>): Reply | undefined {
  if (activity.type === 'invoke' && activity.name === CARD_ACTION_INVOKE) {
    const value = InvokeValueSchema.safeParse(activity.value);
    if (!value.success) return undefined;
    return { source: 'invoke', ...(value.data.action.verb !== undefined ? { verb: value.data.action.verb } : {}), data: value.data.action.data ?? {} };
  }
  if (activity.type !== 'message') return undefined;
  const submitted = RecordSchema.safeParse(activity.value);
  if (submitted.success && Object.keys(submitted.data).length > 0) {
    const verb = submitted.data.verb;
    return { source: 'submit', ...(typeof verb === 'string' ? { verb } : {}), data: submitted.data };
  }
  const text = (activity.text ?? '').trim();
  return text === '' ? undefined : { source: 'text', text };
}

export function stringField(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * The card an Action.Execute click should be answered with (it replaces the clicked card
 * for the person who clicked). The dialog leaves it in turn state; the bot's invoke handler
 * returns it: `preparationCardReply(turn) ?? <its own card>`.
 */
const CARD_REPLY_KEY = Symbol('preparationCardReply');

export function setPreparationCardReply(turn: TurnContext, reply: AdaptiveCard): void {
  turn.turnState.set(CARD_REPLY_KEY, reply);
}

export function preparationCardReply(turn: TurnContext): AdaptiveCard | undefined {
  const value: unknown = turn.turnState.get(CARD_REPLY_KEY);
  return isAdaptiveCard(value) ? value : undefined;
}

function isAdaptiveCard(value: unknown): value is AdaptiveCard {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'AdaptiveCard';
}

/** Who is answering: their AAD object id in Teams (the id storage authorises against). */
export function actorOf(turn: TurnContext): string {
  return turn.activity.from?.aadObjectId ?? turn.activity.from?.id ?? '';
}
