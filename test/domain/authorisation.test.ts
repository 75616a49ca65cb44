import {
  addCoMediator,
  addParty,
  applyRoleAssignments,
  assertMayOpenCases,
  canViewCase,
  currentRole,
  isCaseError,
  isLeadMediator,
  isMediator,
  joinWithInvite,
  memberIdsOf,
  parseMediatorAllowlist,
  parseRoleAssignments,
  partyFor,
  removeCoMediator,
  roleInputId,
  rosterPage,
  setMemberRole,
  type Case,
  type CaseError,
} from '../../domain/cases';
import { ADVOCATE, CO, LEAD, NOW, OFFICER, PARENT, STRANGER, makeCase } from './caseFixtures';

function ok(r: Case | CaseError): Case {
  if (isCaseError(r)) throw r;
  return r;
}

describe('who is who in a case', () => {
  it('knows the lead mediator, co-mediators and parties, ignoring the case of ids', () => {
    let c = makeCase();
    c = ok(addCoMediator(c, CO, LEAD.aadObjectId, NOW, undefined));
    c = ok(addParty(c, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW));
    expect(isMediator(c, LEAD.aadObjectId.toUpperCase())).toBe(true);
    expect(isLeadMediator(c, CO.aadObjectId)).toBe(false);
    expect(isMediator(c, CO.aadObjectId)).toBe(true);
    expect(partyFor(c, PARENT.aadObjectId)?.role).toBe('parent_carer');
    expect(partyFor(c, LEAD.aadObjectId)).toBeUndefined();
    expect(canViewCase(c, PARENT.aadObjectId)).toBe(true);
    expect(canViewCase(c, STRANGER.aadObjectId)).toBe(false);
    expect(memberIdsOf(c).sort()).toEqual([LEAD, CO, PARENT].map((p) => p.aadObjectId.toLowerCase()).sort());
  });
});

describe('mediator allow-list', () => {
  it('is off when unset or blank, and case-insensitive when set', () => {
    expect(parseMediatorAllowlist(undefined)).toBeUndefined();
    expect(parseMediatorAllowlist(' , ')).toBeUndefined();
    const list = parseMediatorAllowlist(` ${LEAD.aadObjectId.toUpperCase()} ,${CO.aadObjectId}`);
    expect(list).toEqual([LEAD.aadObjectId, CO.aadObjectId]);
    expect(assertMayOpenCases(LEAD.aadObjectId, list)).toBeUndefined();
    expect(assertMayOpenCases(STRANGER.aadObjectId, undefined)).toBeUndefined();
    expect(assertMayOpenCases(STRANGER.aadObjectId, list)?.code).toBe('not_on_allowlist');
  });

  it('limits who can be made a co-mediator, and only mediators can add one', () => {
    const c = makeCase();
    const list = parseMediatorAllowlist(LEAD.aadObjectId);
    expect(isCaseError(addCoMediator(c, CO, LEAD.aadObjectId, NOW, list))).toBe(true);
    expect((addCoMediator(c, CO, PARENT.aadObjectId, NOW, undefined) as CaseError).code).toBe('not_allowed');
    const withCo = ok(addCoMediator(c, CO, LEAD.aadObjectId, NOW, undefined));
    // Co-mediators can add further co-mediators; adding one twice changes nothing.
    const withTwo = ok(addCoMediator(withCo, OFFICER, CO.aadObjectId, NOW, undefined));
    expect(withTwo.mediators).toHaveLength(3);
    expect(addCoMediator(withTwo, OFFICER, CO.aadObjectId, NOW, undefined)).toBe(withTwo);
    expect(ok(removeCoMediator(withTwo, OFFICER.aadObjectId, CO.aadObjectId)).mediators).toHaveLength(2);
    expect((removeCoMediator(withTwo, LEAD.aadObjectId, CO.aadObjectId) as CaseError).code).toBe('lead_mediator');
  });
});

