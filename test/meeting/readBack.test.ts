import { actionReadBackLine, actionSentence, addAction, closeMeeting, readBack, setChangeResult, type ActionInput } from '../../domain/meeting';
import { createCalendar } from '../../domain/timescales';
import { LEAD, PARENT, later, meetingCase, ok, partyId, runningMeeting } from './meetingFixtures';

const c = meetingCase();

function meetingWith(inputs: readonly ActionInput[]) {
  let m = runningMeeting(c);
  inputs.forEach((input, i) => {
    m = ok(addAction(c, m, LEAD.aadObjectId, `action-000${i}`, input, later(40 + i)));
  });
  return m;
}

describe('readBack', () => {
  it('reads each action as a numbered sentence with its due date and where the date comes from', () => {
    const m = meetingWith([
      { owner: { kind: 'body', body: 'local_authority' }, what: 'Issue the amended plan with the agreed wording.', category: 'amend_plan', agreedDueDate: '2027-01-19' },
      { owner: { kind: 'body', body: 'local_authority' }, what: 'Carry out an EHC needs assessment', category: 'assess' },
      { owner: { kind: 'role', role: 'parent_carer' }, what: 'EP report to be shared with school', category: 'other_agreed_date', agreedDueDate: '2027-01-08' },
      { owner: { kind: 'party', partyId: partyId(c, PARENT.aadObjectId) }, what: 'send the OT report', category: 'other_agreed_date', agreedDueDate: '2027-01-08' },
      { owner: { kind: 'body', body: 'local_authority' }, what: 'Stop maintaining the plan', category: 'cease_to_maintain' },
    ]);
    expect(readBack(m, m.actions, [], { today: '2026-12-17', parties: c.parties })).toEqual([
      '1. Local authority will issue the amended plan with the agreed wording by Tue 19 Jan 2027 (statutory: Thu 21 Jan 2027; agreed in writing: Tue 19 Jan 2027).',
      '2. Local authority will carry out an EHC needs assessment by Thu 25 Mar 2027 (statutory, T13b: say it will assess by Thu 31 Dec 2026; any decision not to issue a plan by Thu 25 Feb 2027; final plan by Thu 25 Mar 2027).',
      '3. Parent or carer will EP report to be shared with school by Fri 8 Jan 2027 (agreed in writing; no statutory timescale).',
      '4. Pat Parent (Parent or carer) will send the OT report by Fri 8 Jan 2027 (agreed in writing; no statutory timescale).',
      '5. Local authority will stop maintaining the plan at once, from Thu 17 Dec 2026 (statutory, T13a).',
    ]);
  });

  it('counts from the closing date once closed, not from today', () => {
    const m = meetingWith([{ owner: { kind: 'body', body: 'icb' }, what: 'Arrange the SALT assessment', category: 'other_la_icb' }]);
    const closed = ok(closeMeeting(c, m, LEAD.aadObjectId, { outcome: 'full' }, later(120)));
    expect(readBack(closed, closed.actions, [], { today: '2027-02-01', parties: c.parties })).toEqual([
      '1. ICB will arrange the SALT assessment by Thu 31 Dec 2026 (statutory, T14).',
    ]);
  });

  it('says when there are no actions, and lists change results with their wording', () => {
    let m = runningMeeting(c);
    m = ok(setChangeResult(c, m, LEAD.aadObjectId, { changeId: 'change-0001', result: 'agreed_as_amended', agreedWording: 'Weekly SALT, 1 hour' }, later(30)));
    m = ok(setChangeResult(c, m, LEAD.aadObjectId, { changeId: 'change-0002', result: 'not_agreed' }, later(31)));
    const results = Object.values(m.changeResults);
    expect(readBack(m, [], results, { today: '2026-12-17', parties: c.parties, changeLabels: { 'change-0001': 'Change 1: section F' } })).toEqual([
      'No agreed actions yet.',
      'Requested changes to the plan:',
      'Change 1: section F: Agreed as amended. Agreed wording: "Weekly SALT, 1 hour"',
      'A requested change: Not agreed.',
    ]);
  });

  it('gives the last working day when a statutory date is not one', () => {
    const line = actionReadBackLine(
      { actionId: 'action-0001', owner: { kind: 'body', body: 'local_authority' }, what: 'Issue the amended plan', category: 'amend_plan', addedAt: later(0).toISOString(), addedBy: LEAD.aadObjectId },
      1,
      { agreementDate: '2026-03-02', parties: c.parties },
    );
    expect(line).toBe('1. Local authority will issue the amended plan by Mon 6 Apr 2026 (statutory, T13d; last working day on or before: Thu 2 Apr 2026).');
  });

  it('says so when a date cannot be worked out, instead of failing', () => {
    const narrow = createCalendar({ trustedYears: { from: 2026, to: 2026 } });
    const line = actionReadBackLine(
      { actionId: 'action-0001', owner: { kind: 'other', name: 'The GP' }, what: 'Refer', category: 'other_agreed_date', agreedDueDate: '2027-01-08', addedAt: later(0).toISOString(), addedBy: LEAD.aadObjectId },
      1,
      { agreementDate: '2026-12-17', parties: c.parties, calendar: narrow },
    );
    expect(line).toMatch(/^1\. The GP will refer \(the due date could not be worked out: .*outside the years/);
  });

  it('keeps capitals of acronyms and names at the start of what', () => {
    expect(actionSentence({ owner: { kind: 'body', body: 'school' }, what: 'EP to visit' }, [])).toBe('School will EP to visit');
    expect(actionSentence({ owner: { kind: 'body', body: 'school' }, what: 'Share the plan.' }, [])).toBe('School will share the plan');
  });
});
