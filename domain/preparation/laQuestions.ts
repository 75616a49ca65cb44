import { CASE_TYPES } from '../caseTypes';
import {
  CARE_REPRESENTATIVE_LABELS,
  KNOWS_FAMILY_LABELS,
  LONGER_TEXT_MAX,
  SHORT_TEXT_MAX,
  WORDING_RECORDING_LABELS,
  type CareRepresentatives,
  type KnowsFamily,
  type LaAnswers,
  type WordingRecording,
} from './answers';
import { YES_NO, choiceQuestion, textQuestion, type QuestionDef } from './questions';
import type { QuestionContext } from './subject';

/**
 * The LA officer's and ICB representative's preparation questions, in the order asked
 * (docs/rules.md#preparation-and-requested-changes: attendance, authority, other attendees, the plan). The ICB answers the
 * attendance and authority questions only: the plan and the other attendees are the LA's.
 */

const body = (ctx: QuestionContext): string => (ctx.role === 'health_icb' ? 'the ICB' : 'the local authority');
const who = (a: LaAnswers): string => a.attendeeName ?? 'the person attending';
const isLa = (ctx: QuestionContext): boolean => ctx.role === 'la_officer';
const planContent = (ctx: QuestionContext): boolean => isLa(ctx) && CASE_TYPES[ctx.caseType].planContent;
const yesNo = (v: boolean | undefined): string | undefined => (v === undefined ? undefined : v ? 'Yes' : 'No');

