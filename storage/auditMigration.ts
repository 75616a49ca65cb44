import { z } from 'zod';
import { SYSTEM_ACTOR, auditRecord, isAuditAction, type AuditInput, type AuditRecord } from '../domain/audit';
import type { AuditLog } from './auditLog';
import type { OutboxKind } from './auditOutbox';
import type { DocCollection } from './collection';
import { everyDocument, type StoreMarkers } from './storeMarkers';

/**
 * Start-up migration: the capped `audit` arrays (and `auditDropped` counts) that cases,
 * meetings and outcome records used to carry are moved into the audit log, then removed from
 * the documents. Once and idempotently: every moved entry has an id derived from its document
 * and position, so a run interrupted at any point and run again stores each entry once; a
 * document loses its array only after the log is counted to hold every entry of it.
 */
const LegacyEntrySchema = z.object({
  at: z.iso.datetime(),
  by: z.string().min(1).max(100),
  action: z.string().min(1).max(60),
  detail: z.string().max(300).optional(),
});

export interface LegacyDoc {
  _id: string;
  version?: number;
  caseId?: string;
  createdAt?: string;
  updatedAt?: string;
  audit?: unknown;
  auditDropped?: unknown;
}

export interface LegacySource {
  readonly kind: OutboxKind;
  readonly docs: DocCollection<LegacyDoc>;
}

export interface AuditMigrationReport {
  /** Documents whose trail was moved (and removed) by this run. */
  readonly documents: number;
  /** Entries the log now holds for them (including one `audit.entriesLost` per capped trail). */
  readonly entries: number;
  /** Entries that were dropped by the old cap before this run: counted, not recoverable. */
  readonly droppedBefore: number;
}

export class AuditMigrationError extends Error {
  override readonly name = 'AuditMigrationError';
}

const MAX_PASSES = 5;
const MARKER = 'audit-legacy-trails-moved';

function caseIdOf(kind: OutboxKind, doc: LegacyDoc): string {
  return kind === 'case' ? String(doc._id) : (doc.caseId ?? 'unknown');
}

const TrailSchema = z.array(z.unknown());

/** The log entries a document's old trail becomes; stable across runs. */
export function legacyEntries(kind: OutboxKind, doc: LegacyDoc): AuditRecord[] {
  const trail = TrailSchema.safeParse(doc.audit);
  const items = trail.success ? trail.data : [];
  const dropped = typeof doc.auditDropped === 'number' && doc.auditDropped > 0 ? doc.auditDropped : 0;
  const caseId = caseIdOf(kind, doc);
  const subject = kind === 'case' ? undefined : `${kind}:${String(doc._id)}`;
  const out: AuditRecord[] = [];
  let unreadable = 0;
  items.forEach((raw, i) => {
    const e = LegacyEntrySchema.safeParse(raw);
    if (!e.success) {
      unreadable++;
      return;
    }
    const known = isAuditAction(e.data.action);
    const input: AuditInput = {
      by: e.data.by,
      action: known && isAuditAction(e.data.action) ? e.data.action : 'legacy.change',
      ...(subject ? { subject } : {}),
      ...(known ? (e.data.detail !== undefined ? { detail: e.data.detail } : {}) : { detail: `${e.data.action}${e.data.detail ? `: ${e.data.detail}` : ''}`.slice(0, 300) }),
    };
    out.push(auditRecord(input, new Date(e.data.at), `legacy:${kind}:${String(doc._id)}:${String(dropped + i).padStart(6, '0')}`, 'unknown', caseId));
  });
  if (dropped + unreadable > 0) {
    const first = out[0]?.at ?? doc.createdAt ?? doc.updatedAt ?? new Date(0).toISOString();
    const detail = `${dropped + unreadable} older or unreadable entries of the ${kind} record`;
    out.unshift(auditRecord({ by: SYSTEM_ACTOR, action: 'audit.entriesLost', detail, ...(subject ? { subject } : {}) }, new Date(first), // '!' sorts before the digits: the note comes first among entries of the same instant.
      `legacy:${kind}:${String(doc._id)}:!lost`, 'unknown', caseId));
  }
  return out;
}

/**
 * Runs once in a store's life: a store that has the marker was migrated (or created by this
 * version), so no start-up reads every document again.
 */
export async function migrateLegacyAudit(log: AuditLog, sources: readonly LegacySource[], markers: StoreMarkers, now: Date): Promise<AuditMigrationReport> {
  if (await markers.get(MARKER)) return { documents: 0, entries: 0, droppedBefore: 0 };
  let documents = 0;
  let entries = 0;
  let droppedBefore = 0;
  for (const { kind, docs } of sources) {
    for (let pass = 1; ; pass++) {
      const pending: LegacyDoc[] = [];
      for await (const doc of everyDocument(docs)) if (doc.audit !== undefined) pending.push(doc);
      if (pending.length === 0) break;
      if (pass > MAX_PASSES) throw new AuditMigrationError(`${pending.length} ${kind} documents kept changing during the audit migration`);
      for (const doc of pending) {
        const moved = legacyEntries(kind, doc);
        await log.ensure(moved);
        const held = await log.countIds(moved.map((e) => e.id));
        if (held !== moved.length) {
          throw new AuditMigrationError(`the audit log holds ${held} of the ${moved.length} entries of ${kind} ${String(doc._id)}; its trail was left in place`);
        }
        const { audit: _trail, auditDropped: _dropped, ...rest } = doc;
        // Conditional on the version read, like every write: another instance's change is re-read next pass.
        const filter = typeof doc.version === 'number' ? { _id: doc._id, version: doc.version } : { _id: doc._id };
        if ((await docs.replaceOne(filter, rest)) === 1) {
          documents++;
          entries += moved.length;
          droppedBefore += typeof doc.auditDropped === 'number' ? doc.auditDropped : 0;
        }
      }
    }
  }
  await markers.set(MARKER, { documents, entries, droppedBefore }, now);
  return { documents, entries, droppedBefore };
}
