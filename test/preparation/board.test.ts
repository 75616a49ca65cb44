import { missingAttendees, preparationBoard, preparationStatusLine, requiredAttendees, setLaPosition, type PreparationRecord } from '../../domain/preparation';
import { recordAgreement, termsStatus } from '../../domain/terms';
import {
  FAMILY_COMPLETE_CHILD,
  ICB,
  LA_COMPLETE_CONTENT,
  NOW,
  OFFICER,
  PARENT,
  SCHOOL,
  TERMS,
  YP,
  agreedByAll,
  ok,
  partyIdOf,
  prepCase,
  recordFor,
  storedChange,
} from './prepFixtures';

describe('required attendees (docs/rules.md#case-types-and-who-attends)', () => {
  it('needs the family always, the LA when it arranges, the ICB for health, and nobody for DRS', () => {
    expect(requiredAttendees('M-CONTENT')).toEqual(['family', 'la_officer']);
    expect(requiredAttendees('M-HEALTH')).toEqual(['family', 'health_icb']);
    expect(requiredAttendees('M-HEALTH-MIXED')).toEqual(['family', 'la_officer', 'health_icb']);
    expect(requiredAttendees('M-SOCIAL')).toEqual(['family', 'la_officer']);
    expect(requiredAttendees('D-HEALTH-SC')).toEqual([]);
    expect(missingAttendees('M-ASSESS', ['young_person', 'la_officer'])).toEqual([]);
    expect(missingAttendees('M-HEALTH-MIXED', ['parent_carer'])).toEqual(['la_officer', 'health_icb']);
  });
});

