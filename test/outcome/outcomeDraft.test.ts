import { isCaseError, partyFor, addParty, type Case } from '../../domain/cases';
import type { Meeting } from '../../domain/meeting';
import {
  CONFIDENTIALITY_NOTE,
  DECISION_ISSUE_ID,
  OVERVIEW_MAX,
  draftOutcome,
  issueInputId,
  nextStepsLines,
  validateOutcomeDraftSubmission,
  type OutcomeContent,
} from '../../domain/outcome';
import { recordAgreement } from '../../domain/terms';
import { TERMS } from '../cards/cardFixtures';
import {
  CLOSE_AT,
  CLOSE_DAY,
  LEAD,
  NOW,
  OVERVIEW,
  PARENT,
  STRANGER,
  YP,
  caseOfType,
  closedMeeting,
  draftOf,
  later,
  meetingCase,
  ok,
  planFixture,
  publishable,
  withoutDecisionDate,
} from './outcomeFixtures';

describe('draftOutcome: a plan-content case', () => {
  const { c, changes, meeting } = planFixture();
  const draft = draftOf(c, meeting, changes);
  const [f, b, a] = changes;

  it('gives the reason for mediation: case type, LA, the decision notice date and the meeting', () => {
    expect(draft.reason).toEqual({
      caseType: 'M-CONTENT',
      caseTypeLabel: 'What the plan says (sections B and F, often with I)',
      localAuthority: 'Surrey County Council',
      decisionNoticeSent: '2026-10-01',
    });
    expect(draft.meeting).toMatchObject({ sessionDates: [CLOSE_DAY], agreementDate: CLOSE_DAY, format: 'online', outcome: 'partial', closedAt: CLOSE_AT.toISOString() });
    expect(draft).toMatchObject({ caseReference: 'SM-2026/014', providerName: 'Example Mediation Service', mediators: ['Morgan Mediator', 'Casey Co-Mediator'], childInitials: 'JS' });
  });

  it('lists mediators first, then every party with role, the LA officer with their authority', () => {
    expect(draft.attendees).toEqual([
      { name: 'Morgan Mediator', role: 'mediator' },
      { name: 'Casey Co-Mediator', role: 'mediator' },
      { name: 'Pat Parent', role: 'parent_carer' },
      { name: 'Ali Advocate', role: 'advocate' },
      { name: 'Lee Officer', role: 'la_officer', organisation: 'Surrey County Council' },
      { name: 'Sam School', role: 'school' },
    ]);
  });

  it('has one issue per mediated change, with results from the change results; the unsent draft is left out', () => {
    expect(draft.issues.map((i) => [i.issueId, i.kind, i.title, i.derivedResult, i.result, i.appealable])).toEqual([
      [f?.changeId, 'change', 'Change 1: section F (Special educational provision), paragraph 3', 'resolved', 'resolved', true],
      [b?.changeId, 'change', 'Change 2: section B (Special educational needs), communication needs', 'unresolved', 'unresolved', true],
      [a?.changeId, 'change', 'Change 3: section A (Views, interests and aspirations), aspirations', 'partly_resolved', 'partly_resolved', false],
    ]);
  });

  it('carries the change table: section, location, requested wording, result and agreed wording', () => {
    expect(draft.changes).toEqual([
      { changeId: f?.changeId, number: 1, section: 'F', location: 'paragraph 3', requestedWording: f?.requestedWording, result: 'agreed_as_amended', agreedWording: 'Agreed wording for change 1' },
      { changeId: b?.changeId, number: 2, section: 'B', location: 'communication needs', requestedWording: b?.requestedWording, result: 'not_agreed' },
      { changeId: a?.changeId, number: 3, section: 'A', location: 'aspirations', requestedWording: a?.requestedWording, result: 'deferred' },
    ]);
  });

  it('a sent change with no result recorded is unresolved', () => {
    const m = closedMeeting(c, { results: [] });
    const d = draftOf(c, m, changes);
    expect(d.issues.map((i) => i.result)).toEqual(['unresolved', 'unresolved', 'unresolved']);
    expect(d.changes.map((x) => x.result)).toEqual([null, null, null]);
  });

  it('gives each agreed action its owner and statutory and agreed due dates', () => {
    expect(draft.actions).toEqual([
      {
        actionId: 'action-0000',
        owner: 'Local authority',
        what: 'Issue the amended plan with the agreed wording',
        category: 'amend_plan',
        tNumber: 'T13d',
        immediately: false,
        statutory: [{ ruleId: 'LA_AMEND_PLAN', step: 'Issue the amended plan', due: '2027-01-21', lastWorkingDay: '2027-01-21' }],
        effective: '2027-01-21',
        effectiveLastWorkingDay: '2027-01-21',
        basis: 'statutory',
      },
      {
        actionId: 'action-0001',
        owner: 'Local authority',
        what: 'Arrange an EP visit',
        category: 'other_la_icb',
        agreedDueDate: '2027-01-08',
        tNumber: 'T14',
        immediately: false,
        statutory: [{ ruleId: 'OTHER_ACTION', step: 'Carry out the agreed action', due: '2026-12-31', lastWorkingDay: '2026-12-31' }],
        effective: '2027-01-08',
        effectiveLastWorkingDay: '2027-01-08',
        basis: 'agreed',
      },
    ]);
  });

  it('has the confidentiality note, an empty overview, and next steps for the unresolved appealable issues', () => {
    expect(draft.confidentialityNote).toBe(CONFIDENTIALITY_NOTE);
    expect(draft.overview).toBe('');
    expect(draft.nextSteps).toEqual({
      certificateNeed: 'needed',
      certificateDue: '2026-12-22',
      appealIssues: [draft.issues[1]?.title],
      decisionNoticeSent: '2026-10-01',
      appealByIfCertificateOnTime: '2027-01-22',
    });
    const lines = nextStepsLines(draft.nextSteps).join('\n');
    expect(lines).toContain('by Tue 22 Dec 2026 (3 working days after the mediation)');
    expect(lines).toContain('Fri 22 Jan 2027');
    expect(lines).toContain('Thu 1 Oct 2026');
  });

  it('is refused to anyone but a mediator, and for a meeting that has not concluded or is another case\'s', () => {
    const input = { case: c, meeting, changes };
    expect(draftOutcome(input, PARENT.aadObjectId)).toMatchObject({ code: 'not_allowed' });
    expect(draftOutcome(input, STRANGER.aadObjectId)).toMatchObject({ code: 'not_allowed' });
    const { close: _close, ...open } = meeting;
    const running: Meeting = { ...open, state: 'in_progress' };
    expect(draftOutcome({ ...input, meeting: running }, LEAD.aadObjectId)).toMatchObject({ code: 'invalid_transition' });
    const other = meetingCase('SM-OTHER');
    expect(draftOutcome({ ...input, case: other }, LEAD.aadObjectId)).toMatchObject({ code: 'not_found' });
  });

  it('is refused after an adjournment, and covers every session once the final one concludes', () => {
    const first = closedMeeting(c, { decision: { outcome: 'adjourned', nextDate: '2027-01-12' } });
    const refused = draftOutcome({ case: c, meeting: first }, LEAD.aadObjectId);
    expect(isCaseError(refused) && refused.message).toMatch(/adjourned/);
    const start2 = new Date('2027-01-12T10:00:00Z');
    const second = closedMeeting(c, { previous: first, start: start2, closeAt: later(120, start2), decision: { outcome: 'full' } });
    const d = ok(draftOutcome({ case: c, meeting: second, sessions: [first, second] }, LEAD.aadObjectId));
    expect(d.meeting.sessionDates).toEqual([CLOSE_DAY, '2027-01-12']);
    expect(d.meeting.agreementDate).toBe('2027-01-12');
    expect(d.nextSteps.certificateDue).toBe('2027-01-15');
  });
});

