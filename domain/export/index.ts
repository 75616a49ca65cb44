/** Subject access exports: the document and its printable page. Pure. */
export { EXPORT_SCHEMA_VERSION, caseExport, caseExportHtml, type CaseExport } from './caseExport';
