import { partyFor } from '../../domain/cases';
import {
  OUTCOME_VERSIONS_MAX,
  OutcomeRecordSchema,
  latestVersion,
  openCorrections,
  parseResponseInput,
  partyAnswers,
  publishOutcome,
  respondToOutcome,
  responseOf,
  startOutcomeRecord,
  type OutcomeRecord,
} from '../../domain/outcome';
import {
  ADVOCATE,
  CLOSE_AT,
  CO,
  LEAD,
  OFFICER,
  OVERVIEW,
  PARENT,
  STRANGER,
  closedMeeting,
  draftOf,
  later,
  ok,
  otherCase,
  planFixture,
  publishable,
  publishedFixture,
} from './outcomeFixtures';

const at = (minutes: number) => later(minutes, CLOSE_AT);

describe('startOutcomeRecord', () => {
  it('opens an empty record for a concluded meeting, for mediators only', () => {
    const { c, meeting } = planFixture();
    const record = ok(startOutcomeRecord(c, meeting, LEAD.aadObjectId, CLOSE_AT));
    expect(record).toMatchObject({ caseId: c.id, meetingId: meeting.meetingId, closedAt: CLOSE_AT.toISOString(), planContent: true, versions: [], responses: [], amendedPlans: [], version: 1 });
    expect(OutcomeRecordSchema.parse(record)).toEqual(record);
    expect(startOutcomeRecord(c, meeting, PARENT.aadObjectId, CLOSE_AT)).toMatchObject({ code: 'not_allowed' });
    const adjourned = closedMeeting(c, { decision: { outcome: 'adjourned', nextDate: '2027-01-12' } });
    expect(startOutcomeRecord(c, adjourned, LEAD.aadObjectId, CLOSE_AT)).toMatchObject({ code: 'invalid_transition' });
  });
});

describe('publishOutcome', () => {
  it('publishes version 1 as a snapshot', () => {
    const { record, content } = publishedFixture();
    expect(record.versions).toEqual([{ version: 1, content, publishedAt: at(60).toISOString(), publishedBy: LEAD.aadObjectId }]);
    expect(latestVersion(record)?.version).toBe(1);
    expect(OutcomeRecordSchema.parse(record)).toEqual(record);
  });

  it('a repeated click writes nothing, even against the stored (re-parsed) record', () => {
    const { c, record, content } = publishedFixture();
    const stored = OutcomeRecordSchema.parse(JSON.parse(JSON.stringify(record)));
    expect(publishOutcome(c, stored, CO.aadObjectId, content, 1, at(61))).toBe(stored);
  });

  it('refuses a different version 1, a version that skips ahead, non-mediators and an empty overview', () => {
    const { c, record, content } = publishedFixture();
    expect(publishOutcome(c, record, LEAD.aadObjectId, { ...content, overview: 'Something else' }, 1, at(62))).toMatchObject({
      code: 'invalid_transition',
      message: expect.stringMatching(/Version 1 of the outcome has already been published/),
    });
    expect(publishOutcome(c, record, LEAD.aadObjectId, content, 3, at(62))).toMatchObject({ code: 'invalid_input' });
    expect(publishOutcome(c, record, PARENT.aadObjectId, content, 2, at(62))).toMatchObject({ code: 'not_allowed' });
    expect(publishOutcome(c, record, LEAD.aadObjectId, { ...content, overview: '' }, 2, at(62))).toMatchObject({ code: 'invalid_input' });
    expect(publishOutcome(otherCase(), record, LEAD.aadObjectId, content, 2, at(62))).toMatchObject({ code: 'not_found' });
  });

  it('publishes a revised version 2 and keeps version 1 as it was', () => {
    const { c, record, content } = publishedFixture();
    const revised = { ...content, overview: `${OVERVIEW} Corrected.` };
    const v2 = ok(publishOutcome(c, record, LEAD.aadObjectId, revised, 2, at(120)));
    expect(v2.versions.map((v) => [v.version, v.content.overview])).toEqual([
      [1, OVERVIEW],
      [2, `${OVERVIEW} Corrected.`],
    ]);
    expect(v2.versions[0]).toBe(record.versions[0]);
    expect(publishOutcome(c, v2, LEAD.aadObjectId, content, 1, at(121))).toBe(v2);
    expect(publishOutcome(c, v2, LEAD.aadObjectId, { ...revised, overview: 'Other' }, 2, at(121))).toMatchObject({ code: 'invalid_transition' });
  });

  it(`holds at most ${OUTCOME_VERSIONS_MAX} versions`, () => {
    const { c, record, content } = publishedFixture();
    let r: OutcomeRecord = record;
    for (let n = 2; n <= OUTCOME_VERSIONS_MAX; n++) r = ok(publishOutcome(c, r, LEAD.aadObjectId, { ...content, overview: `v${n}` }, n, at(n)));
    expect(publishOutcome(c, r, LEAD.aadObjectId, { ...content, overview: 'one more' }, OUTCOME_VERSIONS_MAX + 1, at(99))).toMatchObject({ code: 'invalid_input' });
  });

  it('refuses content drafted from another meeting', () => {
    const { c, record, changes } = publishedFixture();
    const other = closedMeeting(c, { decision: { outcome: 'full' } });
    const content = publishable(draftOf(c, { ...other, meetingId: 'another-meeting-1' }, changes));
    expect(publishOutcome(c, record, LEAD.aadObjectId, content, 2, at(70))).toMatchObject({ code: 'invalid_input' });
  });
});

