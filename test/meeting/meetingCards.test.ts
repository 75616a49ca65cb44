import { actionFormCard } from '../../cards/actionFormCard';
import { FALLBACK_MAX, ROW_BUTTONS_MAX, actionsListCard } from '../../cards/actionsListCard';
import { checklistCard, checklistCardText } from '../../cards/checklistCard';
import { changeResultCard } from '../../cards/meetingChangeResultCard';
import { closeMeetingCard } from '../../cards/meetingCloseCard';
import { startMeetingCard } from '../../cards/meetingStartCard';
import { STRUCTURE_ONLY } from '../../cards/meetingCardParts';
import { toChecklistView, toCloseMeetingView, toStartMeetingView } from '../../cards/meetingView';
import { toActionFormView, toActionsListView, toChangeResultView, type RequestedChangeSummary } from '../../cards/actionViews';
import { VERBS } from '../../cards/verbs';
import {
  ACTIONS_MAX,
  ACTION_WHAT_MAX,
  AGREED_WORDING_MAX,
  addAction,
  closeMeeting,
  setChangeResult,
  startBreak,
  tickItem,
  validateActionSubmission,
  validateCloseSubmission,
  type ActionInput,
  type Meeting,
} from '../../domain/meeting';
import { seqRandom } from '../domain/caseFixtures';
import { cardParts, cardText, expectValidCard, MAX_CARD_BYTES } from '../cards/validateCard';
import { LEAD, MEETING_DAY, PARENT, later, meetingCase, ok, runningMeeting } from './meetingFixtures';

const c = meetingCase();

const longAction = (i: number): ActionInput => ({
  owner: i % 2 === 0 ? { kind: 'body', body: 'local_authority' } : { kind: 'other', name: 'o'.repeat(80) },
  what: `Action ${i}: ${'w'.repeat(ACTION_WHAT_MAX - 12)}`,
  category: i % 2 === 0 ? 'assess' : 'other_agreed_date',
  agreedDueDate: '2027-01-19',
});

function withActions(count: number, input: (i: number) => ActionInput = longAction): Meeting {
  let m = runningMeeting(c);
  for (let i = 0; i < count; i++) m = ok(addAction(c, m, LEAD.aadObjectId, `action-${String(i).padStart(4, '0')}`, input(i), later(40)));
  return m;
}

const changes: RequestedChangeSummary[] = [
  { changeId: 'change-0001', label: 'Change 1: section F, paragraph 2', currentWording: 'Some SALT', requestedWording: 'Weekly SALT, 1 hour', laPositionText: "Local authority's position: Discuss" },
  { changeId: 'change-0002', label: 'Change 2: section I', requestedWording: 'Name Hill School' },
];

