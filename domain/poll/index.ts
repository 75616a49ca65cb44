/** The date poll ("find a date"): slots measured against the 30-day limit, answers, the grid and the pick. Pure. */
export {
  SLOTS_MAX,
  ANSWERS,
  ANSWER_LABELS,
  DatePollSchema,
  arrangeLimit,
  validatePollForm,
  respondentsOf,
  respondentFor,
  answerPoll,
  pollGrid,
  pickSlot,
  slotText,
  type Answer,
  type Slot,
  type PollAnswer,
  type DatePoll,
  type GridRow,
  type PollFormErrors,
} from './datePoll';
export { pollPrepQuestions, pollPrepPatch, type PollPrepQuestions } from './pollPreparation';
