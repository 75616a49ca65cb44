import { escapeHtml } from './htmlEscape';
import { formatLongDate } from './longDate';
import type { Certificate } from './certificateSchema';
import { CERTIFICATE_VARIANT_INFO, certificateStatement, ISSUER_ROLE_LABELS } from './certificateVariant';
import { APPEAL_GUIDANCE_LABEL, appealExplanation, appealStatement, holdersText, RESOLVED_TEXT } from './certificateTexts';

/**
 * The printable certificate: one complete HTML page the family can keep, print or save as a
 * PDF. Self-contained (inline styles, no scripts, images, fonts or links to fetch), so it
 * opens the same offline and years later; the Content-Security-Policy says so to the browser
 * too. Accessible: real headings, a definition list for the details, high contrast, text
 * that reflows. Every value is escaped by the `html` template below: nothing typed by a
 * person can become markup.
 */

class SafeHtml {
  constructor(readonly value: string) {}
}

type Interpolation = string | number | SafeHtml | readonly SafeHtml[];

function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    if (v instanceof SafeHtml) out += v.value;
    else if (Array.isArray(v)) out += (v as readonly SafeHtml[]).map((x) => x.value).join('');
    else out += escapeHtml(v as string | number);
    out += strings[i + 1] ?? '';
  });
  return new SafeHtml(out);
}

const EMPTY = new SafeHtml('');

export interface CertificateHtmlOptions {
  /** Set when a later issue replaced this certificate, so an old copy says so. */
  readonly replacedBy?: { readonly number: string; readonly issueDate: string };
}

const STYLE = `
@page { size: A4; margin: 18mm 20mm; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem; font-family: Arial, Helvetica, sans-serif; font-size: 1rem; line-height: 1.5; color: #111; background: #fff; }
header { border-bottom: 3px solid #111; margin-bottom: 1.25rem; padding-bottom: 0.75rem; }
.provider { font-weight: bold; margin: 0; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.25rem 0 0.5rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #767676; padding-bottom: 0.2rem; }
.number { font-size: 1.15rem; margin: 0; }
dl { display: grid; grid-template-columns: minmax(12rem, 40%) 1fr; gap: 0.35rem 1rem; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; }
ul { margin: 0.25rem 0; padding-left: 1.4rem; }
.appeal-by { font-size: 1.2rem; font-weight: bold; border: 2px solid #111; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.label { display: inline-block; font-size: 0.85rem; font-weight: bold; text-transform: uppercase; letter-spacing: 0.03em; border: 1px solid #111; padding: 0 0.35rem; margin-left: 0.5rem; }
.notice { border-left: 6px solid #111; padding: 0.5rem 0.75rem; background: #f3f2f1; }
.small { font-size: 0.9rem; }
footer { margin-top: 2rem; border-top: 1px solid #767676; padding-top: 0.75rem; font-size: 0.9rem; }
@media (max-width: 36rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.5rem; } }
@media print {
  body { padding: 0; max-width: none; font-size: 11pt; }
  .screen-only { display: none; }
  .notice { background: none; }
  h2 { break-after: avoid; }
  section, dl { break-inside: avoid; }
}
`;

function row(term: string, value: SafeHtml | string): SafeHtml {
  return html`<dt>${term}</dt><dd>${value}</dd>`;
}

