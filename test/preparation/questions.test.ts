import {
  FAMILY_QUESTIONS,
  LA_QUESTIONS,
  applicableQuestions,
  describeAnswers,
  emptyAnswers,
  matchChoice,
  nextQuestion,
  parseText,
  preparationKindFor,
  preparationProgress,
  preparationSubject,
  questionById,
  type PreparationAnswers,
  type QuestionContext,
} from '../../domain/preparation';
import { ICB, LA_COMPLETE_CONTENT, OFFICER, PARENT, SCHOOL, ok, partyIdOf, prepCase } from './prepFixtures';

const la = (caseType: QuestionContext['caseType'] = 'M-CONTENT'): QuestionContext => ({ caseType, isYoungPerson: false, role: 'la_officer' });
const ids = (ctx: QuestionContext, answers: PreparationAnswers) => applicableQuestions(ctx, answers).map((q) => q.id);

describe('preparation questions', () => {
  it('asks the LA officer in a plan-content case about attendance, authority, attendees and the plan, in order', () => {
    expect(ids(la(), emptyAnswers('la'))).toEqual([
      'la.attendeeName',
      'la.attendeeRole',
      'la.knowsFamily',
      'la.fullAuthority',
      'la.careRepresentatives',
      'la.otherProfessionals',
      'la.editablePlanReady',
      'la.wordingRecording',
    ]);
  });

  it('leaves out the plan questions when the plan content is not in dispute, and the LA-only ones for the ICB', () => {
    expect(ids(la('M-ASSESS'), emptyAnswers('la'))).not.toContain('la.editablePlanReady');
    expect(ids({ caseType: 'M-HEALTH-MIXED', isYoungPerson: false, role: 'health_icb' }, emptyAnswers('la'))).toEqual([
      'la.attendeeName',
      'la.attendeeRole',
      'la.knowsFamily',
      'la.fullAuthority',
    ]);
  });

  it('adds what cannot be decided and who holds the authority after a "no", and drops them after a later "yes"', () => {
    const q = questionById('la.fullAuthority');
    const no = q?.parse('No', la());
    expect(no).toEqual({ ok: true, patch: { kind: 'la', answers: { fullAuthority: false } } });
    const answers: PreparationAnswers = { kind: 'la', attendeeName: 'Lee', attendeeRole: 'Officer', knowsFamily: 'both', fullAuthority: false };
    expect(nextQuestion(la(), answers)?.id).toBe('la.authorityLimits');
    expect(ids(la(), answers)).toEqual(expect.arrayContaining(['la.authorityLimits', 'la.authorityHolder']));
    expect(ids(la(), { ...answers, fullAuthority: true })).not.toContain('la.authorityLimits');
  });

  it('asks "other" wording only when that is the choice', () => {
    const base: PreparationAnswers = { kind: 'la', wordingRecording: 'other' };
    expect(ids(la(), base)).toContain('la.wordingRecordingOther');
    expect(ids(la(), { ...base, wordingRecording: 'mediator_records' })).not.toContain('la.wordingRecordingOther');
  });

  it('insists the ICB attends when health care is among the issues', () => {
    const q = questionById('la.careRepresentatives');
    const mixed = la('M-HEALTH-MIXED');
    expect(q?.help(mixed)).toMatch(/ICB representative must attend/);
    const refused = q?.parse('neither', mixed);
    expect(refused).toMatchObject({ ok: false, hint: expect.stringMatching(/ICB representative must attend/) });
    expect(q?.parse('social care', mixed)).toMatchObject({ ok: false });
    expect(q?.parse('both', mixed)).toEqual({ ok: true, patch: { kind: 'la', answers: { careRepresentatives: 'both' } } });
    expect(q?.parse('neither', la())).toEqual({ ok: true, patch: { kind: 'la', answers: { careRepresentatives: 'none' } } });
  });

  it('reads typed choices by number, value, title or a common word, and explains the options otherwise', () => {
    const q = questionById('la.knowsFamily');
    expect(q?.parse('1', la())).toMatchObject({ ok: true, patch: { answers: { knowsFamily: 'both' } } });
    expect(q?.parse('  Yes, both. ', la())).toMatchObject({ ok: true, patch: { answers: { knowsFamily: 'both' } } });
    expect(q?.parse('case only', la())).toMatchObject({ ok: true, patch: { answers: { knowsFamily: 'case_only' } } });
    expect(q?.parse('maybe', la())).toEqual({ ok: false, hint: expect.stringMatching(/^Please choose one of the options \(you can type its number\): 1\. Yes, both; 2\./) });
    expect(matchChoice('9', [{ value: 'a', title: 'A' }])).toBeUndefined();
  });

  it('takes short text, "none" where allowed, and refuses empty, long or odd text', () => {
    const input = { kind: 'text' as const, label: 'x', maxLength: 20, noneAllowed: true };
    expect(parseText('  speech   and language ', input)).toEqual({ ok: true, value: 'speech and language' });
    expect(parseText('None.', input)).toEqual({ ok: true, value: '' });
    expect(parseText('x', input)).toMatchObject({ ok: false, hint: expect.stringMatching(/or "none"/) });
    expect(parseText('a'.repeat(21), input)).toMatchObject({ ok: false, hint: expect.stringMatching(/under 20/) });
    expect(parseText('<script>', input)).toMatchObject({ ok: false });
    expect(parseText('none', { ...input, noneAllowed: false })).toEqual({ ok: true, value: 'none' });
  });

  it('asks a child\'s parent about the child\'s views, and a young person who speaks for them', () => {
    const child: QuestionContext = { caseType: 'M-CONTENT', isYoungPerson: false, role: 'parent_carer' };
    const yp: QuestionContext = { caseType: 'M-CONTENT', isYoungPerson: true, role: 'young_person' };
    expect(ids(child, emptyAnswers('family'))).toEqual(['family.childViews', 'family.advocate', 'family.adjustments', 'family.expenses']);
    expect(ids(yp, emptyAnswers('family'))).toEqual(['family.ypVoice', 'family.advocate', 'family.adjustments', 'family.expenses']);
    const named: PreparationAnswers = { kind: 'family', ypVoice: 'named', ypSpeakerName: 'Pat Parent' };
    expect(ids(yp, named)).toEqual(['family.ypVoice', 'family.ypSpeakerName', 'family.ypPermission', 'family.advocate', 'family.adjustments', 'family.expenses']);
    expect(questionById('family.ypPermission')?.prompt(yp, named)).toBe('Have you given written permission for Pat Parent to speak for you?');
    expect(questionById('family.ypVoice')?.prompt({ ...yp, role: 'parent_carer' }, named)).toMatch(/Will the young person speak for themselves/);
    expect(ids(child, { kind: 'family', advocate: true })).toContain('family.advocateName');
  });

  it('counts progress over the questions that apply, and says when everything is answered', () => {
    expect(preparationProgress(la(), emptyAnswers('la'))).toEqual({ answered: 0, total: 8, complete: false });
    const full: PreparationAnswers = { kind: 'la', ...LA_COMPLETE_CONTENT.answers };
    expect(preparationProgress(la(), full)).toEqual({ answered: 8, total: 8, complete: true });
    expect(nextQuestion(la(), full)).toBeUndefined();
    expect(describeAnswers(la(), full).map((l) => [l.title, l.value])).toContainEqual(['Other professionals to invite', 'None']);
  });

  it('answers none of the questions of the other kind', () => {
    const family = FAMILY_QUESTIONS.map((q) => q.id);
    const laIds = LA_QUESTIONS.map((q) => q.id);
    expect(new Set([...family, ...laIds]).size).toBe(family.length + laIds.length);
    expect(questionById('family.advocate')?.answered({ kind: 'la', fullAuthority: true })).toBe(false);
  });

  it('knows who prepares with the bot, and says so for anyone else', () => {
    const c = prepCase({}, [
      ['la_officer', OFFICER],
      ['health_icb', ICB],
      ['parent_carer', PARENT],
      ['school', SCHOOL],
    ]);
    expect(preparationKindFor('la_officer')).toBe('la');
    expect(preparationKindFor('health_icb')).toBe('la');
    expect(preparationKindFor('young_person')).toBe('family');
    expect(ok(preparationSubject(c, partyIdOf(c, ICB)))).toMatchObject({ kind: 'la', context: { role: 'health_icb', caseType: 'M-CONTENT' } });
    expect(preparationSubject(c, partyIdOf(c, SCHOOL))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/mediator will talk it through/) });
    expect(preparationSubject(c, 'nobody')).toMatchObject({ code: 'not_found' });
  });
});