describe('checklistCard', () => {
  it('is valid and shows the guards, every item with a button, the structure-only line and the main buttons', () => {
    let m = runningMeeting(c);
    m = ok(tickItem(c, m, LEAD.aadObjectId, 'opening', true, later(5)));
    const view = toChecklistView(c, m, { requestedChangeCount: 2 });
    const parts = expectValidCard(checklistCard(view));
    const text = cardText(checklistCard(view));
    expect(text).toContain(STRUCTURE_ONLY);
    expect(text).toContain('✓ Everyone has agreed the current Terms of Engagement.');
    expect(text).toContain('✓ **1. Opening and terms check**: done');
    // A done item is one line: its mark, name and time beside the undo button, so the agenda fits a phone.
    expect(text).toContain('✓ **1. Opening and terms check**: done at 10:05');
    const done = parts.elements.find((e) => e.type === 'ColumnSet' && JSON.stringify(e).includes('Opening and terms check'));
    expect(done?.type === 'ColumnSet' && done.columns.map((col) => col.items.map((i) => i.type))).toEqual([['TextBlock'], ['ActionSet']]);
    expect(text).toContain('○ **2. The family\'s case**: not done yet');
    expect(text).toContain('0 of 2 requested changes have a result.');
    const ticks = parts.executes.filter((a) => a.verb === VERBS.meetingTick);
    expect(ticks).toHaveLength(11);
    expect(ticks[0]?.data).toEqual({ caseId: c.id, meetingId: m.meetingId, itemId: 'opening', on: 0 });
    expect(ticks[1]?.data).toMatchObject({ itemId: 'family_case', on: 1 });
    const verbs = parts.executes.map((a) => a.verb);
    for (const verb of [VERBS.actionForm, VERBS.meetingReadBack, VERBS.meetingCloseForm, VERBS.meetingBreakStart, VERBS.changeResultForm]) expect(verbs).toContain(verb);
    expect(parts.inputs.map((i) => i.id)).toEqual(['breakParties']);
  });

  it('shows the failed guard and the reason the meeting started anyway', () => {
    const m = { ...runningMeeting(c), guards: { termsAgreed: false, authorityConfirmed: true }, startedAnywayReason: 'Parent agreed verbally' };
    const text = cardText(checklistCard(toChecklistView(c, m)));
    expect(text).toContain('✗ Not everyone has agreed the current Terms of Engagement.');
    expect(text).toContain('– No requested changes to review.');
    expect(text).toContain('Started anyway: Parent agreed verbally');
  });

  it('shows an open break with its end button instead of the start buttons', () => {
    const m = ok(startBreak(c, runningMeeting(c), LEAD.aadObjectId, { kind: 'all' }, later(20), seqRandom()));
    const parts = expectValidCard(checklistCard(toChecklistView(c, m)));
    expect(cardText(checklistCard(toChecklistView(c, m)))).toContain('On a break (everyone) since 10:20.');
    expect(parts.executes.find((a) => a.verb === VERBS.meetingBreakEnd)?.data).toEqual({ caseId: c.id, meetingId: m.meetingId, breakId: m.breaks[0]?.breakId });
    expect(parts.executes.some((a) => a.verb === VERBS.meetingBreakStart)).toBe(false);
  });

  it('has no change buttons once closed, or for a party', () => {
    const closed = ok(closeMeeting(c, runningMeeting(c), LEAD.aadObjectId, { outcome: 'none' }, later(60)));
    const parts = expectValidCard(checklistCard(toChecklistView(c, closed)));
    expect(parts.executes.map((a) => a.verb)).toEqual([VERBS.meetingReadBack]);
    expect(cardText(checklistCard(toChecklistView(c, closed)))).toContain('Closed Thu 17 Dec 2026 at 11:00: No agreement.');
    const forParent = expectValidCard(checklistCard(toChecklistView(c, runningMeeting(c), { viewer: PARENT.aadObjectId })));
    expect(forParent.executes).toEqual([]);
  });

  it('has a plain-text fallback with the same content', () => {
    const m = ok(tickItem(c, runningMeeting(c), LEAD.aadObjectId, 'childs_views', true, later(5)));
    const view = toChecklistView(c, m);
    const fallback = checklistCardText(view);
    expect(checklistCard(view).fallbackText).toBe(fallback);
    expect(fallback).toContain(STRUCTURE_ONLY);
    expect(fallback).toContain("[x] Child's views: Done at 10:05 by Morgan Mediator");
    expect(fallback).toContain('[ ] 1. Opening and terms check');
    expect(fallback).toContain('✓ The local authority officer has confirmed their authority to settle.');
  });
});

describe('startMeetingCard', () => {
  it('lists the failing guards and asks for a required reason', () => {
    const view = toStartMeetingView(c, { termsAgreed: false, authorityConfirmed: true, changesReviewed: false }, { session: 1, error: 'Give a short reason to start anyway.' });
    const parts = expectValidCard(startMeetingCard(view));
    const text = cardText(startMeetingCard(view));
    expect(text).toContain('✗ Not everyone has agreed the current Terms of Engagement.');
    expect(text).toContain('✗ The local authority has not reviewed every requested change.');
    expect(text).toContain('✓ The local authority officer has confirmed their authority to settle.');
    expect(parts.inputs).toEqual([expect.objectContaining({ id: 'startedAnywayReason', isRequired: true, maxLength: 200 })]);
    expect(parts.executes).toEqual([expect.objectContaining({ verb: VERBS.meetingStart, data: { caseId: c.id } })]);
  });

  it('starts without a reason when every guard holds, and names a later session', () => {
    const parts = expectValidCard(startMeetingCard(toStartMeetingView(c, { termsAgreed: true, authorityConfirmed: true }, { session: 2 })));
    expect(parts.inputs).toEqual([]);
    expect(cardText(startMeetingCard(toStartMeetingView(c, { termsAgreed: true, authorityConfirmed: true }, { session: 2 })))).toContain('Start session 2');
  });
});

