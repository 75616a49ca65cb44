import { addParty, type Case } from '../../domain/cases';
import { certificateHtml, escapeHtml, formatLongDate } from '../../domain/certificate';
import { LEAD, NOW, ok } from './outcomeFixtures';
import { A1_ISSUE, ADVISER, PROVIDER_NAME, a1Meeting, afterMediation, certCase, issued } from './certificateFixtures';

const EVIL = '<script>alert("x")</script>';

describe('formatLongDate and escapeHtml', () => {
  it('writes dates in full, with the weekday', () => {
    expect(formatLongDate('2026-01-02')).toBe('Friday 2 January 2026');
    expect(formatLongDate('2025-11-28')).toBe('Friday 28 November 2025');
    expect(() => formatLongDate('2025-02-30')).toThrow();
  });

  it('escapes the five characters that matter in HTML', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('certificateHtml', () => {
  const c = certCase();
  const { cert } = issued(c, afterMediation(a1Meeting(c)));
  const page = certificateHtml(cert);

  it('is a complete, self-contained page: no scripts, no external resources', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(page.trim().endsWith('</html>')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain("default-src 'none'");
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<link|<img|<iframe|@import|url\(/i);
    expect(page).not.toMatch(/\b(src|href)=/i);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('is printable on A4 and structured with headings for screen readers', () => {
    expect(page).toContain('@page { size: A4;');
    expect(page).toContain('@media print');
    expect(page.match(/<h1>/g)).toHaveLength(1);
    for (const h of ['What this certificate confirms', 'Details', 'Mediation issues', 'Appeal', 'Issued by']) expect(page).toContain(`>${h}</h2>`);
    expect(page).toContain('<dl>');
    expect(page).toContain('<title>Mediation certificate: SM-CERT-2025-000123</title>');
  });

  it('carries the certificate\'s details with long dates, the appeal-by date and the guidance label', () => {
    for (const expected of [
      'Certificate number: <strong>SM-CERT-2025-000123</strong>',
      'Issued on Friday 28 November 2025',
      '<dt>Parent or carer</dt><dd>Pat Parent</dd>',
      '<dt>Child (initials)</dt><dd>JS</dd>',
      '<dt>Decision notice sent</dt><dd>Wednesday 1 October 2025</dd>',
      '<dt>Date of mediation</dt><dd>Wednesday 12 November 2025</dd>',
      '<dt>Result</dt><dd>None of the issues were resolved.</dd>',
      'Appeal by: Friday 2 January 2026 <span class="label">Guidance, not legal advice</span>',
      'which is Monday 1 December 2025',
      'which is Sunday 28 December 2025',
      'moves to the first working day in January',
      'This certificate allows Pat Parent to register an appeal',
      'Legal basis: Children and Families Act 2014, section 55(5).',
      '<dt>Role</dt><dd>Mediator</dd>',
      '<dt>Mediation service</dt><dd>Example Mediation Service</dd>',
    ]) {
      expect(page).toContain(expected);
    }
  });

  it('escapes every value a person typed', () => {
    let evil: Case = { ...certCase({ localAuthority: 'Surrey County Council' }), localAuthority: `LA ${EVIL}`, caseReference: `R<1>` };
    evil = { ...evil, parties: evil.parties.map((p) => (p.role === 'parent_carer' ? { ...p, displayName: `Pat ${EVIL}` } : p)) };
    evil = ok(addParty(evil, { role: 'young_person', displayName: `Kim "<b>"`, how: 'mediator' }, LEAD.aadObjectId, NOW));
    const { cert: bad } = issued(evil, {
      variant: 'no_mediation',
      issuer: { ...ADVISER, name: `Ad ${EVIL}` },
      providerName: `${PROVIDER_NAME} <img src=x onerror=alert(1)>`,
      noMediationOn: '2025-11-20',
      mediationIssues: [`Section F ${EVIL}`, `it's & "quoted"`],
    }, A1_ISSUE);
    const html = certificateHtml(bad);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img|<b>/i);
    expect(html).toContain('Pat &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; and Kim &quot;&lt;b&gt;&quot;');
    expect(html).toContain('LA &lt;script&gt;');
    expect(html).toContain('Ad &lt;script&gt;');
    expect(html).toContain('Example Mediation Service &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<li>it&#39;s &amp; &quot;quoted&quot;</li>');
    expect(html).toContain('R&lt;1&gt;');
  });

  it('says when a certificate is not needed for an appeal, or has been replaced', () => {
    const health = certCase({ caseType: 'M-HEALTH' });
    const healthPage = certificateHtml(issued(health, afterMediation(a1Meeting(health))).cert);
    expect(healthPage).toContain('Not needed for an appeal: A decision about health care provision or social care provision alone cannot be appealed');
    expect(healthPage).not.toContain('Appeal by:');
    const replaced = certificateHtml(cert, { replacedBy: { number: 'SM-CERT-2025-000130', issueDate: '2025-12-01' } });
    expect(replaced).toContain('<strong>This certificate has been replaced</strong> by certificate SM-CERT-2025-000130, issued on Monday 1 December 2025.');
  });

  it('says why there is no appeal date when the decision notice date is missing', () => {
    const { decisionNoticeSent: _gone, ...dates } = c.dates;
    const html = certificateHtml(issued({ ...c, dates }, afterMediation(a1Meeting(c))).cert);
    expect(html).toContain('<dt>Decision notice sent</dt><dd>Not recorded</dd>');
    expect(html).toContain('The appeal date cannot be worked out: the date the decision notice was sent is not recorded');
  });
});