describe('the preparation board', () => {
  const today = '2026-12-10';

  it('shows everyone ready with no blockers when all is done', () => {
    const c = prepCase();
    const records = [recordFor(c, OFFICER, LA_COMPLETE_CONTENT), recordFor(c, PARENT, FAMILY_COMPLETE_CHILD)];
    const sent = ok(setLaPosition(c, storedChange(c, 1, { sentAt: NOW }), { position: 'agree' }, OFFICER.aadObjectId, NOW));
    const board = preparationBoard(c, termsStatus(c, agreedByAll(c), TERMS.version), records, [sent], today);
    expect(board.blockers).toEqual([]);
    expect(board.readyCount).toBe(2);
    expect(board.rows.find((r) => r.role === 'la_officer')).toMatchObject({ authority: 'full', changesReviewed: { reviewed: 1, total: 1 }, preparation: 'complete', ready: true });
    expect(preparationStatusLine(board)).toBe('2 of 2 ready · no blockers');
  });

  it('lists blockers in order: limited authority, late changes, terms, missing attendee, then unset positions', () => {
    const c = prepCase({}, [
      ['parent_carer', PARENT],
      ['la_officer', OFFICER],
      ['school', SCHOOL],
    ]);
    const acks = agreedByAll(c).filter((a) => a.partyId !== partyIdOf(c, SCHOOL));
    const limited = recordFor(c, OFFICER, { kind: 'la', answers: { ...LA_COMPLETE_CONTENT.answers, fullAuthority: false, authorityLimits: 'Funding over banding', authorityHolder: 'SEN panel' } });
    // Meeting Thu 17 Dec 2026: latest Mon 14 Dec; WD-1 Wed 16 Dec.
    const late = storedChange(c, 1, { sentAt: new Date('2026-12-15T09:00:00Z') });
    const board = preparationBoard({ ...c, caseType: 'M-HEALTH-MIXED', parties: c.parties }, termsStatus(c, acks, TERMS.version), [limited], [late], '2026-12-16');
    expect(board.blockers.map((b) => b.code)).toEqual(['limited_authority', 'terms_not_agreed', 'attendee_missing']);
    // M-HEALTH-MIXED is not a plan-content case: no change blockers. The same case as M-CONTENT:
    const content = preparationBoard(c, termsStatus(c, acks, TERMS.version), [limited], [late], '2026-12-16');
    expect(content.blockers.map((b) => b.code)).toEqual(['limited_authority', 'changes_late', 'terms_not_agreed', 'changes_without_position']);
    expect(content.blockers[0]?.detail).toBe(
      'Lee Officer (local authority officer) does not have full authority to settle the issues. Cannot decide on the day: Funding over banding. Authority is held by: SEN panel. Tell the family before the meeting.',
    );
    expect(content.blockers[1]?.detail).toMatch(/reached the LA after Mon 14 Dec 2026/);
    expect(content.blockers[2]?.short).toBe('Sol School has not agreed the terms');
    expect(content.blockers[3]?.detail).toMatch(/no position on change 1/);
    expect(board.blockers[2]?.short).toBe('no ICB representative added');
    expect(preparationStatusLine(content)).toBe('0 of 3 ready · 4 blockers: LA officer has limited authority (+3 more)');
  });

  it('reads limited authority from the terms when preparation has not asked yet, and prefers the later preparation answer', () => {
    const c = prepCase();
    const limitedAcks = agreedByAll(c, 'limited');
    const fromTerms = preparationBoard(c, termsStatus(c, limitedAcks, TERMS.version), [], [], today);
    expect(fromTerms.blockers[0]).toMatchObject({ code: 'limited_authority', short: 'LA officer has limited authority' });
    const full = recordFor(c, OFFICER, LA_COMPLETE_CONTENT);
    expect(preparationBoard(c, termsStatus(c, limitedAcks, TERMS.version), [full], [], today).blockers).toEqual([]);
  });

  it('needs the family, and an LA officer, for an LA-arranged case with nobody in it', () => {
    const c = prepCase({ caseType: 'M-ASSESS' }, []);
    const board = preparationBoard(c, [], [], [], today);
    expect(board.blockers.map((b) => b.short)).toEqual(['no parent or young person added', 'no local authority officer added']);
    expect(preparationStatusLine(board)).toBe('No parties yet · 2 blockers: no parent or young person added (+1 more)');
    expect(preparationBoard(prepCase({ caseType: 'D-DUTIES' }, []), [], [], [], today).blockers).toEqual([]);
  });

  it('blocks a young person\'s named speaker without written permission, unless the terms confirmed it', () => {
    const c = prepCase({ isYoungPerson: 'true' }, [
      ['young_person', YP],
      ['la_officer', OFFICER],
    ]);
    const named: PreparationRecord = recordFor(c, YP, { kind: 'family', answers: { ypVoice: 'named', ypSpeakerName: 'Pat Parent', ypPermission: 'not_yet' } });
    const acks = agreedByAll(c);
    const board = preparationBoard(c, termsStatus(c, acks, TERMS.version), [named], [], today);
    expect(board.blockers.map((b) => b.code)).toEqual(['yp_permission_missing']);
    expect(board.blockers[0]?.detail).toMatch(/^Pat Parent is to speak for the young person/);
    const ypId = partyIdOf(c, YP);
    const confirmed = [
      ...acks.filter((a) => a.partyId !== ypId),
      ok(recordAgreement(c, ypId, TERMS.version, { youngPersonVoice: { mode: 'named', name: 'Pat Parent' } }, YP.aadObjectId, NOW)),
    ];
    expect(preparationBoard(c, termsStatus(c, confirmed, TERMS.version), [named], [], today).blockers).toEqual([]);
  });

  it('warns about unconfirmed authority, a plan not ready, unsent drafts and changes not received in time', () => {
    const c = prepCase({}, [
      ['parent_carer', PARENT],
      ['la_officer', OFFICER],
      ['health_icb', ICB],
    ]);
    const notReady = recordFor(c, OFFICER, { kind: 'la', answers: { ...LA_COMPLETE_CONTENT.answers, editablePlanReady: false } });
    const board = preparationBoard(c, termsStatus(c, agreedByAll(c).filter((a) => a.partyId !== partyIdOf(c, ICB)), TERMS.version), [notReady], [storedChange(c, 1)], '2026-12-14');
    expect(board.warnings.map((w) => w.code)).toEqual(['plan_not_ready', 'authority_unconfirmed', 'changes_drafts', 'changes_not_received']);
    expect(board.rows.find((r) => r.role === 'health_icb')).toMatchObject({ authority: 'not_confirmed', preparation: 'not_started', answered: 0, questions: 4, ready: false });
  });

  it('counts a party whose preparation is half done as not ready, and a school as ready once it has agreed', () => {
    const c = prepCase({}, [
      ['parent_carer', PARENT],
      ['school', SCHOOL],
    ]);
    const half = recordFor(c, PARENT, { kind: 'family', answers: { childViews: 'drawn' } });
    const board = preparationBoard(c, termsStatus(c, agreedByAll(c), TERMS.version), [half], [], today);
    expect(board.rows.map((r) => [r.displayName, r.preparation, r.ready])).toEqual([
      [PARENT.displayName, 'in_progress', false],
      [SCHOOL.displayName, 'not_needed', true],
    ]);
    expect(board.blockers.map((b) => b.code)).toEqual(['attendee_missing']);
    expect(board.changes?.total).toBe(0);
  });
});
