import fs from 'node:fs';
import path from 'node:path';
import { addParty, isCaseError, partyFor, type Case, type CaseError } from '../../domain/cases';
import { loadTerms, recordAgreement, type Acknowledgement, type Terms } from '../../domain/terms';
import { LEAD, NOW, OFFICER, PARENT, makeCase } from '../domain/caseFixtures';

export const TERMS: Terms = loadTerms(fs.readFileSync(path.join(__dirname, '../../domain/terms/defaultTerms.md'), 'utf8'));

export function ok<T>(r: T | CaseError): T {
  if (isCaseError(r)) throw r;
  return r;
}

/** A case with a parent who agreed and an LA officer with limited authority who has not yet. */
export function caseWithParties(): { c: Case; acks: Acknowledgement[] } {
  let c = makeCase();
  c = ok(addParty(c, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW));
  c = ok(addParty(c, { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW));
  const parentId = partyFor(c, PARENT.aadObjectId)?.partyId ?? '';
  return { c, acks: [ok(recordAgreement(c, parentId, TERMS.version, {}, PARENT.aadObjectId, NOW))] };
}
