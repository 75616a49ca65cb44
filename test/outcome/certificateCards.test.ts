import { certificateCard } from '../../cards/certificateCard';
import { certificateFormCard } from '../../cards/certificateFormCard';
import { toCertificateFormView, toCertificateView } from '../../cards/certificateViews';
import { VERBS } from '../../cards/verbs';
import { validateCertificateSubmission } from '../../domain/certificate';
import { isCaseError } from '../../domain/cases';
import { cardParts, cardText, expectValidCard } from '../cards/validateCard';
import { ADVISER, PROVIDER_NAME, a1Meeting, afterMediation, certCase, issued } from './certificateFixtures';

const PRINT_URL = 'https://bot.example.org/certificates/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';

describe('certificateCard', () => {
  const c = certCase();
  const { cert } = issued(c, afterMediation(a1Meeting(c)));

  it('shows the number, issue date, appeal-by date with weekday and the guidance label, and opens the printable page', () => {
    const built = certificateCard(toCertificateView(cert, { printUrl: PRINT_URL, showTimeliness: true }));
    const parts = expectValidCard(built);
    const text = cardText(built);
    expect(text).toContain('Mediation certificate: SM-CERT-2025-000123');
    expect(text).toContain('Case SM-2025/101 · Mediation took place · issued Fri 28 Nov 2025');
    expect(text).toContain('Appeal by: Fri 2 Jan 2026 (guidance, not legal advice)');
    expect(text).toContain('which is Sun 28 Dec 2025. That falls between 25 December and 1 January');
    expect(text).toContain('Guidance, not legal advice: check the date');
    expect(text).toContain("Child's initials: JS");
    expect(text).toContain('Issued by: Morgan Mediator, Mediator, Example Mediation Service');
    expect(text).toContain('Result: None of the issues were resolved.');
    expect(text).toContain('Issued 11 days after its due date (Mon 17 Nov 2025).');
    expect(parts.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the printable certificate', url: PRINT_URL }]);
    expect(parts.executes).toEqual([]);
  });

  it('without a link says where it went; a health-only certificate is flagged as not needed for an appeal', () => {
    const plain = certificateCard(toCertificateView(cert));
    expectValidCard(plain);
    expect(cardText(plain)).toContain('The link to the printable certificate was sent when it was issued.');
    expect(cardText(plain)).not.toContain('due date');
    const health = certCase({ caseType: 'M-HEALTH' });
    const built = certificateCard(toCertificateView(issued(health, afterMediation(a1Meeting(health))).cert));
    expectValidCard(built);
    expect(cardText(built)).toContain('Not needed for an appeal. A decision about health care provision or social care provision alone cannot be appealed');
    expect(cardText(built)).toContain('Appeal by: No appeal: this kind of decision cannot be appealed on its own.');
  });

  it('shows the details of an adviser certificate and of a re-issue', () => {
    const { cert: adviser } = issued(c, { variant: 'cannot_arrange', issuer: ADVISER, providerName: PROVIDER_NAME, cannotMeetOn: '2025-11-10' });
    const text = cardText(certificateCard(toCertificateView(adviser)));
    expect(text).toContain('Mediation certificate: mediation not arranged within 30 days: SM-CERT-2025-000123');
    expect(text).toContain('Said it could not arrange it within 30 days: Mon 10 Nov 2025');
    expect(text).toContain('Morgan Mediator, Mediation adviser');
    const again = issued(c, afterMediation(a1Meeting(c), { reissue: true }), new Date('2025-12-10T10:00:00Z'), [cert], 130).cert;
    expect(cardText(certificateCard(toCertificateView(again)))).toContain('This new version replaces certificate SM-CERT-2025-000123; the appeal date counts from the first issue (Fri 28 Nov 2025).');
  });
});

describe('certificateFormCard', () => {
  const c = certCase();
  const meeting = a1Meeting(c);

  it('offers the three kinds and their dates, with the due date, and issues with certificate.issue', () => {
    const view = toCertificateFormView(c, [], { today: '2025-11-13', meeting });
    if (isCaseError(view)) throw view;
    const built = certificateFormCard(view);
    const parts = expectValidCard(built);
    const text = cardText(built);
    expect(text).toContain('Issue a mediation certificate: case SM-2025/101');
    expect(text).toContain('The mediation concluded on Wed 12 Nov 2025: the certificate is due by Mon 17 Nov 2025.');
    expect(parts.inputs.map((i) => i.id)).toEqual(['variant', 'noMediationOn', 'noMediationHow', 'laInformed', 'cannotMeetOn']);
    const variant = parts.inputs[0];
    expect(variant?.type === 'Input.ChoiceSet' && variant.choices.map((ch) => ch.value)).toEqual(['after_mediation', 'no_mediation', 'cannot_arrange']);
    expect(parts.inputs.find((i) => i.id === 'laInformed')).toMatchObject({ value: '2025-10-15', max: '2025-11-13' });
    expect(parts.executes).toEqual([expect.objectContaining({ verb: VERBS.certificateIssue, data: { caseId: c.id } })]);
  });

  it('lists what was issued and offers a new version', () => {
    const { cert } = issued(c, afterMediation(meeting));
    const view = toCertificateFormView(c, [cert], { today: '2025-12-01' });
    if (isCaseError(view)) throw view;
    const built = certificateFormCard(view);
    const parts = expectValidCard(built);
    expect(cardText(built)).toContain('- Mediation took place: SM-CERT-2025-000123, issued Fri 28 Nov 2025');
    expect(parts.executes.map((a) => a.data)).toEqual([{ caseId: c.id }, { caseId: c.id, reissue: 1 }]);
    expect(cardParts(built).actions.some((a) => a.type === 'Action.ShowCard' && a.title === 'Issue a new version…')).toBe(true);
  });

  it('shows problems and what was typed when it comes back; warns when not needed for an appeal; refuses DRS', () => {
    const v = validateCertificateSubmission({ variant: 'cannot_arrange' }, '2025-11-28');
    if (v.ok) throw new Error('expected problems');
    const view = toCertificateFormView(c, [], { today: '2025-11-28', values: v.values, errors: v.errors });
    if (isCaseError(view)) throw view;
    const built = certificateFormCard(view);
    expectValidCard(built);
    expect(cardText(built)).toContain('Enter the date the local authority said it could not arrange mediation within 30 days.');
    expect(cardParts(built).inputs[0]).toMatchObject({ value: 'cannot_arrange' });

    const social = toCertificateFormView(certCase({ caseType: 'M-SOCIAL' }), [], { today: '2025-11-28' });
    expect(!isCaseError(social) && social.notNeededText).toMatch(/not needed for an appeal/);
    const placement = toCertificateFormView(certCase({ caseType: 'M-PLACEMENT' }), [], { today: '2025-11-28' });
    expect(!isCaseError(placement) && placement.notNeededText).toMatch(/section I does not need a certificate/);
    expect(toCertificateFormView({ ...c, caseType: 'D-DUTIES' }, [], { today: '2025-11-28' })).toMatchObject({ code: 'invalid_input' });
  });
});
