import { SLOTS_MAX, type PollFormErrors } from '../domain/poll';
import { card, execute, fieldError, fieldProblemCount, heading, problemsBanner, text, type AdaptiveCard, type CardElement } from './adaptive';
import { VERBS } from './verbs';

export interface PollFormView {
  readonly caseId: string;
  readonly caseReference: string;
  /** "Sun 20 Dec 2026", when the 30-day limit is known. */
  readonly limitText?: string;
  readonly values?: Readonly<Record<string, string>>;
  readonly errors?: PollFormErrors;
}

/** `find a date`: up to 8 slots and, for slots after the limit, the reason they are offered. */
export function pollFormCard(view: PollFormView): AdaptiveCard {
  const v = view.values ?? {};
  const e = view.errors ?? {};
  const body: CardElement[] = [
    heading(`Find a date for case ${view.caseReference}`),
    text(
      view.limitText
        ? `The 30-day limit is ${view.limitText}. Slots after it are shown as late, with the number of days, and need a reason.`
        : 'No 30-day limit is known yet (add the date the local authority was told with **Edit case**).',
      { isSubtle: true },
    ),
    ...problemsBanner(fieldProblemCount(e), e.form),
  ];
  for (let i = 1; i <= SLOTS_MAX; i++) {
    const date = v[`slot${i}Date`];
    const time = v[`slot${i}Time`];
    body.push(
      { type: 'Input.Date', id: `slot${i}Date`, label: `Slot ${i}: date`, ...(date ? { value: date } : {}) },
      ...fieldError(e[`slot${i}Date`]),
      { type: 'Input.Time', id: `slot${i}Time`, label: `Slot ${i}: start time (UK time)`, ...(time ? { value: time } : {}) },
      ...fieldError(e[`slot${i}Time`]),
    );
  }
  body.push(
    { type: 'Input.Text', id: 'lateReason', label: 'Why slots after the limit are offered (only if any are)', maxLength: 300, isMultiline: true, ...(v.lateReason ? { value: v.lateReason } : {}) },
    ...fieldError(e.lateReason),
  );
  return card(body, [execute('Send the poll', VERBS.pollCreate, { caseId: view.caseId }, { style: 'positive' })]);
}
