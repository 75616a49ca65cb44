import { isIsoDate, isRuleId, RULE_LIST } from '../domain/timescales';
import {
  card,
  container,
  execute,
  facts,
  heading,
  nonEmptyChoices,
  text,
  type AdaptiveCard,
  type CardElement,
  type Choice,
  type ChoiceSetInput,
  type DateInput,
} from './adaptive';
import { VERBS } from './verbs';

export interface DatesResultView {
  readonly ruleTitle: string;
  /** Every date text carries its weekday (formatDate). */
  readonly dueText: string;
  /** Only when it differs from the due date. */
  readonly lastWorkingDayText?: string;
  readonly idealText?: string;
  readonly explanation: string;
}

export interface DatesCardView {
  readonly result?: DatesResultView;
  readonly error?: string;
  readonly selectedRule?: string;
  readonly from?: string;
  readonly second?: string;
}

export const DATES_INPUT_IDS = { rule: 'rule', from: 'from', second: 'second' } as const;

const HOW_DATES_ARE_COUNTED: readonly string[] = [
  '**Working days** leave out Saturdays, Sundays, Christmas Day, Good Friday and England and Wales bank holidays. 24 and 31 December are working days.',
  'The day of the event itself is not counted: counting starts on the next day.',
  'Limits in **calendar days, weeks or months** do not move when they end on a weekend or bank holiday, so the last working day on or before the limit is shown as well.',
  '**Appeal to the Tribunal**: the later of 2 months after the decision notice was sent and 1 month after the certificate was issued. A limit ending in August moves to the first working day of September; one ending between 25 December and 1 January moves to the next working day in January.',
];

const DISCLAIMER = 'This is guidance, not legal advice. Check important dates against the letters you have received.';

function ruleChoices(): readonly [Choice, ...Choice[]] {
  return nonEmptyChoices(RULE_LIST.map((r) => ({ title: `${r.title} (${r.tNumber})`, value: r.id })), 'rules');
}

function resultBlock(result: DatesResultView): CardElement {
  const rows: [string, string][] = [['Due', result.dueText]];
  if (result.lastWorkingDayText) rows.push(['Last working day on or before', result.lastWorkingDayText]);
  if (result.idealText) rows.push(['Ideally by', result.idealText]);
  return container([heading(result.ruleTitle, 'default'), facts(rows), text(result.explanation)], {
    style: 'good',
    spacing: 'medium',
  });
}

function errorBlock(error: string): CardElement {
  return container(
    [text('The date could not be worked out', { weight: 'bolder' }), text(error)],
    { style: 'attention', spacing: 'medium' },
  );
}

/** Pre-fill only what the inputs can show; a malformed value would blank the whole input. */
function dateValue(value: string | undefined): Pick<DateInput, 'value'> {
  return value !== undefined && isIsoDate(value) ? { value } : {};
}

function inputs(view: DatesCardView): CardElement[] {
  const rule: ChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: DATES_INPUT_IDS.rule,
    label: 'Which time limit?',
    choices: ruleChoices(),
    style: 'compact',
    placeholder: 'Choose a time limit',
    isRequired: true,
    errorMessage: 'Choose the time limit to work out.',
    ...(view.selectedRule !== undefined && isRuleId(view.selectedRule) ? { value: view.selectedRule } : {}),
  };
  const from: DateInput = {
    type: 'Input.Date',
    id: DATES_INPUT_IDS.from,
    label: 'Date of the event the clock runs from (for an appeal: the date the decision notice was sent)',
    isRequired: true,
    errorMessage: 'Enter the date of the event.',
    ...dateValue(view.from),
  };
  const second: DateInput = {
    type: 'Input.Date',
    id: DATES_INPUT_IDS.second,
    label: 'Certificate issue date (appeal only)',
    ...dateValue(view.second),
  };
  return [rule, from, second];
}

/** The card of the `dates` command: how dates are counted, and a one-rule calculator. */
export function datesCard(view: DatesCardView = {}): AdaptiveCard {
  const body: CardElement[] = [
    heading('How SEND mediation dates are counted'),
    ...HOW_DATES_ARE_COUNTED.map((line) => text(line, { spacing: 'small' })),
    text(DISCLAIMER, { isSubtle: true, size: 'small' }),
  ];
  if (view.result) body.push(resultBlock(view.result));
  if (view.error) body.push(errorBlock(view.error));
  body.push(heading('Work out a date', 'default'), ...inputs(view));
  return card(body, [execute('Work out the date', VERBS.datesCalculate, undefined, { style: 'positive' })], {
    fallbackText: 'Working days leave out weekends, Christmas Day, Good Friday and bank holidays. Type "dates" in a client that shows cards to use the calculator.',
  });
}
