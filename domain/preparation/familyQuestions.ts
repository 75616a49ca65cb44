import { ALTERNATIVE_BASIS_LABELS, type AlternativeBasis } from '../terms/alternativePerson';
import {
  CHILD_VIEWS_LABELS,
  EXPENSES_LABELS,
  LONGER_TEXT_MAX,
  SHORT_TEXT_MAX,
  YP_PERMISSION_LABELS,
  YP_VOICE_LABELS,
  type ChildViews,
  type Expenses,
  type FamilyAnswers,
  type YoungPersonPermission,
  type YoungPersonVoice,
} from './answers';
import { YES_NO, choiceQuestion, textQuestion, type QuestionDef } from './questions';
import type { QuestionContext } from './subject';

/**
 * The parent's or young person's preparation questions, in the order asked (docs/rules.md#case-types-and-who-attends,
 * docs/rules.md#the-meeting-checklist): how the child's or young person's voice is heard, support, adjustments, expenses.
 * Whether it is a child's or a young person's case decides the first questions; the
 * wording follows who is answering.
 */

const ypAnswering = (ctx: QuestionContext): boolean => ctx.role === 'young_person';

export const FAMILY_QUESTIONS: readonly QuestionDef<FamilyAnswers>[] = [
  choiceQuestion<FamilyAnswers, ChildViews>({
    id: 'family.childViews',
    title: "The child's views",
    prompt: () => "How will your child's views be brought into the meeting?",
    help: () => 'The mediator must take reasonable steps to hear the child. Choose the way that suits your child best.',
    choices: [
      { value: 'attend_part', title: CHILD_VIEWS_LABELS.attend_part, words: ['attend', 'attend part', 'come', 'in person'] },
      { value: 'written', title: CHILD_VIEWS_LABELS.written, words: ['written', 'write', 'letter'] },
      { value: 'drawn', title: CHILD_VIEWS_LABELS.drawn, words: ['drawn', 'drawing', 'draw', 'picture'] },
      { value: 'recorded', title: CHILD_VIEWS_LABELS.recorded, words: ['recorded', 'recording', 'video', 'audio'] },
      { value: 'through_parent', title: CHILD_VIEWS_LABELS.through_parent, words: ['parent', 'through me', 'me', 'i will'] },
    ],
    applies: (ctx) => !ctx.isYoungPerson,
    answered: (a) => a.childViews !== undefined,
    toPatch: (childViews) => ({ childViews }),
    display: (a) => (a.childViews ? CHILD_VIEWS_LABELS[a.childViews] : undefined),
  }),
  choiceQuestion<FamilyAnswers, YoungPersonVoice>({
    id: 'family.ypVoice',
    title: 'Who speaks for the young person',
    prompt: (ctx) =>
      ypAnswering(ctx)
        ? 'Will you speak for yourself at the meeting, or will someone speak for you?'
        : 'Will the young person speak for themselves at the meeting, or will someone speak for them?',
    help: () =>
      'Someone else can speak for the young person only with their written permission, given before the meeting. ' +
      'If the young person lacks capacity to decide about mediation, an alternative person acts for them: a deputy or attorney with the power, otherwise the parent.',
    choices: [
      { value: 'self', title: YP_VOICE_LABELS.self, words: ['self', 'myself', 'themselves', 'me', 'i will'] },
      { value: 'named', title: YP_VOICE_LABELS.named, words: ['someone', 'someone else', 'named', 'other'] },
      { value: 'alternative', title: YP_VOICE_LABELS.alternative, words: ['capacity', 'lacks capacity', 'alternative', 'deputy', 'attorney'] },
    ],
    applies: (ctx) => ctx.isYoungPerson,
    answered: (a) => a.ypVoice !== undefined,
    toPatch: (ypVoice) => ({ ypVoice }),
    display: (a) => (a.ypVoice ? YP_VOICE_LABELS[a.ypVoice] : undefined),
  }),
  textQuestion<FamilyAnswers>({
    id: 'family.ypSpeakerName',
    title: 'Who speaks for them',
    prompt: (ctx) => (ypAnswering(ctx) ? 'Who will speak for you? Please give their name.' : 'Who will speak for the young person? Please give their name.'),
    input: { kind: 'text', label: 'Name of the person who will speak', maxLength: SHORT_TEXT_MAX },
    applies: (ctx, a) => ctx.isYoungPerson && a.ypVoice === 'named',
    read: (a) => a.ypSpeakerName,
    toPatch: (ypSpeakerName) => ({ ypSpeakerName }),
  }),
  textQuestion<FamilyAnswers>({
    id: 'family.ypAlternativeName',
    title: 'Alternative person',
    prompt: () => 'Who acts for the young person? Please give their name.',
    input: { kind: 'text', label: 'Name of the alternative person', maxLength: SHORT_TEXT_MAX },
    applies: (ctx, a) => ctx.isYoungPerson && a.ypVoice === 'alternative',
    read: (a) => a.ypAlternativeName,
    toPatch: (ypAlternativeName) => ({ ypAlternativeName }),
  }),
  choiceQuestion<FamilyAnswers, AlternativeBasis>({
    id: 'family.ypAlternativeBasis',
    title: 'Why they act',
    prompt: (_ctx, a) => `On which basis does ${a.ypAlternativeName ?? 'the alternative person'} act for the young person?`,
    help: () => 'The mediator may ask to see a deputyship order or a lasting power of attorney. Nothing about the young person\'s health is recorded.',
    choices: [
      { value: 'deputy', title: ALTERNATIVE_BASIS_LABELS.deputy, words: ['deputy', 'court', 'court of protection'] },
      { value: 'attorney', title: ALTERNATIVE_BASIS_LABELS.attorney, words: ['attorney', 'lpa', 'power of attorney'] },
      { value: 'parent', title: ALTERNATIVE_BASIS_LABELS.parent, words: ['parent', 'me', 'mum', 'dad'] },
    ],
    applies: (ctx, a) => ctx.isYoungPerson && a.ypVoice === 'alternative',
    answered: (a) => a.ypAlternativeBasis !== undefined,
    toPatch: (ypAlternativeBasis) => ({ ypAlternativeBasis }),
    display: (a) => (a.ypAlternativeBasis ? ALTERNATIVE_BASIS_LABELS[a.ypAlternativeBasis] : undefined),
  }),
  choiceQuestion<FamilyAnswers, YoungPersonPermission>({
    id: 'family.ypPermission',
    title: 'Written permission',
    prompt: (ctx, a) =>
      ypAnswering(ctx)
        ? `Have you given written permission for ${a.ypSpeakerName ?? 'them'} to speak for you?`
        : `Has the young person given written permission for ${a.ypSpeakerName ?? 'them'} to speak for them?`,
    help: () => 'It must be given before the meeting. The mediator will ask to see it.',
    choices: [
      { value: 'given', title: 'Yes, it is written down', words: ['yes', 'y', 'given', 'done'] },
      { value: 'not_yet', title: 'Not yet', words: ['no', 'n', 'not yet'] },
    ],
    applies: (ctx, a) => ctx.isYoungPerson && a.ypVoice === 'named',
    answered: (a) => a.ypPermission !== undefined,
    toPatch: (ypPermission) => ({ ypPermission }),
    display: (a) => (a.ypPermission ? YP_PERMISSION_LABELS[a.ypPermission] : undefined),
  }),
  choiceQuestion<FamilyAnswers, 'yes' | 'no'>({
    id: 'family.advocate',
    title: 'Advocate or supporter',
    prompt: () => 'Will an advocate or supporter come with you to the meeting?',
    help: () => 'You can bring one supporter of your choice; more need everyone to agree.',
    choices: YES_NO,
    answered: (a) => a.advocate !== undefined,
    toPatch: (v) => ({ advocate: v === 'yes' }),
    display: (a) => (a.advocate === undefined ? undefined : a.advocate ? 'Yes' : 'No'),
  }),
  textQuestion<FamilyAnswers>({
    id: 'family.advocateName',
    title: 'Who the supporter is',
    prompt: () => 'Who will it be? Please give their name and organisation, if any.',
    input: { kind: 'text', label: 'Supporter name and organisation', placeholder: 'e.g. Ali Advocate, SENDIASS', maxLength: SHORT_TEXT_MAX },
    applies: (_ctx, a) => a.advocate === true,
    read: (a) => a.advocateName,
    toPatch: (advocateName) => ({ advocateName }),
  }),
  textQuestion<FamilyAnswers>({
    id: 'family.adjustments',
    title: 'Reasonable adjustments',
    prompt: () => 'Do you need any adjustments to take part, such as breaks, a quiet room or an interpreter? Type "none" if not.',
    input: { kind: 'text', label: 'Adjustments needed', placeholder: 'e.g. short breaks every hour', maxLength: LONGER_TEXT_MAX, noneAllowed: true },
    read: (a) => a.adjustments,
    toPatch: (adjustments) => ({ adjustments }),
  }),
  choiceQuestion<FamilyAnswers, Expenses>({
    id: 'family.expenses',
    title: 'Expenses',
    prompt: () => 'Will you claim expenses for attending?',
    help: () => 'Reasonable travel and childcare costs are paid.',
    choices: [
      { value: 'travel', title: EXPENSES_LABELS.travel, words: ['travel', 'transport', 'mileage'] },
      { value: 'childcare', title: EXPENSES_LABELS.childcare, words: ['childcare', 'child care'] },
      { value: 'both', title: EXPENSES_LABELS.both, words: ['both', 'travel and childcare'] },
      { value: 'none', title: EXPENSES_LABELS.none, words: ['no', 'none', 'n', 'nothing'] },
    ],
    answered: (a) => a.expenses !== undefined,
    toPatch: (expenses) => ({ expenses }),
    display: (a) => (a.expenses ? EXPENSES_LABELS[a.expenses] : undefined),
  }),
];
