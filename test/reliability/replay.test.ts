import { startTestBot, type TestBot } from '../helpers/testBot';
import { ALL_COMMAND_NAMES, ALL_VERBS, commandsOf, isRegistered, uncovered, verbsOf } from './helpers/coverage';
import { Journey, journeyBot, journeySteps, openOtherCase, type Response, type Step } from './helpers/journey';
import { describeCalls, Observer } from './helpers/observer';
import { JOURNEY_ENV, PEOPLE } from './helpers/people';
import { storeShape, storeSnapshot } from './helpers/storeSnapshot';

/**
 * Teams re-delivers activities (slow answers, network retries). Every kind of activity the product
 * handles is delivered once, then again, then twice more at the same time, all with the same
 * activity id: the first delivery has its effect, the others change nothing in the store, send
 * nothing, and get the first delivery's answer. Then the whole journey is run again on a second bot
 * with every activity delivered three times at once (a retry while the first is still running):
 * it must end with the same store and send as many messages as the journey delivered once.
 */
jest.setTimeout(20_000);

const ALL_STEPS = journeySteps();
const steps = ALL_STEPS.filter(isRegistered);

describe('every verb and command the product knows is replayed', () => {
  it('covers every card verb (cards/verbs.ts, bot/registry.ts)', () => {
    const missing = uncovered(ALL_VERBS, verbsOf(ALL_STEPS));
    expect({ verbsWithoutAReplayStep: missing }).toEqual({ verbsWithoutAReplayStep: [] });
  });
  it('covers every command (bot/commandCatalog.ts, bot/registry.ts)', () => {
    const missing = uncovered(ALL_COMMAND_NAMES, commandsOf(ALL_STEPS));
    expect({ commandsWithoutAReplayStep: missing }).toEqual({ commandsWithoutAReplayStep: [] });
  });
  it('runs every step: each verb and command of a step has a handler in bot/registry.ts', () => {
    const notRun = ALL_STEPS.filter((s) => !isRegistered(s)).map((s) => s.label);
    expect({ stepsWithoutAHandler: notRun }).toEqual({ stepsWithoutAHandler: [] });
  });
});

/** What the first bot ended with, for the in-flight comparison below. */
let once: { shape: ReturnType<typeof storeShape>; posts: number } | undefined;

/** Buttons whose work is sending messages to people (issue 15 §4). */
const SENDING_BUTTONS: readonly string[] = ['terms.send', 'prep.start', 'meeting.readBack'];

describe('replayed deliveries have exactly one effect', () => {
  let t: TestBot;
  let j: Journey;
  beforeAll(async () => {
    t = await startTestBot(JOURNEY_ENV);
    j = new Journey(t);
    await openOtherCase(j);
  });
  afterAll(async () => {
    if (t) {
      await t.bot.app.deps.background.idle();
      once = { shape: storeShape(await storeSnapshot(t.config.dataDir)), posts: t.connector.calls.filter((c) => c.method === 'POST').length };
    }
    await t?.stop();
  });

  const answer = (r: Response) => ({ status: r.status, body: r.body });

  it.each(steps.map((s) => [s.label, s] as const))('%s', async (_label, step: Step) => {
    const payload = await step.payload(j);
    const replyTo = step.where === 'thread' ? 'form-A' : 'card-1';
    const a = j.activityFor(payload, step.where, PEOPLE[step.as], replyTo);

    const beforeFirst = await Observer.mark(t);
    const first = await j.post(a);
    expect(first.status).toBe(200);
    await step.after?.(j, first);
    const firstEffect = await beforeFirst.since();
    // The first delivery did what the step is for, so the checks below cannot pass vacuously.
    if (step.effect === 'writes') expect(firstEffect.writes).not.toEqual([]);
    if (step.effect === 'sends') expect(firstEffect.calls.length).toBeGreaterThan(0);
    if (step.effect === 'reads') {
      expect(firstEffect.writes).toEqual([]);
      expect(first.body).toMatchObject({ statusCode: 200 });
    }

    const beforeReplays = await Observer.mark(t);
    const second = await j.post(a);
    expect(answer(second)).toEqual(answer(first));
    const [third, fourth] = await Promise.all([j.post(a), j.post(a)]);
    for (const r of [third!, fourth!]) expect(answer(r)).toEqual(answer(first));
    const replays = await beforeReplays.since();
    expect({ writes: replays.writes, audited: replays.audited, sent: describeCalls(replays.calls) }).toEqual({ writes: [], audited: [], sent: [] });

    // A double click or a click on an old copy of the card: the same action under a new activity id.
    // De-duplication by id cannot help here; the handler itself must see the work is done. Typed
    // commands are left out: typing a command again is a new request.
    if ('verb' in payload && SENDING_BUTTONS.includes(payload.verb)) {
      // A button that sends messages, clicked again with a new activity id: nothing more is sent, the current card comes back.
      const beforeClick = await Observer.mark(t);
      const again = await j.post(j.activityFor(payload, step.where, PEOPLE[step.as], replyTo));
      const clicks = await beforeClick.since();
      expect(again.body).toMatchObject({ statusCode: 200 });
      expect({ writes: clicks.writes, audited: clicks.audited, sent: describeCalls(clicks.calls.filter((c) => c.method === 'POST')) }).toEqual({ writes: [], audited: [], sent: [] });
    }
    if (step.effect === 'writes' && 'verb' in payload) {
      const beforeClick = await Observer.mark(t);
      await j.post(j.activityFor(payload, step.where, PEOPLE[step.as], replyTo));
      await Promise.all([j.post(j.activityFor(payload, step.where, PEOPLE[step.as], replyTo)), j.post(j.activityFor(payload, step.where, PEOPLE[step.as], replyTo))]);
      const clicks = await beforeClick.since();
      // Refreshing a card in place (PUT) is fine; a second record or a second message is not.
      const posted = clicks.calls.filter((c) => c.method === 'POST');
      expect({ writes: clicks.writes, audited: clicks.audited, sent: describeCalls(posted) }).toEqual({ writes: [], audited: [], sent: [] });
    }
  });
});

describe('deliveries that arrive while the first is still running have no effect of their own', () => {
  const bot = journeyBot();

  it('the journey with every activity delivered three times at once ends as it does delivered once', async () => {
    const t = bot.t();
    const j = bot.j();
    for (const step of steps) {
      const a = j.activityFor(await step.payload(j), step.where, PEOPLE[step.as], step.where === 'thread' ? 'form-A' : 'card-1');
      const answers = await Promise.all([t.post(a), t.post(a), t.post(a)]);
      await t.bot.app.deps.background.idle();
      // The copies that waited get the first delivery's answer.
      for (const r of answers) expect({ step: step.label, status: r.status, body: r.body }).toEqual({ step: step.label, status: answers[0]!.status, body: answers[0]!.body });
      expect({ step: step.label, status: answers[0]!.status }).toEqual({ step: step.label, status: 200 });
      await step.after?.(j, answers[0]!);
    }
    // Comparable only when the first journey ran to its end.
    expect(once).toBeDefined();
    expect(storeShape(await storeSnapshot(t.config.dataDir))).toEqual(once!.shape);
    expect(t.connector.calls.filter((c) => c.method === 'POST').length).toBe(once!.posts);
  }, 60_000);
});
