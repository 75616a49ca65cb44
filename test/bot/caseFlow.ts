import { activity, mention, startTestBot, USERS, type TestBot } from '../helpers/testBot';
import { caseFormData } from '../helpers/caseForm';

type Person = (typeof USERS)[keyof typeof USERS];

/** Helpers that drive the case journey over HTTP, as Teams would deliver it. */
export function caseFlow(t: TestBot, threadRoot = 'root-1') {
  const thread = `19:cases@thread.tacv2;messageid=${threadRoot}`;
  const inThread = (fields: Record<string, unknown>, as: Person = USERS.mediator) =>
    activity('channel', { ...fields, conversation: { id: thread, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true } }, as);
  const personal = (fields: Record<string, unknown>, as: Person) => activity('personal', fields, as);
  const invoke = (verb: string, data: Record<string, unknown>, base: Record<string, unknown>) => ({
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  });
  return {
    thread,
    say: (text: string, as: Person = USERS.mediator) => t.post(inThread(mention(text), as)),
    sayPersonal: (text: string, as: Person) => t.post(personal({ text }, as)),
    clickInThread: (verb: string, data: Record<string, unknown>, as: Person = USERS.mediator, replyToId = 'form-1') =>
      t.post(invoke(verb, data, inThread({ replyToId }, as))),
    clickPersonal: (verb: string, data: Record<string, unknown>, as: Person, replyToId = 'terms-card') =>
      t.post(invoke(verb, data, personal({ replyToId }, as))),
    /** Posts `new case` and submits a valid form; returns the stored case. */
    async openCase(reference = 'SM-2026-041') {
      await this.say('new case');
      const res = await this.clickInThread('case.create', caseFormData({ caseReference: reference }));
      if (res.status !== 200) throw new Error(`case.create answered ${res.status}`);
      await t.bot.app.deps.background.idle();
      const c = await t.bot.store.cases.findByThreadConversation(thread);
      if (!c) throw new Error('no case stored');
      return c;
    },
    /** Adds the parent and the LA officer from the roster; returns the stored case and their parties. */
    async addParentAndOfficer(caseId: string) {
      const res = await this.clickInThread('case.assignRoles', {
        caseId,
        page: 0,
        [`role_${USERS.parent.aadObjectId}`]: 'parent_carer',
        [`role_${USERS.officer.aadObjectId}`]: 'la_officer',
      });
      if (res.status !== 200) throw new Error(`case.assignRoles answered ${res.status}`);
      await t.bot.app.deps.background.idle();
      const c = await t.bot.store.cases.get(caseId);
      const party = (role: string) => c?.parties.find((p) => p.role === role);
      const parent = party('parent_carer');
      const officer = party('la_officer');
      if (!c || !parent || !officer) throw new Error('the parties were not added');
      return { c, parent, officer };
    },
  };
}

export const bodyText = (res: { body: unknown }): string => JSON.stringify(res.body);

/** A fresh bot (and fake connector) for each test of the file, on a fixed clock; read `.t` inside tests. */
export function perTestBot(now: string): { readonly t: TestBot } {
  const holder: { t: TestBot } = { t: undefined as unknown as TestBot };
  beforeEach(async () => {
    holder.t = await startTestBot({}, { now: () => new Date(now) });
    holder.t.connector.members = [USERS.mediator, USERS.parent, USERS.officer, USERS.stranger];
  });
  afterEach(async () => {
    await holder.t.stop();
  });
  return holder;
}
