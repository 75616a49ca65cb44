import { addParty, type Case } from '../../domain/cases';
import { ACTIONS_MAX, ACTION_WHAT_MAX, AGREED_WORDING_MAX, type ActionInput } from '../../domain/meeting';
import {
  CORRECTION_REASON_MAX,
  NOT_MINUTES_REMINDER,
  OVERVIEW_MAX,
  attachAmendedPlan,
  issueInputId,
  publishOutcome,
  respondToOutcome,
  startOutcomeRecord,
  validateOutcomeDraftSubmission,
  type OutcomeRecord,
} from '../../domain/outcome';
import { WORDING_MAX, type RequestedChange } from '../../domain/preparation';
import { amendedPlanRequestCard } from '../../cards/outcomeAmendedPlanCard';
import { outcomeCard } from '../../cards/outcomeCard';
import { outcomeDraftCard } from '../../cards/outcomeDraftCard';
import { toAmendedPlanRequestView, toOutcomeCardView, toOutcomeDraftView } from '../../cards/outcomeViews';
import { VERBS } from '../../cards/verbs';
import { storedChange } from '../preparation/prepFixtures';
import { cardParts, cardText, expectValidCard, MAX_CARD_BYTES } from '../cards/validateCard';
import {
  CLOSE_AT,
  CO,
  LEAD,
  NOW,
  OFFICER,
  OVERVIEW,
  PARENT,
  STRANGER,
  closedMeeting,
  draftOf,
  later,
  meetingCase,
  ok,
  planFixture,
  publishedFixture,
} from './outcomeFixtures';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('outcomeDraftCard', () => {
  const { c, changes, meeting } = planFixture();
  const draft = draftOf(c, meeting, changes);
  const record = ok(startOutcomeRecord(c, meeting, LEAD.aadObjectId, CLOSE_AT));

  it('is valid, pre-filled, with result pickers, the overview and its not-minutes reminder, and Publish', () => {
    const view = toOutcomeDraftView(c, draft, record, { now: later(60, CLOSE_AT) });
    const built = outcomeDraftCard(view);
    const parts = expectValidCard(built);
    const text = cardText(built);
    expect(text).toContain('Outcome statement: case SM-2026/014, draft of version 1');
    expect(text).toContain('Due by Fri 18 Dec 2026 at 12:30 (due in 23 h)');
    expect(text).toContain(NOT_MINUTES_REMINDER);
    expect(text).toContain('Decision notice sent: Thu 1 Oct 2026');
    expect(text).toContain('**Lee Officer**, Local authority officer, Surrey County Council');
    expect(text).toContain('Due by Thu 21 Jan 2027 (statutory, T13d)');
    expect(text).toContain('Due by Fri 8 Jan 2027 (statutory: Thu 31 Dec 2026; agreed in writing: Fri 8 Jan 2027)');
    expect(text).toContain('Agreed wording: Agreed wording for change 1');
    expect(text).toContain('Certificate: the mediator will issue the mediation certificate by Tue 22 Dec 2026');
    const overview = parts.inputs.find((i) => i.id === 'overview');
    expect(overview).toMatchObject({ type: 'Input.Text', maxLength: OVERVIEW_MAX, isMultiline: true, isRequired: true });
    const pickers = parts.inputs.filter((i) => i.type === 'Input.ChoiceSet');
    expect(pickers.map((p) => [p.id, p.type === 'Input.ChoiceSet' ? p.value : ''])).toEqual(draft.issues.map((i) => [issueInputId(i.issueId), i.result]));
    expect(pickers[0]?.label).toContain('(from the meeting record: resolved)');
    const publish = parts.executes.find((a) => a.verb === VERBS.outcomePublish);
    expect(publish).toMatchObject({ title: 'Publish version 1', data: { caseId: c.id, outcomeVersion: 1 } });
  });

  it('says when it is overdue, and shows problems and what was typed when it comes back', () => {
    const typed = { overview: '', [issueInputId(changes[0]?.changeId ?? '')]: 'unresolved' };
    const v = validateOutcomeDraftSubmission(draft, typed);
    if (v.ok) throw new Error('expected problems');
    const view = toOutcomeDraftView(c, draft, record, { now: later(26 * 60, CLOSE_AT), values: v.values, errors: v.errors });
    const built = outcomeDraftCard(view);
    expectValidCard(built);
    const text = cardText(built);
    expect(text).toContain('(overdue by 2 h)');
    expect(text).toContain('Please check the fields marked below.');
    expect(text).toMatch(/Write a short overview/);
    expect(cardParts(built).inputs.find((i) => i.id === issueInputId(changes[0]?.changeId ?? ''))).toMatchObject({ value: 'unresolved' });
    expect(view.overdue).toBe(true);
  });

  it('for a revision: version n+1, what it revises and the corrections asked for', () => {
    const { c: c2, record: published, changes: ch2, meeting: m2 } = publishedFixture();
    const answered = ok(respondToOutcome(c2, published, PARENT.aadObjectId, 1, { kind: 'correction', reason: 'The EP visit date is wrong' }, later(90, CLOSE_AT)));
    const view = toOutcomeDraftView(c2, draftOf(c2, m2, ch2), answered, { now: later(120, CLOSE_AT) });
    const built = outcomeDraftCard(view);
    expectValidCard(built);
    const text = cardText(built);
    expect(text).toContain('draft of version 2');
    expect(text).toContain('Revising version 1, published Thu 17 Dec 2026 at 13:30.');
    expect(text).toContain('- Pat Parent: The EP visit date is wrong');
    expect(cardParts(built).executes.find((a) => a.verb === VERBS.outcomePublish)?.data).toEqual({ caseId: c2.id, outcomeVersion: 2 });
  });
});

