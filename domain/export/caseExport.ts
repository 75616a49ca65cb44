import { escapeHtml } from '../certificate/htmlEscape';
import { formatLondonDateTime } from '../londonTime';

/**
 * A subject access export of a case (UK GDPR Art 15): everything stored about it, as JSON a
 * machine can read (with a schema version, so a reader knows the shape) and as a page a person can
 * print. The records are the stored documents as they are, per collection, so nothing held is
 * left out by a mapping that forgot a field.
 */
export const EXPORT_SCHEMA_VERSION = 1;

export interface CaseExport {
  readonly schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  readonly kind: 'case';
  readonly exportedAt: string;
  readonly caseId: string;
  readonly caseReference: string;
  /** Collection name → the case's documents in it. */
  readonly records: Readonly<Record<string, readonly unknown[]>>;
}

export function caseExport(caseId: string, caseReference: string, records: Readonly<Record<string, readonly unknown[]>>, now: Date): CaseExport {
  return { schemaVersion: EXPORT_SCHEMA_VERSION, kind: 'case', exportedAt: now.toISOString(), caseId, caseReference, records };
}

/** The printable page: one section per kind of record, each record as indented JSON. Every value is escaped. */
export function recordsHtml(title: string, exportedAt: string, records: Readonly<Record<string, readonly unknown[]>>): string {
  const sections = Object.entries(records)
    .map(([name, docs]) => {
      const body = docs.length ? docs.map((d) => `<pre>${escapeHtml(JSON.stringify(d, null, 2))}</pre>`).join('\n') : '<p>None.</p>';
      return `<section><h2>${escapeHtml(name)} (${docs.length})</h2>\n${body}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;color:#1b1b1b;background:#fff;margin:1.5rem;max-width:60rem}pre{white-space:pre-wrap;word-break:break-word;background:#f3f3f3;border:1px solid #767676;padding:.5rem;font-size:.85rem}h2{font-size:1.1rem;margin-top:1.5rem}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
<p>Exported ${escapeHtml(formatLondonDateTime(new Date(exportedAt)))} (schema version ${EXPORT_SCHEMA_VERSION}). Each section is one kind of record, as the service stores it.</p>
${sections}
</body></html>`;
}

export function caseExportHtml(e: CaseExport): string {
  return recordsHtml(`Everything stored about case ${e.caseReference}`, e.exportedAt, e.records);
}