describe('draftOutcome: one "LA decision" issue for other cases', () => {
  const c = caseOfType('M-ASSESS');

  it.each([
    ['full', 'resolved'],
    ['partial', 'partly_resolved'],
    ['none', 'unresolved'],
  ] as const)('a %s agreement gives %s', (outcome, result) => {
    const d = draftOf(c, closedMeeting(c, { decision: { outcome } }));
    expect(d.issues).toEqual([
      { issueId: DECISION_ISSUE_ID, kind: 'decision', title: "The local authority's decision: Refusal to carry out an EHC needs assessment", derivedResult: result, result, appealable: true },
    ]);
    expect(d.changes).toEqual([]);
    expect(d.nextSteps.appealIssues).toHaveLength(result === 'resolved' ? 0 : 1);
  });

  it('a meeting that ended early leaves the decision unresolved', () => {
    const d = draftOf(c, closedMeeting(c, { decision: { outcome: 'ended_early', reason: 'party_left' } }));
    expect(d.issues[0]?.result).toBe('unresolved');
    expect(d.meeting.outcome).toBe('ended_early');
  });

  it('a plan-content case without requested changes falls back to the decision issue', () => {
    const plan = meetingCase();
    expect(draftOf(plan, closedMeeting(plan)).issues.map((i) => i.issueId)).toEqual([DECISION_ISSUE_ID]);
  });

  it('section I only: no certificate needed; health only: not appealable, so no appeal information', () => {
    const placement = caseOfType('M-PLACEMENT');
    expect(draftOf(placement, closedMeeting(placement, { decision: { outcome: 'none' } })).nextSteps.certificateNeed).toBe('not_needed_placement');
    const health = caseOfType('M-HEALTH');
    const d = draftOf(health, closedMeeting(health, { decision: { outcome: 'none' } }));
    expect(d.issues[0]?.appealable).toBe(false);
    expect(d.nextSteps).toMatchObject({ certificateNeed: 'not_appealable', appealIssues: [] });
    expect(nextStepsLines(d.nextSteps).join(' ')).toMatch(/cannot be appealed/);
  });

  it('says why the appeal date cannot be worked out without a decision notice date', () => {
    const noDate = withoutDecisionDate(c);
    const d = draftOf(noDate, closedMeeting(noDate, { decision: { outcome: 'none' } }));
    expect(d.reason.decisionNoticeSent).toBeUndefined();
    expect(d.nextSteps.appealDateProblem).toMatch(/decision notice was sent is not recorded/);
    expect(nextStepsLines(d.nextSteps).join(' ')).toMatch(/cannot be worked out here/);
  });
});