function list(items: readonly string[]): SafeHtml {
  return html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

function variantRows(cert: Certificate): SafeHtml[] {
  if (cert.mediation) {
    return [
      row(cert.mediation.dates.length === 1 ? 'Date of mediation' : 'Dates of mediation', cert.mediation.dates.map(formatLongDate).join('; ')),
      row('Result', RESOLVED_TEXT[cert.mediation.resolved]),
    ];
  }
  if (cert.cannotArrange) {
    return [
      row('Local authority told mediation was wanted', formatLongDate(cert.cannotArrange.laInformed)),
      row('Said mediation could not take place within 30 days', formatLongDate(cert.cannotArrange.cannotMeetOn)),
    ];
  }
  if (cert.noMediation) return [row('Adviser told mediation was not wanted', formatLongDate(cert.noMediation.toldOn))];
  return [];
}

function appealSection(cert: Certificate): SafeHtml {
  const explanation = appealExplanation(cert, formatLongDate);
  const date =
    cert.appeal.appealBy !== undefined
      ? html`<p class="appeal-by">Appeal by: ${formatLongDate(cert.appeal.appealBy)} <span class="label">${APPEAL_GUIDANCE_LABEL}</span></p>`
      : EMPTY;
  const guidance =
    cert.appeal.kind === 'not_appealable'
      ? EMPTY
      : html`<p class="small">${APPEAL_GUIDANCE_LABEL}: check the date with the Tribunal, your local SENDIASS or IPSEA before relying on it. Appeals are made to HM Courts and Tribunals Service.</p>`;
  return html`<section aria-labelledby="appeal"><h2 id="appeal">Appeal</h2>
<p>${appealStatement(cert)}</p>
${date}${explanation !== '' ? html`<p>${explanation}</p>` : EMPTY}
${guidance}</section>`;
}

function replacementNotices(cert: Certificate, options: CertificateHtmlOptions): SafeHtml {
  const parts: SafeHtml[] = [];
  if (options.replacedBy) {
    parts.push(
      html`<p class="notice" role="note"><strong>This certificate has been replaced</strong> by certificate ${options.replacedBy.number}, issued on ${formatLongDate(options.replacedBy.issueDate)}. Use the newer certificate.</p>`,
    );
  }
  if (cert.replaces) {
    parts.push(
      html`<p class="notice" role="note">This certificate replaces certificate ${cert.replaces.number}. The appeal date is counted from the first issue, on ${formatLongDate(cert.originalIssueDate)}.</p>`,
    );
  }
  return html`${parts}`;
}

export function certificateHtml(cert: Certificate, options: CertificateHtmlOptions = {}): string {
  const info = CERTIFICATE_VARIANT_INFO[cert.variant];
  const holderTerm = cert.isYoungPerson ? 'Young person (or who acts for them)' : 'Parent or carer';
  const page = html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${info.title}: ${cert.number}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<main>
<header>
<p class="provider">${cert.providerName}</p>
<h1>${info.title}</h1>
<p class="number">Certificate number: <strong>${cert.number}</strong></p>
<p>Issued on ${formatLongDate(cert.issueDate)}</p>
</header>
${replacementNotices(cert, options)}
<section aria-labelledby="confirms"><h2 id="confirms">What this certificate confirms</h2>
<p>${certificateStatement(cert.variant, cert.noMediation)}</p>
<p class="small">Legal basis: ${info.basis}.</p>
${cert.notNeededForAppeal ? html`<p class="notice" role="note">Not needed for an appeal: ${appealStatement(cert)}</p>` : EMPTY}
</section>
<section aria-labelledby="details"><h2 id="details">Details</h2>
<dl>
${row(holderTerm, holdersText(cert))}
${row(cert.isYoungPerson ? 'Young person (initials)' : 'Child (initials)', cert.childInitials)}
${row('Local authority', cert.localAuthority)}
${row('Decision', cert.caseTypeLabel)}
${row('Decision notice sent', cert.decisionNoticeSent !== undefined ? formatLongDate(cert.decisionNoticeSent) : 'Not recorded')}
${variantRows(cert)}
</dl>
</section>
<section aria-labelledby="issues"><h2 id="issues">Mediation issues</h2>
${list(cert.mediationIssues)}
</section>
${appealSection(cert)}
<section aria-labelledby="issuer"><h2 id="issuer">Issued by</h2>
<dl>
${row('Name', cert.issuer.name)}
${row('Role', ISSUER_ROLE_LABELS[cert.issuer.role])}
${row('Mediation service', cert.providerName)}
${row('Date of issue', formatLongDate(cert.issueDate))}
${row('Case reference', cert.caseReference)}
</dl>
</section>
<footer>
<p>Keep this certificate. ${cert.appeal.kind === 'certificate_needed' ? 'You will need it, or its number, to register an appeal.' : ''}</p>
<p class="screen-only">To keep a copy, use your browser's print command and print it or save it as a PDF.</p>
</footer>
</main>
</body>
</html>
`;
  return page.value;
}