describe('parseResponseInput', () => {
  it('needs a short plain reason for a correction', () => {
    expect(parseResponseInput('content', {})).toEqual({ kind: 'content' });
    expect(parseResponseInput('correction', {})).toMatchObject({ code: 'invalid_input', message: 'Say briefly what needs correcting.' });
    expect(parseResponseInput('correction', { correctionReason: '  \n ' })).toMatchObject({ code: 'invalid_input' });
    expect(parseResponseInput('correction', { correctionReason: 'x'.repeat(301) })).toMatchObject({ message: expect.stringMatching(/300 characters/) });
    expect(parseResponseInput('correction', { correctionReason: 'Bad\u0000' })).toMatchObject({ message: 'Use plain text only.' });
    expect(parseResponseInput('correction', { correctionReason: ' The EP visit\n date is wrong ' })).toEqual({ kind: 'correction', reason: 'The EP visit date is wrong' });
    expect(parseResponseInput('correction', 'nonsense')).toMatchObject({ code: 'invalid_input' });
  });
});

describe('respondToOutcome', () => {
  const content = { kind: 'content' } as const;
  const correction = { kind: 'correction', reason: 'The date of the EP visit is wrong' } as const;

  it('records a party\'s answer once; a repeated click (of either kind) returns the record unchanged', () => {
    const { c, record } = publishedFixture();
    const one = ok(respondToOutcome(c, record, PARENT.aadObjectId, 1, content, at(90)));
    const parentId = partyFor(c, PARENT.aadObjectId)?.partyId ?? '';
    expect(responseOf(one, parentId, 1)).toEqual({ partyId: parentId, outcomeVersion: 1, kind: 'content', at: at(90).toISOString(), by: PARENT.aadObjectId });
    expect(respondToOutcome(c, one, PARENT.aadObjectId, 1, content, at(91))).toBe(one);
    expect(respondToOutcome(c, one, PARENT.aadObjectId.toUpperCase(), 1, correction, at(92))).toBe(one);
    expect(OutcomeRecordSchema.parse(one)).toEqual(one);
  });

  it('records a correction request with its reason', () => {
    const { c, record } = publishedFixture();
    const r = ok(respondToOutcome(c, record, OFFICER.aadObjectId, 1, correction, at(90)));
    expect(r.responses).toEqual([expect.objectContaining({ kind: 'correction', reason: 'The date of the EP visit is wrong' })]);
    expect(openCorrections(r)).toHaveLength(1);
  });

  it('refuses mediators answering for themselves, strangers, and parties of another case', () => {
    const { c, record } = publishedFixture();
    expect(respondToOutcome(c, record, LEAD.aadObjectId, 1, content, at(90))).toMatchObject({ code: 'not_allowed', message: expect.stringMatching(/The parties confirm the outcome, not the mediators/) });
    expect(respondToOutcome(c, record, STRANGER.aadObjectId, 1, content, at(90))).toMatchObject({ code: 'not_allowed' });
    const other = otherCase();
    expect(respondToOutcome(c, record, '00000000-0000-0000-0000-0000000000d1', 1, content, at(90))).toMatchObject({ code: 'not_allowed' });
    // The other case's record cannot be answered through this case either.
    expect(respondToOutcome(other, record, '00000000-0000-0000-0000-0000000000d1', 1, content, at(90))).toMatchObject({ code: 'not_found' });
  });

  it('only the latest version can be answered; earlier answers stay on record', () => {
    const { c, record, content: published } = publishedFixture();
    const answered = ok(respondToOutcome(c, record, PARENT.aadObjectId, 1, correction, at(90)));
    const v2 = ok(publishOutcome(c, answered, LEAD.aadObjectId, { ...published, overview: 'Corrected overview.' }, 2, at(120)));
    expect(respondToOutcome(c, v2, ADVOCATE.aadObjectId, 1, content, at(121))).toMatchObject({
      code: 'invalid_transition',
      message: expect.stringMatching(/revised version \(2\) has been published/),
    });
    expect(respondToOutcome(c, v2, ADVOCATE.aadObjectId, 3, content, at(121))).toMatchObject({ code: 'invalid_transition' });
    const again = ok(respondToOutcome(c, v2, PARENT.aadObjectId, 2, content, at(122)));
    expect(again.responses.map((r) => [r.outcomeVersion, r.kind])).toEqual([
      [1, 'correction'],
      [2, 'content'],
    ]);
    expect(openCorrections(again)).toEqual([]);
    expect(partyAnswers(c, again).find((a) => a.name === 'Pat Parent')?.status).toBe('content');
    expect(partyAnswers(c, again, 1).find((a) => a.name === 'Pat Parent')).toMatchObject({ status: 'correction', reason: correction.reason });
  });

  it('cannot be answered before publication', () => {
    const { c, meeting } = planFixture();
    const opened = ok(startOutcomeRecord(c, meeting, LEAD.aadObjectId, CLOSE_AT));
    expect(respondToOutcome(c, opened, PARENT.aadObjectId, 1, content, at(5))).toMatchObject({ code: 'invalid_transition' });
  });

  it('lets a mediator record a party\'s answer for them, with a reason', () => {
    const { c, record } = publishedFixture();
    const school = c.parties.find((p) => p.role === 'school');
    const r = ok(respondToOutcome(c, record, CO.aadObjectId, 1, content, at(90), { onBehalfOf: { partyId: school?.partyId ?? '', reason: 'Told me by phone' } }));
    expect(r.responses[0]).toMatchObject({ partyId: school?.partyId, by: CO.aadObjectId, recordedByMediator: { reason: 'Told me by phone' } });
    expect(partyAnswers(c, r).find((a) => a.partyId === school?.partyId)).toMatchObject({ status: 'content', recordedByMediator: true });
    expect(respondToOutcome(c, record, CO.aadObjectId, 1, content, at(90), { onBehalfOf: { partyId: school?.partyId ?? '', reason: ' ' } })).toMatchObject({ code: 'invalid_input' });
    expect(respondToOutcome(c, record, CO.aadObjectId, 1, content, at(90), { onBehalfOf: { partyId: 'gone-party-id', reason: 'x' } })).toMatchObject({ code: 'not_found' });
    expect(respondToOutcome(c, record, PARENT.aadObjectId, 1, content, at(90), { onBehalfOf: { partyId: school?.partyId ?? '', reason: 'x' } })).toMatchObject({ code: 'not_allowed' });
  });

  it('lists every party\'s answer in words', () => {
    const { c, record } = publishedFixture();
    let r = ok(respondToOutcome(c, record, PARENT.aadObjectId, 1, content, at(90)));
    r = ok(respondToOutcome(c, r, OFFICER.aadObjectId, 1, correction, at(91)));
    expect(partyAnswers(c, r).map((a) => [a.name, a.roleText, a.status])).toEqual([
      ['Pat Parent', 'Parent or carer', 'content'],
      ['Ali Advocate', 'Advocate or supporter', 'none'],
      ['Lee Officer', 'Local authority officer', 'correction'],
      ['Sam School', 'School or college', 'none'],
    ]);
  });
});