describe('actionFormCard', () => {
  it('is valid for a new action: every input labelled, owner choices from the case, stable action id in the data', () => {
    const m = runningMeeting(c);
    const view = toActionFormView(c, m, { actionId: 'new-action-01', today: MEETING_DAY });
    const parts = expectValidCard(actionFormCard(view));
    expect(parts.inputs.map((i) => i.id)).toEqual(['owner', 'ownerOther', 'what', 'category', 'agreedDueDate']);
    const owner = parts.inputs.find((i) => i.id === 'owner');
    expect(owner?.type === 'Input.ChoiceSet' && owner.choices.map((ch) => ch.title)).toContain('Parent or carer');
    const category = parts.inputs.find((i) => i.id === 'category');
    expect(category?.type === 'Input.ChoiceSet' && category.choices.map((ch) => ch.title)).toContain('Amend the plan and issue it (T13d)');
    expect(parts.inputs.find((i) => i.id === 'agreedDueDate')).toMatchObject({ type: 'Input.Date', min: MEETING_DAY });
    expect(parts.executes[0]).toMatchObject({ verb: VERBS.actionSave, data: { caseId: c.id, meetingId: m.meetingId, actionId: 'new-action-01' } });
    expect(cardText(actionFormCard(view))).toContain('Thu 17 Dec 2026 (today; final when the meeting closes)');
  });

  it('shows errors beside the fields and keeps what was typed', () => {
    const m = runningMeeting(c);
    const r = validateActionSubmission({ owner: 'body:school', what: 'x', category: 'amend_plan' }, { parties: c.parties, agreementDate: MEETING_DAY });
    if (r.ok) throw new Error('expected errors');
    const card = actionFormCard(toActionFormView(c, m, { actionId: 'new-action-01', today: MEETING_DAY, values: r.values, errors: r.errors }));
    const parts = expectValidCard(card);
    expect(cardText(card)).toContain('Please check the field marked below.');
    const categoryAt = parts.elements.findIndex((e) => 'id' in e && e.id === 'category');
    const next = parts.elements[categoryAt + 1];
    expect(next?.type === 'TextBlock' && next.text).toMatch(/binds the local authority/);
    expect(parts.inputs.find((i) => i.id === 'what')).toMatchObject({ value: 'x' });
  });

  it('fills in an existing action and shows its computed dates', () => {
    const m = withActions(1, () => ({ owner: { kind: 'body', body: 'local_authority' }, what: 'Issue the amended plan', category: 'amend_plan', agreedDueDate: '2027-01-19' }));
    const card = actionFormCard(toActionFormView(c, m, { actionId: 'action-0000', today: MEETING_DAY }));
    const parts = expectValidCard(card);
    expect(cardText(card)).toContain('Edit agreed action 1');
    expect(cardText(card)).toContain('Statutory: Thu 21 Jan 2027');
    expect(cardText(card)).toContain('Agreed in writing: Tue 19 Jan 2027');
    expect(parts.inputs.find((i) => i.id === 'agreedDueDate')).toMatchObject({ value: '2027-01-19' });
    expect(parts.inputs.find((i) => i.id === 'owner')).toMatchObject({ value: 'body:local_authority' });
  });
});

