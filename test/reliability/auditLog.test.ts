import { startTestBot, type TestBot } from '../helpers/testBot';
import { isRegistered } from './helpers/coverage';
import { Journey, journeySteps } from './helpers/journey';
import { JOURNEY_ENV, PEOPLE } from './helpers/people';
import type { AuditAction } from '../../domain/audit';

/**
 * The audit log over the real HTTP endpoint: walking the whole journey (every command and card
 * verb, as Teams delivers them), each change and each read of case data leaves its entry, with
 * who, what and where, and the `audit` card shows them in words.
 */
jest.setTimeout(60_000);

/** What each step must add to the log (at least these actions). Steps not listed must add nothing of their own. */
const EXPECTED: Readonly<Record<string, readonly AuditAction[]>> = {
  'case.create': ['case.created'],
  status: ['case.viewed'],
  'my cases': ['cases.listed'],
  edit: ['case.viewed'],
  'case.editForm': ['case.viewed'],
  'case.open': ['case.viewed'],
  'case.assignRoles': ['parties.assigned'],
  'case.edit': ['case.edited'],
  'invite advocate': ['invite.created'],
  'join with the code': ['party.joined'],
  'send terms': ['terms.sent'],
  'terms.send': ['terms.sent'],
  'terms.agree by the parent': ['terms.agreed'],
  'terms.agree recorded by a mediator for the officer': ['terms.recorded'],
  'start preparation': ['prep.started'],
  'prep (board, in the thread)': ['prep.viewed'],
  'prep.board': ['prep.viewed'],
  'a typed preparation answer': ['prep.answered'],
  'prep.answer': ['prep.answered'],
  'changes.save (first change)': ['changes.saved'],
  'send changes': ['changes.sent'],
  'changes.save (second change, by the parent)': ['changes.saved'],
  'changes.send': ['changes.sent'],
  changes: ['changes.viewed'],
  'changes.summary': ['changes.viewed'],
  'changes.review': ['changes.viewed'],
  'changes.position': ['changes.position'],
  link: ['meeting.chatLinked'],
  'meeting.start': ['meeting.started'],
  'meeting.tick': ['meeting.ticked'],
  'meeting.breakStart': ['meeting.breakStarted'],
  'meeting.breakEnd': ['meeting.breakEnded'],
  'action.save': ['action.saved'],
  'action.save (one to remove)': ['action.saved'],
  'action.remove': ['action.removed'],
  'change.result': ['change.result'],
  'meeting.close': ['meeting.closed', 'outcome.opened'],
  outcome: ['outcome.viewed'],
  'outcome.draft': ['outcome.viewed'],
  'outcome.publish': ['outcome.published', 'outcome.issued'],
  'outcome.view': ['outcome.viewed'],
  'outcome.content': ['outcome.content'],
  'outcome.correction': ['outcome.correction'],
  'outcome.revise': ['outcome.viewed'],
  'outcome.amendedPlan': ['outcome.amendedPlan'],
  'certificate.issue': ['certificate.issued'],
  reminders: ['reminders.viewed'],
  'reminders.list': ['reminders.viewed'],
  'reminder.done': ['reminder.done'],
  audit: ['audit.viewed'],
  'audit.page': ['audit.viewed'],
  actions: ['actions.viewed'],
  'progress.update': ['action.updated'],
  'progress.delay': ['action.delayProposed'],
  'progress.delayAgree': ['action.delayAgreed'],
  'progress.delay (a second one)': ['action.delayProposed'],
  'progress.delayDecline': ['action.delayDeclined'],
  // The only open action is done: the case is ready to close (docs/after-the-meeting.md). Feedback leaves no entry on purpose.
  'progress.done': ['action.done', 'case.followUpMoved'],
  export: ['export.created'],
  'export person': ['export.created'],
  'party.forget': ['party.forgotten'],
  'legal hold': ['case.held'],
  'case.end (withdraw)': ['case.withdrawn'],
  'case.end (close)': ['case.closed'],
  'case.endUndo': ['case.reopened'],
  'case.end (cancel)': ['case.cancelled'],
};

describe('the audit log over HTTP', () => {
  let t: TestBot;
  let j: Journey;
  const seen = new Map<string, { actions: string[]; by: string[]; via: string[] }>();
  beforeAll(async () => {
    t = await startTestBot(JOURNEY_ENV);
    j = new Journey(t);
    for (const step of journeySteps().filter(isRegistered)) {
      const before = j.ids.caseId ? await t.bot.store.auditLog.countForCase(j.ids.caseId) : 0;
      await j.run(step);
      const caseId = j.ids.caseId;
      if (!caseId) continue;
      const all = await t.bot.store.auditLog.listForCase(caseId);
      const added = all.slice(before);
      seen.set(step.label, { actions: added.map((e) => e.action), by: added.map((e) => e.by), via: added.map((e) => e.via) });
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each(Object.entries(EXPECTED))('%s leaves its entry', (label, actions) => {
    const got = seen.get(label);
    expect(got).toBeDefined();
    expect(got!.actions).toEqual(expect.arrayContaining([...actions]));
  });

  it('steps that neither change nor show case data add nothing', () => {
    // Blank forms, the roster picker and the date calculator show no stored case data.
    const quiet = [...seen.entries()].filter(([label, v]) => !(label in EXPECTED) && v.actions.length > 0);
    expect(quiet.map(([l, v]) => `${l}: ${v.actions.join(',')}`)).toEqual([]);
  });

  it('records who (their AAD id) and where (thread, 1:1 chat, meeting chat)', () => {
    expect(seen.get('outcome.view')).toMatchObject({ by: [PEOPLE.parent.aadObjectId], via: ['thread'] });
    expect(seen.get('changes.summary')).toMatchObject({ by: [PEOPLE.officer.aadObjectId], via: ['personal'] });
    expect(seen.get('meeting.tick')).toMatchObject({ by: [PEOPLE.co.aadObjectId], via: ['meeting_chat'] });
  });

  it('shows the log in words on the audit card, newest first, paged, and never holds a name', async () => {
    const res = await j.post(j.activityFor({ verb: 'audit.page', data: { caseId: j.id('caseId') } }, 'thread', PEOPLE.lead, 'form-A'));
    const body = JSON.stringify(res.body);
    expect(body).toContain(`**${PEOPLE.lead.name} (lead mediator)** viewed the audit log in the case thread, `);
    expect(body).toMatch(/Older entries/);
    const all = await t.bot.store.auditLog.listForCase(j.id('caseId'));
    const names = Object.values(PEOPLE).map((p) => p.name);
    expect(names.filter((n) => JSON.stringify(all).includes(n))).toEqual([]);
  });
});
