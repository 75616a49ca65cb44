import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogEvent, type DialogInstance, type DialogTurnResult } from './botbuilderDialogs';
import { prepAnsweredCard } from '../cards/prepAnsweredCard';
import { prepQuestionCard, type PrepQuestionView } from '../cards/prepQuestionCard';
import { VERBS } from '../cards/verbs';
import { matchChoice, questionById, type PreparationPatch, type QuestionContext } from '../domain/preparation';
import { readReply, setPreparationCardReply, stringField, type Reply } from './cardReply';

/**
 * Asks one preparation question with its card and waits for a valid answer. It differs
 * from botbuilder's prompts in two ways: it accepts a card click delivered as an invoke
 * (Action.Execute) as well as typed text and Action.Submit, and the question's rules come
 * from domain/preparation, so the same parser serves every route.
 *
 * It is a Dialog, not a botbuilder Prompt: Prompt's module loads the choice recognisers and with
 * them the Recognizers-Text number suite (about 4 MB resident and 40 ms of start-up), for
 * choice lists this prompt never uses. What it took from Prompt is below, with the same state
 * shape (`{ options, state }`), so a question waiting in a stored dialog state carries on after
 * an upgrade.
 */

export const QUESTION_PROMPT = 'preparationQuestion';

/** Kept in dialog state: plain JSON only (the question is looked up again by id). */
export interface QuestionPromptOptions {
  readonly view: PrepQuestionView;
  readonly context: QuestionContext;
}

/** The dialog instance's state, as botbuilder's Prompt kept it (dialog states stored before this class carry it). */
interface PromptState {
  options?: unknown;
  state?: object;
}

export interface QuestionAnswer {
  readonly questionId: string;
  readonly patch: PreparationPatch;
  /** The answer in words, for the card that replaces the clicked one. */
  readonly answerText: string;
}

type Recognised = { readonly ok: true; readonly answer: QuestionAnswer } | { readonly ok: false; readonly hint: string };

export function questionActivity(view: PrepQuestionView): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(prepQuestionCard(view)));
}

function isQuestionOptions(value: unknown): value is QuestionPromptOptions {
  return typeof value === 'object' && value !== null && 'view' in value && 'context' in value;
}

function recognise(reply: Reply, options: QuestionPromptOptions): Recognised {
  const { view, context } = options;
  const question = questionById(view.questionId);
  if (!question) return { ok: false, hint: 'That question is no longer asked. Please type prep to carry on.' };
  let raw: string;
  if (reply.source === 'text') {
    raw = reply.text;
  } else {
    // A card from an earlier question, or another case, must not answer this one.
    const sameCard =
      stringField(reply.data, 'question') === view.questionId &&
      stringField(reply.data, 'caseId') === view.caseId &&
      stringField(reply.data, 'partyId') === view.partyId;
    if (!sameCard) return { ok: false, hint: 'That button is from an earlier card. Please answer the question below.' };
    raw = stringField(reply.data, 'answer') ?? '';
  }
  const parsed = question.parse(raw, context);
  if (!parsed.ok) return parsed;
  const choice = question.input.kind === 'choice' ? matchChoice(raw, question.input.choices) : undefined;
  return { ok: true, answer: { questionId: question.id, patch: parsed.patch, answerText: choice?.title ?? raw.trim().replace(/\s+/g, ' ') } };
}

/** A reply the prompt should try to read as an answer (not a cancel, not some other card's click). */
function answerReply(reply: Reply | undefined): reply is Reply {
  if (!reply) return false;
  if (reply.source === 'invoke') return reply.verb === VERBS.prepAnswer;
  if (reply.source === 'submit') return reply.verb === undefined || reply.verb === VERBS.prepAnswer;
  return true;
}

export class QuestionPrompt extends Dialog<QuestionPromptOptions> {
  constructor(dialogId: string = QUESTION_PROMPT) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, options?: QuestionPromptOptions): Promise<DialogTurnResult> {
    if (!isQuestionOptions(options)) throw new Error('QuestionPrompt was started without its question');
    const state = dc.activeDialog!.state as PromptState;
    state.options = { ...options };
    state.state = {};
    await dc.context.sendActivity(questionActivity(options.view));
    return Dialog.EndOfTurn;
  }

  /** A dialog pushed above the question ended: ask the question again (as Prompt did). */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const options = (instance.state as PromptState | undefined)?.options;
    if (!isQuestionOptions(options)) throw new Error('QuestionPrompt was started without its question');
    await context.sendActivity(questionActivity(options.view));
  }

  /** As Prompt: a typed reply that answers the question is this dialog's, not its parents'. */
  protected override async onPreBubbleEvent(dc: DialogContext, event: DialogEvent): Promise<boolean> {
    if (event.name !== 'activityReceived' || dc.context.activity.type !== 'message') return false;
    const reply = readReply(dc.context.activity);
    const options = (dc.activeDialog?.state as PromptState | undefined)?.options;
    return isQuestionOptions(options) && answerReply(reply) && recognise(reply, options).ok;
  }

  /**
   * Unlike Prompt.continueDialog, which ignores anything but messages: a click answers
   * through the invoke's reply card (the clicked card is replaced, no extra message); a typed
   * reply that is not an answer gets the card again with a hint saying why.
   */
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const reply = readReply(dc.context.activity);
    if (!answerReply(reply)) return Dialog.EndOfTurn;
    const options = (dc.activeDialog?.state as PromptState | undefined)?.options;
    if (!isQuestionOptions(options)) return Dialog.EndOfTurn;
    const r = recognise(reply, options);
    if (r.ok) {
      if (reply.source === 'invoke') {
        const { view } = options;
        setPreparationCardReply(dc.context, prepAnsweredCard({ caseReference: view.caseReference, title: view.title, prompt: view.prompt, answer: r.answer.answerText }));
      }
      return dc.endDialog(r.answer);
    }
    const again: PrepQuestionView = { ...options.view, hint: r.hint };
    if (reply.source === 'invoke') setPreparationCardReply(dc.context, prepQuestionCard(again));
    else await dc.context.sendActivity(questionActivity(again));
    return Dialog.EndOfTurn;
  }
}
