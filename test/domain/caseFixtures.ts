import { createCase, validateNewCase, type Case, type NewCaseFormValues, type TeamsPerson } from '../../domain/cases';

export const LEAD: TeamsPerson = { aadObjectId: '00000000-0000-0000-0000-00000000000a', displayName: 'Morgan Mediator' };
export const CO: TeamsPerson = { aadObjectId: '00000000-0000-0000-0000-00000000000b', displayName: 'Casey Co-Mediator' };
export const PARENT: TeamsPerson = { aadObjectId: '00000000-0000-0000-0000-0000000000c1', displayName: 'Pat Parent' };
export const OFFICER: TeamsPerson = { aadObjectId: '00000000-0000-0000-0000-0000000000c2', displayName: 'Lee Officer' };
export const YP: TeamsPerson = { aadObjectId: '00000000-0000-0000-0000-0000000000c3', displayName: 'Young Person' };
export const ADVOCATE: TeamsPerson = { aadObjectId: '00000000-0000-0000-0000-0000000000c4', displayName: 'Ali Advocate' };
export const STRANGER: TeamsPerson = { aadObjectId: '00000000-0000-0000-0000-0000000000ff', displayName: 'Sam Stranger' };

export const PROVIDER = 'tenant-1|19:team@thread.tacv2';
export const NOW = new Date('2026-12-01T10:00:00Z');

export const VALID_FORM: NewCaseFormValues = {
  caseReference: 'SM-2026/014',
  caseType: 'M-CONTENT',
  childInitials: 'J.S.',
  isYoungPerson: 'false',
  localAuthority: 'Surrey County Council',
  decisionNoticeSent: '2026-10-01',
  laInformed: '2026-11-20',
  meetingDate: '2026-12-17',
  meetingTime: '10:00',
  meetingFormat: 'online',
};

/** A counter-based random source: deterministic ids in tests. */
export function seqRandom(): (size: number) => Uint8Array {
  let n = 0;
  return (size) => {
    n += 1;
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = (n * 31 + i * 7) & 0xff;
    return bytes;
  };
}

export function makeCase(form: NewCaseFormValues = {}, opener: TeamsPerson = LEAD, providerKey = PROVIDER): Case {
  const v = validateNewCase({ ...VALID_FORM, ...form });
  if (!v.ok) throw new Error(`fixture form invalid: ${JSON.stringify(v.errors)}`);
  return createCase(v.value, opener, providerKey, NOW);
}
