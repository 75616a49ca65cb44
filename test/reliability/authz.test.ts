import { ALL_COMMAND_NAMES, ALL_VERBS, commandsOf, isRegistered, uncovered, verbsOf } from './helpers/coverage';
import { journeyBot, journeySteps, type Step } from './helpers/journey';
import { describeCalls, Observer, textsOf } from './helpers/observer';
import { PEOPLE, ROLES, type Role } from './helpers/people';

/**
 * The authorisation matrix. Walking the journey, just before each restricted step is done by
 * someone allowed, everyone else tries it with the very same data at the very same moment: the
 * other mediator, the parties, a party of another case, the mediator of another case and a
 * stranger. Each is refused and nothing is written or sent; then the allowed person does it and
 * it works, which proves the refusals were about who asked, not about a broken request.
 */
jest.setTimeout(30_000);

/**
 * Verbs and commands with no `allowed` list on purpose: anyone who can reach them may use them.
 * Everything else the product knows must be restricted by a journey step, or this suite fails
 * naming it.
 */
const OPEN_TO_ANYONE: Readonly<Record<string, string>> = {
  'dates.calculate': 'the date calculator reads no case data and writes nothing',
  dates: 'shows the date calculator',
  help: 'lists commands',
  'case.create': 'any team member may open a case unless MEDIATOR_ALLOWLIST is set (test/bot/cases.test.ts covers the allow-list); the opener becomes its lead mediator',
  'new case': 'posts the blank new-case form; see case.create',
  'prep.cancel': "stops the caller's own preparation dialog (dialog state is per person); it carries no case write",
  'my cases': "lists the caller's own cases",
  join: 'redeems a one-time code (codes are single-use, hashed and rate-limited: test/domain/invites.test.ts)',
  status: 'shows the case card already posted in the channel thread to whoever can read that thread',
  'add change': "in a 1:1 chat it offers the form for the caller's own case; the writes behind it are changes.save (restricted)",
  changes: "in a 1:1 chat it shows the caller's own case; the cards behind it are changes.summary/review (restricted)",
};

/** How the product words a refusal (domain CaseError 'not_allowed' messages and the commands' notices). */
const REFUSAL = /not allowed|\bonly\b[^.|]*\b(mediators?|family|officer)\b|not a mediator|you are part of|no case found|cannot|can't|isn't available|not available/i;

/** People who are neither a mediator nor a party of case A. */
const OUTSIDERS: readonly Role[] = ['otherMediator', 'otherParent', 'stranger'];

const ALL_STEPS = journeySteps();
const steps = ALL_STEPS.filter(isRegistered);
const restricted = (s: Step) => s.allowed !== undefined;

describe('every restricted verb and command is in the matrix', () => {
  it('every card verb is restricted by a step or listed as open to anyone', () => {
    const missing = uncovered(ALL_VERBS, verbsOf(ALL_STEPS.filter(restricted)), OPEN_TO_ANYONE);
    expect({ verbsWithoutAnAuthorisationCheck: missing }).toEqual({ verbsWithoutAnAuthorisationCheck: [] });
  });
  it('every command is restricted by a step or listed as open to anyone', () => {
    const missing = uncovered(ALL_COMMAND_NAMES, commandsOf(ALL_STEPS.filter(restricted)), OPEN_TO_ANYONE);
    expect({ commandsWithoutAnAuthorisationCheck: missing }).toEqual({ commandsWithoutAnAuthorisationCheck: [] });
  });
});

describe('refused to everyone not allowed, with nothing written', () => {
  const bot = journeyBot();

  it.each(steps.map((s) => [s.label, s] as const))('%s', async (_label, step: Step) => {
    const t = bot.t();
    const j = bot.j();
    const payload = await step.payload(j);
    const attackers: Role[] = step.allowed ? ROLES.filter((r) => !step.allowed!.includes(r)) : [];
    const failures: string[] = [];
    for (const who of attackers) {
      const person = PEOPLE[who];
      const a = j.activityFor(payload, step.where, person, step.where === 'thread' ? 'form-A' : 'card-1');
      const mark = await Observer.mark(t);
      const res = await j.post(a);
      const seen = await mark.since();
      const here = j.conversationId(step.where, person);
      const problems: string[] = [];
      if (seen.writes.length > 0) problems.push(`wrote ${seen.writes.join(', ')}`);
      if (seen.audited.length > 0) problems.push(`logged ${seen.audited.length} audit entries for a refused request`);
      // Refused: a 403, or an answer that says so (the preparation dialog and the typed commands answer in the
      // caller's own chat); and nothing sent anywhere else, no card edited, no chat opened.
      const texts = 'verb' in payload ? textsOf(res.body) : textsOf(seen.calls.map((c) => c.body));
      if ('verb' in payload && res.status !== 403 && !(res.status === 200 && REFUSAL.test(texts))) problems.push(`answered ${res.status}: ${texts}`);
      if (!('verb' in payload) && !REFUSAL.test(texts)) problems.push(`did not say it was refused: ${texts}`);
      // Someone outside case A learns nothing from the refusal: no name, no case reference.
      if (OUTSIDERS.includes(who)) {
        const c = j.ids.caseId ? await j.caseA() : undefined;
        const secrets = c ? [c.caseReference, ...c.parties.map((p) => p.displayName), ...c.mediators.map((m) => m.displayName)] : [];
        const leaked = secrets.filter((x) => texts.includes(x));
        if (leaked.length > 0) problems.push(`refusal named ${leaked.join(', ')}`);
      }
      const elsewhere = seen.calls.filter((c) => !(c.method === 'POST' && c.conversationId === here && c.path.endsWith(`/activities/${String(a.id)}`)));
      if (elsewhere.length > 0) problems.push(`sent ${describeCalls(elsewhere).join(', ')}`);
      if (problems.length > 0) failures.push(`${who}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
    // The control: the allowed person, same data, same moment, succeeds.
    await j.run(step);
  });
});