describe('outcomeCard', () => {
  const { c, record } = publishedFixture();

  it('shows the version, when it was published, every party\'s answer in words, and the outcome', () => {
    let r: OutcomeRecord = ok(respondToOutcome(c, record, PARENT.aadObjectId, 1, { kind: 'content' }, later(90, CLOSE_AT)));
    r = ok(respondToOutcome(c, r, OFFICER.aadObjectId, 1, { kind: 'correction', reason: 'Change 2 wording is wrong' }, later(95, CLOSE_AT)));
    const view = toOutcomeCardView(c, r);
    if (!view) throw new Error('no view');
    const built = outcomeCard(view);
    const parts = expectValidCard(built);
    const text = cardText(built);
    expect(text).toContain('Outcome statement: case SM-2026/014, version 1');
    expect(text).toContain('Published Thu 17 Dec 2026 at 13:30 by Morgan Mediator (within 24 hours of the close).');
    expect(text).toContain('1 of 4 parties are content; 1 asked for a correction; 2 have not answered yet.');
    expect(text).toContain('✓ **Pat Parent** (Parent or carer): Content with what is written (Thu 17 Dec 2026 at 14:00)');
    expect(text).toContain('✎ **Lee Officer** (Local authority officer): Asked for a correction: "Change 2 wording is wrong"');
    expect(text).toContain('○ **Ali Advocate** (Advocate or supporter): No answer yet');
    expect(text).toContain(OVERVIEW);
    expect(text).toContain('**Change 2: section B (Special educational needs), communication needs**: Not resolved');
    expect(text).toContain('Due by Thu 21 Jan 2027');
    expect(text).toContain('Waiting for the amended plan from the local authority officer.');
    expect(text).toMatch(/may be shared with professionals who need it/);
    expect(text).toContain('Dates and next steps are guidance, not legal advice.');
    const data = { caseId: c.id, outcomeVersion: 1 };
    expect(parts.executes.find((a) => a.verb === VERBS.outcomeContent)).toMatchObject({ title: "I'm content with what is written", data });
    expect(parts.executes.find((a) => a.verb === VERBS.outcomeCorrection)).toMatchObject({ data });
    expect(parts.executes.find((a) => a.verb === VERBS.outcomeRevise)).toMatchObject({ title: 'Publish a revised version', data });
    const show = parts.actions.find((a) => a.type === 'Action.ShowCard');
    expect(show?.title).toBe('Ask for a correction');
    expect(parts.inputs).toEqual([expect.objectContaining({ id: 'correctionReason', isRequired: true, maxLength: CORRECTION_REASON_MAX })]);
  });

  it('is personal: a party who answered sees their answer and no buttons, a mediator gets only "revise", a stranger nothing', () => {
    const r = ok(respondToOutcome(c, record, PARENT.aadObjectId, 1, { kind: 'content' }, later(90, CLOSE_AT)));
    const parent = toOutcomeCardView(c, r, { viewer: PARENT.aadObjectId });
    expect(parent).toMatchObject({ showPartyButtons: false, showMediatorButtons: false, yourAnswerText: 'You answered version 1: Content with what is written.' });
    expect(cardParts(outcomeCard(parent!)).executes).toEqual([]);
    const officer = toOutcomeCardView(c, r, { viewer: OFFICER.aadObjectId });
    expect(officer).toMatchObject({ showPartyButtons: true, showMediatorButtons: false });
    expect(officer?.yourAnswerText).toBeUndefined();
    const mediator = toOutcomeCardView(c, r, { viewer: CO.aadObjectId });
    expect(mediator).toMatchObject({ showPartyButtons: false, showMediatorButtons: true });
    expect(cardParts(outcomeCard(mediator!)).executes.map((a) => a.verb)).toEqual([VERBS.outcomeRevise]);
    expect(toOutcomeCardView(c, r, { viewer: STRANGER.aadObjectId })).toMatchObject({ showPartyButtons: false, showMediatorButtons: false });
  });

  it('a revised version says so and asks again; the amended plan shows as a link', () => {
    const v2 = ok(publishOutcome(c, record, LEAD.aadObjectId, { ...record.versions[0]!.content, overview: 'Corrected.' }, 2, later(48 * 60, CLOSE_AT)));
    const withPlan = ok(attachAmendedPlan(c, v2, OFFICER.aadObjectId, { kind: 'link', url: 'https://docs.example.org/plan' }, later(49 * 60, CLOSE_AT)));
    const built = outcomeCard(toOutcomeCardView(c, withPlan)!);
    const parts = expectValidCard(built);
    const text = cardText(built);
    expect(text).toContain('version 2');
    expect(text).toContain('This revised version replaces version 1. Please read it and answer again.');
    expect(text).not.toContain('within 24 hours');
    expect(text).toContain('Amended plan (link). Attached by Lee Officer on Sat 19 Dec 2026 at 13:30.');
    expect(parts.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Open Amended plan (link)', url: 'https://docs.example.org/plan' });
    expect(parts.executes.every((a) => a.data?.outcomeVersion === 2)).toBe(true);
  });

  it('has no view before publication', () => {
    const { c: c2, meeting } = planFixture();
    expect(toOutcomeCardView(c2, ok(startOutcomeRecord(c2, meeting, LEAD.aadObjectId, CLOSE_AT)))).toBeUndefined();
  });
});

describe('outcome cards at their largest', () => {
  /** 20 actions and 20 changes at their longest, and 20 parties who all asked for corrections. */
  function largest(): { c: Case; record: OutcomeRecord; changes: RequestedChange[] } {
    let c = meetingCase('SM-2026/LARGE');
    for (let i = 0; i < 16; i++) {
      c = ok(addParty(c, { role: 'other_professional', displayName: `Professional number ${i} ${'n'.repeat(60)}`, aadObjectId: `00000000-0000-0000-0000-0000000001${String(i).padStart(2, '0')}`, how: 'roster' }, LEAD.aadObjectId, NOW));
    }
    const changes = Array.from({ length: 20 }, (_, i) =>
      storedChange(c, i + 1, {
        sentAt: new Date('2026-12-05T10:00:00Z'),
        input: { section: 'F', location: `paragraph ${i + 1} ${'l'.repeat(100)}`, requestedWording: `Requested ${i} ${'r'.repeat(WORDING_MAX - 20)}` },
      }),
    );
    const actions: ActionInput[] = Array.from({ length: ACTIONS_MAX }, (_, i) => ({
      owner: { kind: 'other', name: 'o'.repeat(80) },
      what: `Action ${i}: ${'w'.repeat(ACTION_WHAT_MAX - 12)}`,
      category: 'other_agreed_date',
      agreedDueDate: '2027-01-19',
    }));
    let meeting = closedMeeting(c, { actions, results: changes.map((ch) => [ch, 'agreed_as_amended'] as const) });
    meeting = {
      ...meeting,
      changeResults: Object.fromEntries(Object.entries(meeting.changeResults).map(([k, r]) => [k, { ...r, agreedWording: 'a'.repeat(AGREED_WORDING_MAX) }])),
    };
    const opened = ok(startOutcomeRecord(c, meeting, LEAD.aadObjectId, CLOSE_AT));
    const v = validateOutcomeDraftSubmission(draftOf(c, meeting, changes), { overview: 'o'.repeat(OVERVIEW_MAX) });
    if (!v.ok) throw new Error('draft');
    let record = ok(publishOutcome(c, opened, LEAD.aadObjectId, v.value, 1, later(60, CLOSE_AT)));
    for (const p of c.parties) {
      record = ok(respondToOutcome(c, record, CO.aadObjectId, 1, { kind: 'correction', reason: 'c'.repeat(CORRECTION_REASON_MAX) }, later(70, CLOSE_AT), { onBehalfOf: { partyId: p.partyId, reason: 'By phone' } }));
    }
    return { c, record, changes };
  }

  it(`stay under ${MAX_CARD_BYTES} bytes and say what they left out`, () => {
    const { c, record, changes } = largest();
    expect(c.parties).toHaveLength(20);
    const published = outcomeCard(toOutcomeCardView(c, record)!);
    expectValidCard(published);
    expect(bytes(published)).toBeLessThan(MAX_CARD_BYTES);
    // Wording is shortened first; at this extreme some rows of both lists go, with a note.
    expect(cardText(published)).toMatch(/Not shown here, to fit Teams' size limit: \d+ more actions and \d+ more plan changes\. The full outcome statement has everything\./);

    expect(record.versions[0]?.content.issues).toHaveLength(changes.length);
    const draft = outcomeDraftCard(toOutcomeDraftView(c, record.versions[0]!.content, { ...record, versions: [] }, { now: later(60, CLOSE_AT) }));
    const parts = expectValidCard(draft);
    expect(bytes(draft)).toBeLessThan(MAX_CARD_BYTES);
    // Every issue keeps its picker, however much else had to go.
    expect(parts.inputs.filter((i) => i.type === 'Input.ChoiceSet')).toHaveLength(20);
  });
});

describe('amendedPlanRequestCard', () => {
  const { c, record } = publishedFixture();

  it('asks the LA officer for an https link, with the verb and the case', () => {
    const built = amendedPlanRequestCard(toAmendedPlanRequestView(c, record));
    const parts = expectValidCard(built);
    const text = cardText(built);
    expect(text).toContain('Amended plan: case SM-2026/014');
    expect(text).toContain('the mediation on Thu 17 Dec 2026');
    expect(parts.inputs).toEqual([
      expect.objectContaining({ id: 'amendedPlanUrl', type: 'Input.Text', regex: '^https://\\S+$', maxLength: 2000, isRequired: true }),
    ]);
    expect(parts.executes).toEqual([expect.objectContaining({ verb: VERBS.outcomeAmendedPlan, data: { caseId: c.id } })]);
    expect(new RegExp(parts.inputs[0]?.type === 'Input.Text' ? (parts.inputs[0].regex ?? '') : '').test('https://docs.example.org/p')).toBe(true);
  });

  it('as a reminder, with what was already attached and a problem with what was typed', () => {
    const r = ok(attachAmendedPlan(c, record, OFFICER.aadObjectId, { kind: 'file', name: 'Plan v1.docx', url: 'https://docs.example.org/p1' }, later(30, CLOSE_AT)));
    const built = amendedPlanRequestCard(toAmendedPlanRequestView(c, r, { reminder: true, value: 'http://x', error: 'Enter the link to the amended plan: it starts with https://' }));
    expectValidCard(built);
    const text = cardText(built);
    expect(text).toContain('This is a reminder');
    expect(text).toContain('- Plan v1.docx: attached Thu 17 Dec 2026 at 13:00');
    expect(text).toContain('it starts with https://');
    expect(cardParts(built).inputs[0]).toMatchObject({ value: 'http://x' });
  });
});
