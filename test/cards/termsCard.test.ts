import * as AC from 'adaptivecards';
import { termsCard, termsSectionId, type TermsCardView } from '../../cards/termsCard';
import { PARTICIPANT_ROLES, roleLabel, type ParticipantRole } from '../../domain/cases';
import { validateAgreement } from '../../domain/terms';
import { TERMS } from './cardFixtures';
import { cardParts, cardText, expectValidCard } from './validateCard';

const base = (role: ParticipantRole, over: Partial<TermsCardView> = {}): TermsCardView => ({
  caseId: 'caseid123456',
  caseReference: 'SM-1',
  partyId: 'partyid12345',
  partyDisplayName: 'Pat Parent',
  role,
  terms: TERMS,
  ...over,
});

describe('terms card', () => {
  it.each(PARTICIPANT_ROLES)('is valid for %s, and names the party and their role', (role) => {
    const own = termsCard(base(role));
    expectValidCard(own);
    expect(cardText(own)).toContain(`For Pat Parent, ${roleLabel(role)}.`);
    const recorded = termsCard(base(role, { onBehalf: true }));
    expectValidCard(recorded);
    expect(cardText(recorded)).toContain(`You are recording the agreement of Pat Parent, ${roleLabel(role)}.`);
  });

  it('folds each section behind a Show toggle, so the card fits a phone, and the renderer opens it', () => {
    const card = termsCard(base('parent_carer'));
    const parts = expectValidCard(card);
    const toggles = parts.actions.filter((a) => a.type === 'Action.ToggleVisibility');
    expect(toggles.map((t) => t.title)).toEqual(TERMS.sections.map(() => 'Show'));
    expect(toggles.map((t) => (t.type === 'Action.ToggleVisibility' ? t.targetElements : []))).toEqual(TERMS.sections.map((_s, i) => [termsSectionId(i)]));
    // The section texts start hidden; the headings stay visible.
    const sections = parts.elements.filter((e) => e.type === 'Container' && e.id?.startsWith('terms-section-'));
    expect(sections).toHaveLength(TERMS.sections.length);
    expect(sections.every((e) => e.isVisible === false)).toBe(true);
    // The Adaptive Cards SDK parses the toggles and finds each hidden target by its id.
    const sdk = new AC.AdaptiveCard();
    sdk.parse(JSON.parse(JSON.stringify(card)));
    // getAllActions lists an ActionSet's actions once per level it walks: count each action once.
    const sdkToggles = [...new Set(sdk.getAllActions())].filter((a): a is AC.ToggleVisibilityAction => a instanceof AC.ToggleVisibilityAction);
    expect(sdkToggles).toHaveLength(TERMS.sections.length);
    for (const [i, t] of sdkToggles.entries()) {
      expect(Object.keys(t.targetElements)).toEqual([termsSectionId(i)]);
      expect(sdk.getElementById(termsSectionId(i))?.isVisible).toBe(false);
    }
  });

  it('renders the headings as headings and the agree button with ids only', () => {
    const card = termsCard(base('parent_carer'));
    const parts = expectValidCard(card);
    const headings = parts.textBlocks.filter((t) => t.style === 'heading').map((t) => t.text);
    expect(headings).toEqual([TERMS.title, ...TERMS.headings]);
    expect(cardText(card)).toContain('• Do not record the meeting in any way. Teams recording and transcription stay switched off.');
    expect(parts.inputs).toEqual([]);
    expect(parts.executes).toEqual([
      { type: 'Action.Execute', title: 'I agree to these terms', verb: 'terms.agree', data: { caseId: 'caseid123456', partyId: 'partyid12345', termsVersion: TERMS.version }, style: 'positive' },
    ]);
  });

  it('asks an LA officer about authority, a young person about their voice, an advocate about the guidance', () => {
    expect(cardParts(termsCard(base('la_officer'))).inputs.map((i) => i.id)).toEqual(['authority']);
    expect(cardParts(termsCard(base('health_icb'))).inputs.map((i) => i.id)).toEqual(['authority']);
    expect(cardParts(termsCard(base('young_person'))).inputs.map((i) => i.id)).toEqual(['ypVoice', 'ypVoiceName', 'ypVoiceBasis']);
    const advocate = termsCard(base('advocate'));
    expect(cardParts(advocate).inputs.map((i) => i.id)).toEqual(['advocateGuidance']);
    expect(cardText(advocate)).toMatch(/Keep the child or young person at the centre/);
  });

  it('asks a mediator recording for someone else for a reason', () => {
    const card = termsCard(base('school', { onBehalf: true }));
    const parts = expectValidCard(card);
    expect(parts.inputs.map((i) => [i.id, i.isRequired])).toEqual([['recordReason', true]]);
    expect(parts.executes[0]?.title).toBe('Record their agreement');
    expect(cardText(card)).toContain('You are recording the agreement of Pat Parent, School or college.');
  });

  it('comes back with errors beside the inputs and the answers kept', () => {
    const r = validateAgreement({ ypVoice: 'named' }, 'young_person', false);
    if (r.ok) throw new Error('expected errors');
    const parts = expectValidCard(termsCard(base('young_person', { errors: r.errors, values: r.values })));
    expect(parts.inputs.find((i) => i.id === 'ypVoice')?.value).toBe('named');
    expect(parts.textBlocks.filter((t) => t.color === 'attention').map((t) => t.text)).toEqual([r.errors.ypVoiceName]);
  });
});
