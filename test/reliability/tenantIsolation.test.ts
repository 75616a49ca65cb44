import { isRegistered } from './helpers/coverage';
import { journeyBot, journeySteps, type Step } from './helpers/journey';
import { describeCalls, Observer, textsOf } from './helpers/observer';
import { PEOPLE } from './helpers/people';

/**
 * Tenant isolation over HTTP. Walking the journey, just before each step that acts on the case,
 * the very person allowed to do it sends the very same activity, differing only in its tenant: it
 * is refused (403 for a card, a refusal for a command), nothing is written or logged, nothing is
 * sent elsewhere, and the refusal names nobody and not the case. Then the real step runs.
 */
jest.setTimeout(60_000);

const OTHER_TENANT = 'tenant-2';

/** Steps that act on case A: card verbs that carry its id, and commands typed in its thread or meeting chat. */
const onTheCase = (s: Step): boolean => s.allowed !== undefined && s.where !== 'personal' && s.where !== 'otherThread';
const caseCard = (s: Step): boolean => s.allowed !== undefined && 'verb' in s.covers;

function retenant(a: Record<string, unknown>): Record<string, unknown> {
  const conversation = { ...(a.conversation as Record<string, unknown>), tenantId: OTHER_TENANT };
  const channelData = { ...((a.channelData as Record<string, unknown> | undefined) ?? {}), tenant: { id: OTHER_TENANT } };
  return { ...a, conversation, channelData };
}

describe('a request from another tenant than its case is refused, with nothing written', () => {
  const bot = journeyBot();
  const steps = journeySteps().filter(isRegistered);
  it.each(steps.map((s) => [s.label, s] as const))('%s', async (_label, step: Step) => {
    const t = bot.t();
    const j = bot.j();
    if (j.ids.caseId && (caseCard(step) || onTheCase(step))) {
      const payload = await step.payload(j);
      const a = retenant(j.activityFor(payload, step.where, PEOPLE[step.as], step.where === 'thread' ? 'form-A' : 'card-1'));
      const mark = await Observer.mark(t);
      const res = await j.post(a);
      const seen = await mark.since();
      const body = textsOf('verb' in payload ? res.body : seen.calls.map((c) => c.body));
      if ('verb' in payload) expect(res.body).toMatchObject({ statusCode: 403 });
      // A command finds no case of its tenant here, or is told it can't be used: either way it learns nothing.
      else expect(body).toMatch(/can't use|no case|not found|not a mediator/i);
      expect({ writes: seen.writes, audited: seen.audited }).toEqual({ writes: [], audited: [] });
      const here = j.conversationId(step.where, PEOPLE[step.as]);
      const elsewhere = seen.calls.filter((c) => !(c.method === 'POST' && c.conversationId === here && c.path.endsWith(`/activities/${String(a.id)}`)));
      expect(describeCalls(elsewhere)).toEqual([]);
      const c = await j.caseA();
      const names = [c.caseReference, ...c.parties.map((p) => p.displayName), ...c.mediators.map((m) => m.displayName)];
      expect(names.filter((n) => body.includes(n))).toEqual([]);
    }
    await j.run(step);
  });
});
