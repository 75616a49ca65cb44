import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from './botbuilderDialogs';
import { messageCard } from '../cards/messageCard';
import { prepAnswersCard, prepAnswersText, toPrepAnswersView } from '../cards/prepAnswersCard';
import { toPrepQuestionView } from '../cards/prepQuestionCard';
import { VERBS } from '../cards/verbs';
import {
  applicableQuestions,
  emptyAnswers,
  nextQuestion,
  normaliseReply,
  type PreparationAnswers,
  type PreparationKind,
} from '../domain/preparation';
import { actorOf, readReply, setPreparationCardReply } from './cardReply';
import type { PreparationDialogOptions, PreparationDialogResult, PreparationLoad, PreparationPort } from './preparationPort';
import { QUESTION_PROMPT, QuestionPrompt, type QuestionAnswer, type QuestionPromptOptions } from './questionPrompt';

/** Typed words that stop the questions (answers are kept). */
const STOP_WORDS: ReadonlySet<string> = new Set(['cancel', 'stop', 'stop for now', 'quit', 'exit']);
/** Typed while a question is open: show it again rather than read "prep" as an answer. */
const RESUME_WORDS: ReadonlySet<string> = new Set(['prep', 'preparation']);

const ASK_LOOP = 'askLoop';

/**
 * In turnState: the subject and record an answer was just saved for, so the next question is
 * worked out from them rather than from a second read of the case and the record in the same turn.
 */
const JUST_SAVED = Symbol('preparation answer just saved');

interface JustSaved {
  readonly caseId: string;
  readonly partyId: string;
  readonly actor: string;
  readonly loaded: PreparationLoad;
}

/** Kept in the waterfall's values between its two steps (dialog state: JSON). */
interface LoopValues {
  fullAuthorityBefore?: boolean;
}

function optionsOf(step: WaterfallStepContext): PreparationDialogOptions {
  const o = step.options as Partial<PreparationDialogOptions> | undefined;
  return { caseId: o?.caseId ?? '', partyId: o?.partyId ?? '' };
}

/**
 * The shared machinery of the preparation dialogs: a two-step waterfall that loops (ask the
 * first unanswered question; save the answer; replace itself). The next question is worked
 * out from the stored record every time, never from dialog state, so resuming after
 * "cancel", days later or after a restart continues at the first unanswered question and
 * never asks twice.
 */
export abstract class PreparationQuestionsDialog extends ComponentDialog {
  protected constructor(
    dialogId: string,
    private readonly kind: PreparationKind,
    private readonly port: PreparationPort,
  ) {
    super(dialogId);
    this.addDialog(new QuestionPrompt(QUESTION_PROMPT));
    this.addDialog(new WaterfallDialog(ASK_LOOP, [(step) => this.ask(step), (step) => this.save(step)]));
    this.initialDialogId = ASK_LOOP;
  }

  /** What to say when the person is in the wrong dialog for their role. */
  protected abstract wrongKindMessage(): string;

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = optionsOf(step);
    const loaded = this.takeJustSaved(step, options) ?? (await this.port.load(options.caseId, options.partyId, actorOf(step.context)));
    if (!loaded.ok) return this.finish(step, loaded.message, 'refused');
    const { subject, record } = loaded;
    if (subject.kind !== this.kind) return this.finish(step, this.wrongKindMessage(), 'refused');