export const LA_QUESTIONS: readonly QuestionDef<LaAnswers>[] = [
  textQuestion<LaAnswers>({
    id: 'la.attendeeName',
    title: 'Who attends',
    prompt: (ctx) => `Who will attend the meeting for ${body(ctx)}? Please give their name.`,
    input: { kind: 'text', label: 'Name of the person attending', placeholder: 'e.g. Lee Officer', maxLength: SHORT_TEXT_MAX },
    read: (a) => a.attendeeName,
    toPatch: (attendeeName) => ({ attendeeName }),
  }),
  textQuestion<LaAnswers>({
    id: 'la.attendeeRole',
    title: 'Their role',
    prompt: (_ctx, a) => `What is ${who(a)}'s role?`,
    input: { kind: 'text', label: 'Their role', placeholder: 'e.g. SEN case officer', maxLength: SHORT_TEXT_MAX },
    read: (a) => a.attendeeRole,
    toPatch: (attendeeRole) => ({ attendeeRole }),
  }),
  choiceQuestion<LaAnswers, KnowsFamily>({
    id: 'la.knowsFamily',
    title: 'Knows the family and the case',
    prompt: (_ctx, a) => `Does ${who(a)} know the family and the case?`,
    help: () => 'Whoever attends should know the family and the case, and be able to make decisions.',
    choices: [
      { value: 'both', title: 'Yes, both', words: ['yes', 'y', 'both', 'family and case'] },
      { value: 'case_only', title: 'The case, not the family', words: ['case', 'case only', 'only the case'] },
      { value: 'neither', title: 'Neither yet', words: ['no', 'n', 'neither', 'not yet'] },
    ],
    answered: (a) => a.knowsFamily !== undefined,
    toPatch: (knowsFamily) => ({ knowsFamily }),
    display: (a) => (a.knowsFamily ? KNOWS_FAMILY_LABELS[a.knowsFamily] : undefined),
  }),
  choiceQuestion<LaAnswers, 'yes' | 'no'>({
    id: 'la.fullAuthority',
    title: 'Authority to settle',
    prompt: (_ctx, a) =>
      `Will ${who(a)} have full authority to resolve the issues in this mediation on the day, without needing to ask anyone who is not there?`,
    help: () => 'If not, the mediator is told straight away so the family can be told before the meeting.',
    choices: YES_NO,
    answered: (a) => a.fullAuthority !== undefined,
    toPatch: (v) => ({ fullAuthority: v === 'yes' }),
    display: (a) => yesNo(a.fullAuthority),
  }),
  textQuestion<LaAnswers>({
    id: 'la.authorityLimits',
    title: 'What cannot be decided on the day',
    prompt: () => 'What cannot be decided on the day?',
    input: { kind: 'text', label: 'What cannot be decided on the day', placeholder: 'e.g. funding above the banding for section F', maxLength: SHORT_TEXT_MAX },
    applies: (_ctx, a) => a.fullAuthority === false,
    read: (a) => a.authorityLimits,
    toPatch: (authorityLimits) => ({ authorityLimits }),
  }),
  textQuestion<LaAnswers>({
    id: 'la.authorityHolder',
    title: 'Who holds that authority',
    prompt: () => 'Who holds that authority? Please give a name or role.',
    input: { kind: 'text', label: 'Who holds that authority', placeholder: 'e.g. Head of SEN, or the funding panel', maxLength: SHORT_TEXT_MAX },
    applies: (_ctx, a) => a.fullAuthority === false,
    read: (a) => a.authorityHolder,
    toPatch: (authorityHolder) => ({ authorityHolder }),
  }),
  choiceQuestion<LaAnswers, CareRepresentatives>({
    id: 'la.careRepresentatives',
    title: 'Health and social care representatives',
    prompt: () => 'Do health or social care representatives need to attend?',
    help: (ctx) =>
      CASE_TYPES[ctx.caseType].involvesHealth
        ? 'Health care is among the issues in this case, so an ICB representative must attend.'
        : undefined,
    choices: [
      { value: 'health', title: CARE_REPRESENTATIVE_LABELS.health, words: ['health', 'icb', 'nhs'] },
      { value: 'social_care', title: CARE_REPRESENTATIVE_LABELS.social_care, words: ['social care', 'social'] },
      { value: 'both', title: CARE_REPRESENTATIVE_LABELS.both, words: ['both', 'health and social care'] },
      { value: 'none', title: CARE_REPRESENTATIVE_LABELS.none, words: ['no', 'none', 'neither', 'n'] },
    ],
    applies: (ctx) => isLa(ctx),
    answered: (a) => a.careRepresentatives !== undefined,
    toPatch: (careRepresentatives) => ({ careRepresentatives }),
    refuse: (value, ctx) =>
      CASE_TYPES[ctx.caseType].involvesHealth && (value === 'none' || value === 'social_care')
        ? 'Health care is among the issues in this case, so an ICB representative must attend: please choose "Health (ICB)" or "Health (ICB) and social care".'
        : undefined,
    display: (a) => (a.careRepresentatives ? CARE_REPRESENTATIVE_LABELS[a.careRepresentatives] : undefined),
  }),
  textQuestion<LaAnswers>({
    id: 'la.otherProfessionals',
    title: 'Other professionals to invite',
    prompt: () => 'Which other professionals should be invited, if any? Type "none" if nobody.',
    help: () => 'Saying early lets everyone agree to them attending.',
    input: { kind: 'text', label: 'Other professionals to invite', placeholder: 'e.g. speech and language therapist', maxLength: LONGER_TEXT_MAX, noneAllowed: true },
    applies: (ctx) => isLa(ctx),
    read: (a) => a.otherProfessionals,
    toPatch: (otherProfessionals) => ({ otherProfessionals }),
  }),
  choiceQuestion<LaAnswers, 'yes' | 'no'>({
    id: 'la.editablePlanReady',
    title: 'Editable copy of the plan',
    prompt: () => 'Will an editable copy of the plan be ready to share on screen at the meeting?',
    help: () => 'Agreed wording is confirmed on the shared plan during the meeting.',
    choices: YES_NO,
    applies: planContent,
    answered: (a) => a.editablePlanReady !== undefined,
    toPatch: (v) => ({ editablePlanReady: v === 'yes' }),
    display: (a) => yesNo(a.editablePlanReady),
  }),
  choiceQuestion<LaAnswers, WordingRecording>({
    id: 'la.wordingRecording',
    title: 'How agreed wording is recorded',
    prompt: () => 'How will agreed wording be recorded?',
    choices: [
      { value: 'la_edits_on_screen', title: WORDING_RECORDING_LABELS.la_edits_on_screen, words: ['la', 'on screen', 'la officer', 'i will edit'] },
      { value: 'mediator_records', title: WORDING_RECORDING_LABELS.mediator_records, words: ['mediator', 'outcome'] },
      { value: 'other', title: WORDING_RECORDING_LABELS.other, words: ['other', 'something else'] },
    ],
    applies: planContent,
    answered: (a) => a.wordingRecording !== undefined,
    toPatch: (wordingRecording) => ({ wordingRecording }),
    display: (a) => (a.wordingRecording ? WORDING_RECORDING_LABELS[a.wordingRecording] : undefined),
  }),
  textQuestion<LaAnswers>({
    id: 'la.wordingRecordingOther',
    title: 'Other way of recording wording',
    prompt: () => 'How will agreed wording be recorded?',
    input: { kind: 'text', label: 'How agreed wording will be recorded', maxLength: SHORT_TEXT_MAX },
    applies: (ctx, a) => planContent(ctx) && a.wordingRecording === 'other',
    read: (a) => a.wordingRecordingOther,
    toPatch: (wordingRecordingOther) => ({ wordingRecordingOther }),
  }),
];
