import { datesCard } from '../../cards/datesCard';
import { VERBS } from '../../cards/verbs';
import { calculateFromSubmission } from '../../domain/datesCalculator';
import { cardResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';

/** Anyone may use the calculator: it reads no case data and writes nothing. */
export const datesCalculateAction: CardAction = {
  verb: VERBS.datesCalculate,
  async handle({ data, deps }: ActionContext) {
    const outcome = calculateFromSubmission(data, deps.calendar);
    return cardResponse(datesCard(outcome.view));
  },
};