    const answers: PreparationAnswers = record?.answers ?? emptyAnswers(subject.kind);
    const question = nextQuestion(subject.context, answers);
    if (!question) {
      const view = toPrepAnswersView(subject, answers, false);
      await step.context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(prepAnswersCard(view))));
      return step.endDialog({ outcome: 'complete' } satisfies PreparationDialogResult);
    }
    const applicable = applicableQuestions(subject.context, answers);
    const values = step.values as LoopValues;
    if (answers.kind === 'la' && answers.fullAuthority !== undefined) values.fullAuthorityBefore = answers.fullAuthority;
    const promptOptions: QuestionPromptOptions = {
      view: toPrepQuestionView(subject, question, answers, { number: applicable.indexOf(question) + 1, total: applicable.length }),
      context: subject.context,
    };
    return step.beginDialog(QUESTION_PROMPT, promptOptions);
  }

  private async save(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = optionsOf(step);
    const answer = step.result as QuestionAnswer;
    const actor = actorOf(step.context);
    const saved = await this.port.saveAnswer(options.caseId, options.partyId, answer.patch, actor);
    if (!saved.ok) return this.finish(step, saved.message, 'refused');
    const justSaved: JustSaved = { ...options, actor, loaded: { ok: true, subject: saved.subject, record: saved.record } };
    step.context.turnState.set(JUST_SAVED, justSaved);

    const before = (step.values as LoopValues).fullAuthorityBefore;
    if (answer.patch.kind === 'la' && answer.patch.answers.fullAuthority === false && before !== false) {
      await this.port.onLimitedAuthority(options.caseId, options.partyId);
      await step.context.sendActivity('Thank you. I have told the mediator straight away, so the family can be told before the meeting.');
    }
    // Loop: the next question comes from the record just saved.
    return step.replaceDialog(ASK_LOOP, options);
  }

  /** What save() just stored for these options and this person in this turn, once. */
  private takeJustSaved(step: WaterfallStepContext, options: PreparationDialogOptions): PreparationLoad | undefined {
    const saved = step.context.turnState.get(JUST_SAVED) as JustSaved | undefined;
    step.context.turnState.delete(JUST_SAVED);
    const same = saved && saved.caseId === options.caseId && saved.partyId === options.partyId && saved.actor === actorOf(step.context);
    return same ? saved.loaded : undefined;
  }

  private async finish(step: WaterfallStepContext, message: string, outcome: PreparationDialogResult['outcome']): Promise<DialogTurnResult> {
    // A click must not be left showing "Saved" when the answer was refused.
    if (step.context.activity.type === 'invoke') setPreparationCardReply(step.context, messageCard({ title: 'Preparation', text: message, tone: 'warning' }));
    await step.context.sendActivity(message);
    return step.endDialog({ outcome } satisfies PreparationDialogResult);
  }

  /** `cancel` stops (answers are kept); `prep` shows the open question again. */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const reply = readReply(innerDc.context.activity);
    const typed = reply?.source === 'text' ? normaliseReply(reply.text) : undefined;
    const cancelled = (typed !== undefined && STOP_WORDS.has(typed)) || (reply !== undefined && reply.source !== 'text' && reply.verb === VERBS.prepCancel);
    if (cancelled) {
      await this.stopped(innerDc);
      await innerDc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete, result: { outcome: 'stopped' } satisfies PreparationDialogResult };
    }
    if (typed !== undefined && RESUME_WORDS.has(typed)) {
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    return super.onContinueDialog(innerDc);
  }

  /** Says where they got to; for a click, the summary replaces the clicked card. */
  private async stopped(innerDc: DialogContext): Promise<void> {
    const turn: TurnContext = innerDc.context;
    const options = (innerDc.stack.find((d) => d.id === ASK_LOOP)?.state as { options?: Partial<PreparationDialogOptions> } | undefined)?.options;
    const loaded = options?.caseId && options.partyId ? await this.port.load(options.caseId, options.partyId, actorOf(turn)) : undefined;
    if (!loaded?.ok) {
      await turn.sendActivity('Stopped for now. Your answers so far are saved: type prep to carry on.');
      return;
    }
    const view = toPrepAnswersView(loaded.subject, loaded.record?.answers ?? emptyAnswers(loaded.subject.kind), true);
    const summary = prepAnswersCard(view);
    if (turn.activity.type === 'invoke') {
      setPreparationCardReply(turn, summary);
      return;
    }
    // Text and card as two messages: Teams clients (and the playground) split a message holding both.
    await turn.sendActivity('Stopped for now. Your answers so far are saved: type prep to carry on.');
    await turn.sendActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(summary)), summary: prepAnswersText(view) });
  }
}
