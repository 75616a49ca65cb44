import { mediatorFor, partyFor, type Case, type Mediator, type Party } from '../cases';
import { EXPORT_SCHEMA_VERSION } from './caseExport';

/**
 * Everything stored about one person across every case (a subject access request): in each of
 * their cases, their own entry (as mediator or party) and every stored record that names them
 * (their AAD object id or their party id), plus the references to their 1:1 chat. Other people's
 * records in the same cases are left out.
 */
export interface PersonCaseExport {
  readonly caseId: string;
  readonly caseReference: string;
  readonly caseType: string;
  readonly asMediator?: Mediator;
  readonly asParty?: Party;
  readonly records: Readonly<Record<string, readonly unknown[]>>;
}

export interface PersonExport {
  readonly schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  readonly kind: 'person';
  readonly exportedAt: string;
  readonly aadObjectId: string;
  readonly cases: readonly PersonCaseExport[];
  readonly conversations: readonly unknown[];
}

export function personCaseExport(c: Case, aadObjectId: string, records: Readonly<Record<string, readonly unknown[]>>): PersonCaseExport {
  const party = partyFor(c, aadObjectId);
  const mediator = mediatorFor(c, aadObjectId);
  const ids = [aadObjectId.toLowerCase(), ...(party ? [party.partyId] : [])];
  const about = (doc: unknown) => {
    const text = JSON.stringify(doc).toLowerCase();
    return ids.some((id) => text.includes(id.toLowerCase()));
  };
  const mine: Record<string, unknown[]> = {};
  for (const [name, docs] of Object.entries(records)) if (name !== 'cases') mine[name] = docs.filter(about);
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    caseType: c.caseType,
    ...(mediator ? { asMediator: mediator } : {}),
    ...(party ? { asParty: party } : {}),
    records: mine,
  };
}

export function personExport(aadObjectId: string, cases: readonly PersonCaseExport[], conversations: readonly unknown[], now: Date): PersonExport {
  return { schemaVersion: EXPORT_SCHEMA_VERSION, kind: 'person', exportedAt: now.toISOString(), aadObjectId, cases, conversations };
}

/** The page's sections: one per case, then the chat references. */
export function personExportSections(e: PersonExport): Record<string, readonly unknown[]> {
  const out: Record<string, readonly unknown[]> = {};
  for (const c of e.cases) out[`Case ${c.caseReference}`] = [{ caseId: c.caseId, caseType: c.caseType, asMediator: c.asMediator, asParty: c.asParty }, c.records];
  out['1:1 chat references'] = e.conversations;
  return out;
}
