import { applyPreparationPatch, assertMayPrepare, preparationSubject, type PreparationRecord } from '../../domain/preparation';
import { LA_COMPLETE_CONTENT, LEAD, NOW, OFFICER, PARENT, ok, partyIdOf, prepCase } from './prepFixtures';
import { STRANGER } from '../domain/caseFixtures';

describe('preparation records', () => {
  const c = prepCase();
  const officer = ok(preparationSubject(c, partyIdOf(c, OFFICER)));
  const later = new Date(NOW.getTime() + 60_000);

  it('starts a record with the first answer and counts progress', () => {
    const r = ok(applyPreparationPatch(officer, null, { kind: 'la', answers: { attendeeName: 'Lee Officer' } }, OFFICER.aadObjectId, NOW));
    expect(r).toMatchObject({
      caseId: c.id,
      partyId: officer.partyId,
      answers: { kind: 'la', attendeeName: 'Lee Officer' },
      status: 'in_progress',
      answered: 1,
      total: 8,
      version: 1,
      createdAt: NOW.toISOString(),
      updatedBy: OFFICER.aadObjectId,
    });
  });

  it('merges later answers, marks the record complete, and keeps the first creation time', () => {
    const first = ok(applyPreparationPatch(officer, null, { kind: 'la', answers: { attendeeName: 'Lee' } }, OFFICER.aadObjectId, NOW));
    const all = ok(applyPreparationPatch(officer, first, LA_COMPLETE_CONTENT, OFFICER.aadObjectId, later));
    expect(all).toMatchObject({ status: 'complete', answered: 8, total: 8, version: 2, createdAt: NOW.toISOString(), updatedAt: later.toISOString() });
  });

  it('returns the same record for an answer already stored (a double click writes nothing)', () => {
    const r = ok(applyPreparationPatch(officer, null, { kind: 'la', answers: { attendeeName: 'Lee' } }, OFFICER.aadObjectId, NOW));
    expect(applyPreparationPatch(officer, r, { kind: 'la', answers: { attendeeName: 'Lee' } }, OFFICER.aadObjectId, later)).toBe(r);
  });

  it('drops the authority details once the officer has full authority', () => {
    let r: PreparationRecord = ok(
      applyPreparationPatch(officer, null, { kind: 'la', answers: { fullAuthority: false, authorityLimits: 'Funding', authorityHolder: 'Panel' } }, OFFICER.aadObjectId, NOW),
    );
    expect(r.answers).toMatchObject({ authorityLimits: 'Funding' });
    r = ok(applyPreparationPatch(officer, r, { kind: 'la', answers: { fullAuthority: true } }, OFFICER.aadObjectId, later));
    expect(r.answers).toEqual({ kind: 'la', fullAuthority: true });
  });

  it('refuses answers of the other kind or in the wrong shape', () => {
    expect(applyPreparationPatch(officer, null, { kind: 'family', answers: { advocate: true } }, OFFICER.aadObjectId, NOW)).toMatchObject({ code: 'invalid_input' });
    const bad = { kind: 'la' as const, answers: { knowsFamily: 'sort of' } } as unknown as Parameters<typeof applyPreparationPatch>[2];
    expect(applyPreparationPatch(officer, null, bad, OFFICER.aadObjectId, NOW)).toMatchObject({ code: 'invalid_input' });
  });

  it('lets the party or a mediator answer, nobody else', () => {
    const partyId = partyIdOf(c, OFFICER);
    expect(assertMayPrepare(c, partyId, OFFICER.aadObjectId.toUpperCase())).toBeUndefined();
    expect(assertMayPrepare(c, partyId, LEAD.aadObjectId)).toBeUndefined();
    expect(assertMayPrepare(c, partyId, PARENT.aadObjectId)).toMatchObject({ code: 'not_allowed' });
    expect(assertMayPrepare(c, partyId, STRANGER.aadObjectId)).toMatchObject({ code: 'not_allowed' });
    expect(assertMayPrepare(c, 'gone', OFFICER.aadObjectId)).toMatchObject({ code: 'not_found' });
  });
});
