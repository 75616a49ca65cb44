import type { AuditRecord } from '../domain/audit';
import type { Case } from '../domain/cases';
import { canViewCase, isCaseError, STRANGER_REFUSAL } from '../domain/cases';
import { assertMayPrepare, preparationSubject, type PreparationPatch, type PreparationSubject } from '../domain/preparation';
import type { CaseStore } from '../storage/caseStore';
import type { PreparationStore } from '../storage/preparationStore';
import type { PreparationLoad, PreparationPort, PreparationSave } from './preparationPort';

export interface StorePreparationPortDeps {
  readonly cases: Pick<CaseStore, 'get'>;
  readonly preparation: Pick<PreparationStore, 'getRecord' | 'saveAnswer'>;
  readonly now: () => Date;
  /**
   * Tells the case's mediators at once (a proactive message, a card update). Called with
   * the stored case; the port swallows nothing, so the bot can log a failed alert.
   */
  readonly alertLimitedAuthority: (c: Case, partyId: string) => Promise<void>;
  /**
   * After an answer is saved (or found already saved), with the case as this save read it and a
   * new answer's audit entry, so follow-up work (the case card) need not read the case again.
   */
  readonly afterSave?: (c: Case, auditEntry: AuditRecord | undefined) => void;
}

/**
 * The preparation port over the product's stores: every call re-reads the case and checks
 * the caller against the roles stored in it, never against anything a card sent.
 */
export function storePreparationPort(deps: StorePreparationPortDeps): PreparationPort {
  async function subjectFor(caseId: string, partyId: string, actor: string): Promise<{ c: Case; subject: PreparationSubject } | { message: string }> {
    const c = await deps.cases.get(caseId);
    if (!c) return { message: 'That case no longer exists.' };
    // Someone outside the case holding its ids learns nothing about it, not even whose questions these are.
    if (!canViewCase(c, actor)) return { message: STRANGER_REFUSAL };
    const denied = assertMayPrepare(c, partyId, actor);
    if (denied) return { message: denied.message };
    const subject = preparationSubject(c, partyId);
    if (isCaseError(subject)) return { message: subject.message };
    return { c, subject };
  }

  return {
    async load(caseId, partyId, actor): Promise<PreparationLoad> {
      const found = await subjectFor(caseId, partyId, actor);
      if ('message' in found) return { ok: false, message: found.message };
      return { ok: true, subject: found.subject, record: await deps.preparation.getRecord(caseId, partyId) };
    },

    async saveAnswer(caseId, partyId, patch: PreparationPatch, actor): Promise<PreparationSave> {
      const found = await subjectFor(caseId, partyId, actor);
      if ('message' in found) return { ok: false, message: found.message };
      const r = await deps.preparation.saveAnswer(found.subject, patch, actor, deps.now(), { by: actor, action: 'prep.answered', subject: `party:${partyId}` });
      switch (r.status) {
        case 'saved':
          deps.afterSave?.(found.c, r.auditEntry);
          return { ok: true, subject: found.subject, record: r.record, ...(r.auditEntry ? { auditEntry: r.auditEntry } : {}) };
        case 'unchanged':
          deps.afterSave?.(found.c, undefined);
          return { ok: true, subject: found.subject, record: r.record };
        case 'rejected':
          return { ok: false, message: r.error.message };
        case 'conflict':
          return { ok: false, message: 'Your answer could not be saved because of a clash with another change. Please type prep to try again.' };
      }
    },

    async onLimitedAuthority(caseId, partyId): Promise<void> {
      const c = await deps.cases.get(caseId);
      if (c) await deps.alertLimitedAuthority(c, partyId);
    },
  };
}
