import type { AuditRecord } from '../domain/audit';
import type { PreparationPatch, PreparationRecord, PreparationSubject } from '../domain/preparation';

/**
 * What the preparation dialogs need from the rest of the bot, so they import neither
 * storage nor the bot layer. storePreparationPort.ts implements it over the stores; tests
 * can implement it in memory.
 */

export type PreparationLoad =
  | { readonly ok: true; readonly subject: PreparationSubject; readonly record: PreparationRecord | null }
  /** Not found, or the caller may not answer for this party: the message is shown as it is. */
  | { readonly ok: false; readonly message: string };

export type PreparationSave =
  /**
   * `subject`: who the answer was saved for, checked against the stored case by this call.
   * `auditEntry`: a new answer's audit entry, already stored with the record, to copy to the log after answering.
   */
  | { readonly ok: true; readonly subject: PreparationSubject; readonly record: PreparationRecord; readonly auditEntry?: AuditRecord }
  | { readonly ok: false; readonly message: string };

export interface PreparationPort {
  /** The party's subject and stored answers, after checking `actor` may answer for them. */
  load(caseId: string, partyId: string, actor: string): Promise<PreparationLoad>;
  /** Saves one answer at once (not at the end), so stopping half-way loses nothing. */
  saveAnswer(caseId: string, partyId: string, patch: PreparationPatch, actor: string): Promise<PreparationSave>;
  /**
   * The LA officer or ICB representative has just said they do not have full authority: the
   * mediator must be told at once, so the family can be told before the meeting (docs/rules.md#preparation-and-requested-changes).
   */
  onLimitedAuthority(caseId: string, partyId: string): Promise<void>;
}

/** What both preparation dialogs are started with (and resumed with). */
export interface PreparationDialogOptions {
  readonly caseId: string;
  readonly partyId: string;
}

/** How a preparation dialog ended: its result, for the caller that started it. */
export interface PreparationDialogResult {
  readonly outcome: 'complete' | 'stopped' | 'refused';
}