describe('parties and roles', () => {
  it('adds a party once; a second add of the same person in the same role changes nothing', () => {
    const c = ok(addParty(makeCase(), { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW));
    expect(addParty(c, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW)).toBe(c);
    expect((addParty(c, { role: 'advocate', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW) as CaseError).code).toBe('already_member');
    expect((addParty(c, { role: 'advocate', ...LEAD, how: 'roster' }, LEAD.aadObjectId, NOW) as CaseError).code).toBe('is_mediator');
    // A party without a Teams identity (added by the mediator) is allowed.
    expect(ok(addParty(c, { role: 'school', displayName: 'Head teacher', how: 'mediator' }, LEAD.aadObjectId, NOW)).parties).toHaveLength(2);
  });

  it('gives a changed role a new partyId, so old acknowledgements do not carry over', () => {
    const c = ok(setMemberRole(makeCase(), PARENT, 'parent_carer', LEAD.aadObjectId, NOW, { how: 'roster' }));
    const before = partyFor(c, PARENT.aadObjectId);
    const moved = ok(setMemberRole(c, PARENT, 'advocate', LEAD.aadObjectId, NOW, { how: 'roster' }));
    const after = partyFor(moved, PARENT.aadObjectId);
    expect(after?.role).toBe('advocate');
    expect(after?.partyId).not.toBe(before?.partyId);
    expect(moved.parties).toHaveLength(1);
    expect(ok(setMemberRole(moved, PARENT, 'none', LEAD.aadObjectId, NOW, { how: 'roster' })).parties).toEqual([]);
  });

  it('moves people between the party list and the mediator list', () => {
    let c = ok(setMemberRole(makeCase(), CO, 'parent_carer', LEAD.aadObjectId, NOW, { how: 'roster' }));
    c = ok(setMemberRole(c, CO, 'co_mediator', LEAD.aadObjectId, NOW, { how: 'roster' }));
    expect(isMediator(c, CO.aadObjectId)).toBe(true);
    expect(c.parties).toEqual([]);
    c = ok(setMemberRole(c, CO, 'school', LEAD.aadObjectId, NOW, { how: 'roster' }));
    expect(isMediator(c, CO.aadObjectId)).toBe(false);
    expect(partyFor(c, CO.aadObjectId)?.role).toBe('school');
    expect((setMemberRole(c, LEAD, 'parent_carer', LEAD.aadObjectId, NOW, { how: 'roster' }) as CaseError).code).toBe('lead_mediator');
  });

  it('joins an invited person in the invitation role', () => {
    const c = ok(joinWithInvite(makeCase(), ADVOCATE, 'advocate', NOW));
    expect(partyFor(c, ADVOCATE.aadObjectId)).toMatchObject({ role: 'advocate', how: 'invite', addedBy: ADVOCATE.aadObjectId });
    expect(joinWithInvite(c, ADVOCATE, 'advocate', NOW)).toBe(c);
    const withCo = ok(addCoMediator(c, CO, LEAD.aadObjectId, NOW, undefined));
    expect((joinWithInvite(withCo, CO, 'parent_carer', NOW) as CaseError).code).toBe('is_mediator');
  });
});

describe('roster', () => {
  const roster = Array.from({ length: 19 }, (_, i) => ({ aadObjectId: `aad-${i}`, displayName: `Person ${i}` }));

  it('pages the roster and clamps a stale page number', () => {
    expect(rosterPage(roster, 0)).toMatchObject({ page: 0, pageCount: 3, total: 19 });
    expect(rosterPage(roster, 2).items).toHaveLength(3);
    expect(rosterPage(roster, 9).page).toBe(2);
    expect(rosterPage(roster, -1).page).toBe(0);
    expect(rosterPage([], 0)).toMatchObject({ page: 0, pageCount: 1, items: [] });
  });

  it('reads only pickers of members the bot fetched, with their Teams names', () => {
    const data = {
      caseId: 'x',
      [roleInputId('aad-1')]: 'parent_carer',
      [roleInputId('aad-2')]: 'none',
      [roleInputId('aad-3')]: 'emperor',
      [roleInputId('intruder')]: 'la_officer',
    };
    expect(parseRoleAssignments(data, roster)).toEqual([
      { member: roster[1], role: 'parent_carer' },
      { member: roster[2], role: 'none' },
    ]);
    expect(parseRoleAssignments('junk', roster)).toEqual([]);
  });

  it('applies a page only for a mediator, and all or nothing', () => {
    const c = makeCase();
    const assignments = [
      { member: PARENT, role: 'parent_carer' as const },
      { member: OFFICER, role: 'la_officer' as const },
    ];
    const applied = ok(applyRoleAssignments(c, assignments, LEAD.aadObjectId, NOW));
    expect(applied.parties.map((p) => p.role)).toEqual(['parent_carer', 'la_officer']);
    expect(currentRole(applied, OFFICER.aadObjectId)).toBe('la_officer');
    expect(currentRole(applied, LEAD.aadObjectId)).toBe('lead_mediator');
    expect(currentRole(applied, STRANGER.aadObjectId)).toBe('none');
    expect((applyRoleAssignments(c, assignments, PARENT.aadObjectId, NOW) as CaseError).code).toBe('not_allowed');
    const withLead = [...assignments, { member: LEAD, role: 'advocate' as const }];
    expect(isCaseError(applyRoleAssignments(c, withLead, LEAD.aadObjectId, NOW))).toBe(true);
  });
});
