/** Subject access exports: the documents and their printable pages. Pure. */
export { EXPORT_SCHEMA_VERSION, caseExport, caseExportHtml, recordsHtml, type CaseExport } from './caseExport';
export { personCaseExport, personExport, personExportSections, type PersonExport, type PersonCaseExport } from './personExport';
