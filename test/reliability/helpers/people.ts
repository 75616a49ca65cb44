import { USERS } from '../../helpers/testBot';

export interface Person {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

/**
 * Everyone the reliability suites act as. Case A is the journey's case; case B belongs to
 * another mediator and another family, so "ids of another case" and "a party of another case"
 * are real people with real roles, not made-up strings.
 */
export const PEOPLE = {
  lead: USERS.mediator,
  co: { id: '29:co-mediator', aadObjectId: '00000000-0000-0000-0000-0000000000a2', name: 'Chris Co' },
  parent: USERS.parent,
  officer: USERS.officer,
  advocate: { id: '29:advocate', aadObjectId: '00000000-0000-0000-0000-0000000000d1', name: 'Ada Advocate' },
  stranger: USERS.stranger,
  otherMediator: { id: '29:other-mediator', aadObjectId: '00000000-0000-0000-0000-0000000000e1', name: 'Olu Other' },
  otherParent: { id: '29:other-parent', aadObjectId: '00000000-0000-0000-0000-0000000000e2', name: 'Pat Other' },
  /** The provider's admin (ADMIN_ALLOWLIST in JOURNEY_ENV): in no case. */
  admin: { id: '29:provider-admin', aadObjectId: '00000000-0000-0000-0000-0000000000ad', name: 'Ash Admin' },
} as const satisfies Record<string, Person>;

export type Role = keyof typeof PEOPLE;
export const ROLES = Object.keys(PEOPLE) as Role[];
export const MEDIATORS: readonly Role[] = ['lead', 'co'];

/** The settings every journey bot runs with. */
export const JOURNEY_ENV: Readonly<Record<string, string>> = { ADMIN_ALLOWLIST: PEOPLE.admin.aadObjectId };