describe('draftOutcome: a young person', () => {
  function ypCase(): Case {
    const base = { ...meetingCase(), isYoungPerson: true };
    return ok(addParty(base, { role: 'young_person', ...YP, how: 'roster' }, LEAD.aadObjectId, NOW));
  }

  it('notes who spoke for them, from their terms acknowledgement', () => {
    const c = ypCase();
    const ypId = partyFor(c, YP.aadObjectId)?.partyId ?? '';
    const named = ok(recordAgreement(c, ypId, TERMS.version, { youngPersonVoice: { mode: 'named', name: 'Pat Parent' } }, YP.aadObjectId, NOW));
    const meeting = closedMeeting(c);
    const withAck = draftOf(c, meeting, [], [named]).attendees.find((x) => x.role === 'young_person');
    expect(withAck?.note).toBe('Gave written permission for Pat Parent to speak for them (confirmed with the Terms of Engagement).');
    const self = ok(recordAgreement(c, ypId, TERMS.version, { youngPersonVoice: { mode: 'self' } }, YP.aadObjectId, later(1, NOW)));
    expect(draftOf(c, meeting, [], [named, self]).attendees.find((x) => x.role === 'young_person')?.note).toMatch(/^Spoke for themselves/);
    expect(draftOf(c, meeting).attendees.find((x) => x.role === 'young_person')?.note).toMatch(/^No record of who speaks/);
    expect(draftOf(c, meeting).isYoungPerson).toBe(true);
  });
});

describe('validateOutcomeDraftSubmission', () => {
  const { c, changes, meeting } = planFixture();
  const draft = draftOf(c, meeting, changes);
  const [f, b] = changes;

  it('needs an overview of up to 600 characters of plain text', () => {
    expect(validateOutcomeDraftSubmission(draft, {})).toMatchObject({ ok: false, errors: { overview: expect.stringMatching(/^Write a short overview/) } });
    expect(validateOutcomeDraftSubmission(draft, { overview: '   ' })).toMatchObject({ ok: false });
    expect(validateOutcomeDraftSubmission(draft, { overview: 'x'.repeat(OVERVIEW_MAX + 1) })).toMatchObject({
      ok: false,
      errors: { overview: expect.stringMatching(/not minutes/) },
    });
    expect(validateOutcomeDraftSubmission(draft, { overview: 'Bad\u0007text' })).toMatchObject({ ok: false, errors: { overview: 'Use plain text only.' } });
    const ok600 = validateOutcomeDraftSubmission(draft, { overview: `  ${'x'.repeat(OVERVIEW_MAX)}  ` });
    expect(ok600.ok && ok600.value.overview).toHaveLength(OVERVIEW_MAX);
  });

  it('keeps the results worked out from the meeting unless the mediator chose another', () => {
    const kept = publishable(draft);
    expect(kept.issues).toEqual(draft.issues);
    expect(kept.overview).toBe(OVERVIEW);
    const changed = publishable(draft, { [issueInputId(b?.changeId ?? '')]: 'resolved', [issueInputId(f?.changeId ?? '')]: 'unresolved', issue_nonsense: 'x', caseId: 'whatever' });
    expect(changed.issues.map((i) => [i.derivedResult, i.result])).toEqual([
      ['resolved', 'unresolved'],
      ['unresolved', 'resolved'],
      ['partly_resolved', 'partly_resolved'],
    ]);
    // The next steps follow the chosen results.
    expect(changed.nextSteps.appealIssues).toEqual([draft.issues[0]?.title]);
  });

  it('refuses a result that is not one of the three', () => {
    const key = issueInputId(f?.changeId ?? '');
    expect(validateOutcomeDraftSubmission(draft, { overview: OVERVIEW, [key]: 'sort of' })).toMatchObject({
      ok: false,
      errors: { [key]: 'Choose resolved, partly resolved, not resolved.' },
      values: { overview: OVERVIEW, results: { [f?.changeId ?? '']: 'sort of' } },
    });
  });

  it('a revision starts from the previous version: overview and changed results carry forward', () => {
    const previous: OutcomeContent = publishable(draft, { [issueInputId(b?.changeId ?? '')]: 'resolved' });
    const again = ok(draftOutcome({ case: c, meeting, changes, previous, providerName: 'Example Mediation Service' }, LEAD.aadObjectId));
    expect(again.overview).toBe(OVERVIEW);
    expect(again.issues.map((i) => i.result)).toEqual(['resolved', 'resolved', 'partly_resolved']);
    expect(again.nextSteps.appealIssues).toEqual([]);
  });
});