describe('actionsListCard', () => {
  it('shows each action with its due date and weekday, the statutory date beside an agreed one, and edit/remove while open', () => {
    const m = withActions(1, () => ({ owner: { kind: 'body', body: 'local_authority' }, what: 'Issue the amended plan', category: 'amend_plan', agreedDueDate: '2027-01-19' }));
    const card = actionsListCard(toActionsListView(c, m, { today: MEETING_DAY }));
    const parts = expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('**1. Local authority will issue the amended plan**');
    expect(text).toContain('Due by Tue 19 Jan 2027 (statutory: Thu 21 Jan 2027; agreed in writing: Tue 19 Jan 2027).');
    expect(parts.executes.map((a) => [a.verb, a.data?.actionId])).toEqual([
      [VERBS.actionForm, 'action-0000'],
      [VERBS.actionRemove, 'action-0000'],
      [VERBS.actionForm, undefined],
      [VERBS.meetingChecklist, undefined],
    ]);
    expect(card.fallbackText).toContain('1. Local authority will issue the amended plan by Tue 19 Jan 2027 (statutory: Thu 21 Jan 2027; agreed in writing: Tue 19 Jan 2027).');
  });

  it(`gives a long list (over ${ROW_BUTTONS_MAX}) one picker instead of buttons on every action`, () => {
    const m = withActions(ROW_BUTTONS_MAX + 1);
    const parts = expectValidCard(actionsListCard(toActionsListView(c, m, { today: MEETING_DAY })));
    expect(parts.inputs.map((i) => i.id)).toEqual(['actionId']);
    const picker = parts.inputs[0];
    expect(picker?.type === 'Input.ChoiceSet' && picker.choices[0]).toEqual({ title: `1. Local authority: Action 0: ${'w'.repeat(29)}…`, value: 'action-0000' });
    expect(parts.executes.filter((a) => a.verb === VERBS.actionRemove || a.verb === VERBS.actionForm).map((a) => a.data)).toEqual([
      { caseId: c.id, meetingId: m.meetingId },
      { caseId: c.id, meetingId: m.meetingId },
      { caseId: c.id, meetingId: m.meetingId },
    ]);
  });

  it('has no edit buttons once closed', () => {
    const m = withActions(2);
    const closed = ok(closeMeeting(c, m, LEAD.aadObjectId, { outcome: 'partial' }, later(90)));
    const parts = expectValidCard(actionsListCard(toActionsListView(c, closed, { today: MEETING_DAY })));
    expect(parts.executes.map((a) => a.verb)).toEqual([VERBS.meetingChecklist]);
    expect(parts.inputs).toEqual([]);
  });

  it('shows the change results in the case\'s order, with a wording preview', () => {
    let m = runningMeeting(c);
    m = ok(setChangeResult(c, m, LEAD.aadObjectId, { changeId: 'change-0002', result: 'not_agreed' }, later(30)));
    m = ok(setChangeResult(c, m, LEAD.aadObjectId, { changeId: 'change-0001', result: 'agreed', agreedWording: 'z'.repeat(AGREED_WORDING_MAX) }, later(31)));
    const view = toActionsListView(c, m, { today: MEETING_DAY, changes });
    expect(view.changes.map((ch) => ch.label)).toEqual(['Change 1: section F, paragraph 2', 'Change 2: section I']);
    expect(view.changes[0]?.wordingPreview).toHaveLength(200);
    expect(view.lines).toContain('Change 2: section I: Not agreed.');
    expectValidCard(actionsListCard(view));
  });

  it(`stays under ${MAX_CARD_BYTES} bytes with the maximum of ${ACTIONS_MAX} actions of the longest wording, showing them all`, () => {
    expect(ACTIONS_MAX).toBe(20);
    let m = withActions(ACTIONS_MAX);
    m = ok(setChangeResult(c, m, LEAD.aadObjectId, { changeId: 'change-0002', result: 'deferred' }, later(31)));
    const long = actionsListCard(toActionsListView(c, m, { today: MEETING_DAY, changes }));
    expectValidCard(long);
    for (let i = 1; i <= ACTIONS_MAX; i++) expect(cardText(long)).toContain(`**${i}. `);
    expect(cardText(long)).toContain('**Change 2: section I**: Deferred');
    expect(long.fallbackText?.length).toBeLessThanOrEqual(FALLBACK_MAX + 100);
    expect(long.fallbackText).toMatch(/more lines: open this in Teams/);
    // The checklist and the edit form of such a meeting fit too.
    expectValidCard(checklistCard(toChecklistView(c, m, { requestedChangeCount: 2 })));
    expectValidCard(actionFormCard(toActionFormView(c, m, { actionId: 'action-0000', today: MEETING_DAY })));
  });

  it('leaves out what does not fit, change results first, and says so', () => {
    let m = withActions(ACTIONS_MAX);
    const many: RequestedChangeSummary[] = [];
    for (let i = 0; i < 40; i++) {
      const changeId = `change-${String(i).padStart(4, '0')}`;
      many.push({ changeId, label: `Change ${i + 1}: section F, paragraph ${i + 1}`, requestedWording: 'x' });
      m = ok(setChangeResult(c, m, LEAD.aadObjectId, { changeId, result: 'agreed', agreedWording: 'z'.repeat(AGREED_WORDING_MAX) }, later(31)));
    }
    const card = actionsListCard(toActionsListView(c, m, { today: MEETING_DAY, changes: many }));
    expectValidCard(card);
    expect(cardText(card)).toMatch(/Not shown, to keep this card within Teams' size limit: \d+ more change results\. The text read-back has them all\./);
    expect(cardText(card)).toContain(`**${ACTIONS_MAX}. `);
  });
});

describe('changeResultCard', () => {
  it('asks for a result and the agreed wording, with the change id in the data', () => {
    const m = runningMeeting(c);
    const card = changeResultCard(toChangeResultView(c, m, changes[0]!));
    const parts = expectValidCard(card);
    expect(parts.inputs.map((i) => i.id)).toEqual(['result', 'agreedWording']);
    expect(parts.inputs[0]).toMatchObject({ isRequired: true });
    expect(parts.executes[0]).toMatchObject({ verb: VERBS.changeResult, data: { caseId: c.id, meetingId: m.meetingId, changeId: 'change-0001' } });
    expect(cardText(card)).toContain('Requested wording: Weekly SALT, 1 hour');
  });

  it('fills in a recorded result and shows errors', () => {
    const m = ok(setChangeResult(c, runningMeeting(c), LEAD.aadObjectId, { changeId: 'change-0001', result: 'agreed', agreedWording: 'Weekly SALT' }, later(30)));
    const card = changeResultCard(toChangeResultView(c, m, changes[0]!, { errors: { agreedWording: 'Enter the wording everyone confirmed on the shared screen.' }, values: { result: 'agreed' } }));
    const parts = expectValidCard(card);
    expect(cardText(card)).toContain('Recorded at 10:30: Agreed as requested.');
    expect(cardText(card)).toContain('Enter the wording everyone confirmed on the shared screen.');
    expect(parts.inputs[0]).toMatchObject({ value: 'agreed' });
    const recorded = expectValidCard(changeResultCard(toChangeResultView(c, m, changes[0]!)));
    expect(recorded.inputs[1]).toMatchObject({ value: 'Weekly SALT' });
  });
});

describe('closeMeetingCard', () => {
  it('offers the outcomes, next date and reasons, and reminds about unticked items and an open break', () => {
    let m = ok(tickItem(c, runningMeeting(c), LEAD.aadObjectId, 'opening', true, later(5)));
    m = ok(startBreak(c, m, LEAD.aadObjectId, { kind: 'all' }, later(20), seqRandom()));
    const card = closeMeetingCard(toCloseMeetingView(c, m, { today: MEETING_DAY }));
    const parts = expectValidCard(card);
    expect(parts.inputs.map((i) => i.id)).toEqual(['outcome', 'nextDate', 'endedEarlyReason', 'endedEarlyOther']);
    const outcome = parts.inputs[0];
    expect(outcome?.type === 'Input.ChoiceSet' && outcome.choices.map((ch) => ch.value)).toEqual(['full', 'partial', 'none', 'adjourned', 'ended_early']);
    expect(parts.inputs[1]).toMatchObject({ type: 'Input.Date', min: MEETING_DAY });
    const text = cardText(card);
    expect(text).toContain("Not marked done: The family's case");
    expect(text).not.toContain('Not marked done: Opening');
    expect(text).toContain('A break is under way (everyone). It ends when the meeting closes.');
    expect(parts.executes[0]).toMatchObject({ verb: VERBS.meetingClose, data: { caseId: c.id, meetingId: m.meetingId } });
  });

  it('shows the errors of a returned form', () => {
    const r = validateCloseSubmission({ outcome: 'adjourned', nextDate: '2026-12-01' }, { today: MEETING_DAY });
    if (r.ok) throw new Error('expected errors');
    const card = closeMeetingCard(toCloseMeetingView(c, runningMeeting(c), { today: MEETING_DAY, values: r.values, errors: r.errors }));
    expectValidCard(card);
    expect(cardText(card)).toContain('The next session cannot be in the past (today is Thu 17 Dec 2026).');
    expect(cardParts(card).inputs[0]).toMatchObject({ value: 'adjourned' });
  });
});
