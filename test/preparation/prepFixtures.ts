import { addParty, isCaseError, partyFor, type Case, type CaseError, type NewCaseFormValues, type ParticipantRole, type TeamsPerson } from '../../domain/cases';
import {
  applyPreparationPatch,
  createChange,
  preparationSubject,
  sendChange,
  type ChangeInput,
  type PreparationPatch,
  type PreparationRecord,
  type RequestedChange,
} from '../../domain/preparation';
import { recordAgreement, type Acknowledgement } from '../../domain/terms';
import { TERMS } from '../cards/cardFixtures';
import { ADVOCATE, LEAD, NOW, OFFICER, PARENT, YP, makeCase, seqRandom } from '../domain/caseFixtures';

export { ADVOCATE, LEAD, NOW, OFFICER, PARENT, YP, TERMS };
export const ICB: TeamsPerson = { aadObjectId: '00000000-0000-0000-0000-0000000000c5', displayName: 'Ira Icb' };
export const SCHOOL: TeamsPerson = { aadObjectId: '00000000-0000-0000-0000-0000000000c6', displayName: 'Sol School' };

export function ok<T>(r: T | CaseError): T {
  if (isCaseError(r)) throw r;
  return r;
}

export type Member = readonly [ParticipantRole, TeamsPerson];
export const FAMILY_AND_LA: readonly Member[] = [
  ['parent_carer', PARENT],
  ['la_officer', OFFICER],
];

/** A case (M-CONTENT, meeting Thu 17 Dec 2026 at 10:00 unless the form says otherwise) with parties. */
export function prepCase(form: NewCaseFormValues = {}, members: readonly Member[] = FAMILY_AND_LA): Case {
  const random = seqRandom();
  let c = makeCase(form);
  for (const [role, person] of members) c = ok(addParty(c, { role, ...person, how: 'roster' }, LEAD.aadObjectId, NOW, random));
  return c;
}

export function partyIdOf(c: Case, person: TeamsPerson): string {
  const p = partyFor(c, person.aadObjectId);
  if (!p) throw new Error(`${person.displayName} is not in the case`);
  return p.partyId;
}

/** Every party has agreed the current terms (the LA officer with full authority). */
export function agreedByAll(c: Case, authority: 'full' | 'limited' = 'full'): Acknowledgement[] {
  return c.parties.map((p) =>
    ok(
      recordAgreement(
        c,
        p.partyId,
        TERMS.version,
        p.role === 'la_officer' || p.role === 'health_icb' ? { authority } : p.role === 'young_person' ? { youngPersonVoice: { mode: 'self' } } : {},
        p.aadObjectId ?? LEAD.aadObjectId,
        NOW,
      ),
    ),
  );
}

/** A stored-looking record for a person, built the way the store builds it. */
export function recordFor(c: Case, person: TeamsPerson, patch: PreparationPatch, now: Date = NOW): PreparationRecord {
  const subject = ok(preparationSubject(c, partyIdOf(c, person)));
  return ok(applyPreparationPatch(subject, null, patch, person.aadObjectId, now));
}

export const LA_COMPLETE_CONTENT: PreparationPatch = {
  kind: 'la',
  answers: {
    attendeeName: 'Lee Officer',
    attendeeRole: 'SEN case officer',
    knowsFamily: 'both',
    fullAuthority: true,
    careRepresentatives: 'none',
    otherProfessionals: '',
    editablePlanReady: true,
    wordingRecording: 'la_edits_on_screen',
  },
};

export const FAMILY_COMPLETE_CHILD: PreparationPatch = {
  kind: 'family',
  answers: { childViews: 'written', advocate: false, adjustments: '', expenses: 'none' },
};

export function changeInput(over: Partial<ChangeInput> = {}): ChangeInput {
  return {
    section: 'F',
    location: 'paragraph 3',
    currentWording: 'Speech and language therapy as needed.',
    requestedWording: 'One hour of speech and language therapy each week from a qualified therapist.',
    reason: 'The SALT report recommends weekly therapy.',
    evidenceRefs: ['SALT report, March 2026'],
    ...over,
  };
}

const changeRandom = seqRandom();
/** A numbered change as storage would hold it; `sentAt` sends it. */
export function storedChange(c: Case, number: number, over: { sentAt?: Date; input?: Partial<ChangeInput> } = {}): RequestedChange {
  const draft = { ...ok(createChange(c, changeInput(over.input), PARENT.aadObjectId, NOW, changeRandom)), number };
  return over.sentAt ? ok(sendChange(c, draft, PARENT.aadObjectId, over.sentAt)) : draft;
}
