import { card } from '../../cards/adaptive';
import { sendToOwners } from '../../bot/followUp/followUpCards';
import type { CardDeps } from '../../bot/cases/caseCards';
import type { BotDeps } from '../../bot/deps';
import { addParty, isCaseError, type Case, type CaseError } from '../../domain/cases';
import type { AgreedAction } from '../../domain/meeting';
import { LEAD, NOW, OFFICER, makeCase } from '../domain/caseFixtures';

function ok<T>(r: T | CaseError): T {
  if (isCaseError(r)) throw r;
  return r;
}

/** Where an agreed action's card goes: its owners' 1:1 chats, or the thread when nobody in the case owns it. */
describe('the owner card of an agreed action', () => {
  const THREAD = '19:cases@thread.tacv2';
  let c: Case;
  const sent: string[] = [];
  const deps = {
    now: () => NOW,
    log: { warn: () => undefined, info: () => undefined },
    proactive: {
      send: async (conversationId: string) => {
        sent.push(`thread ${conversationId}`);
        return 'activity-1';
      },
      sendToPerson: async (person: { aadObjectId?: string }) => {
        sent.push(`1:1 ${person.aadObjectId ?? ''}`);
        return 'activity-2';
      },
    },
  } as unknown as CardDeps & Pick<BotDeps, 'log' | 'now'>;
  const anyCard = () => card([]);
  const action = (owner: AgreedAction['owner']) => ({ owner }) as AgreedAction;

  beforeEach(() => {
    sent.length = 0;
    c = { ...ok(addParty(makeCase(), { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW)), thread: { conversationId: THREAD, rootActivityId: 'root-1' } };
  });

  it("goes to the owner's 1:1 chat", async () => {
    await sendToOwners(c, action({ kind: 'body', body: 'local_authority' }), deps, 'An agreed action', anyCard);
    expect(sent).toEqual([`1:1 ${OFFICER.aadObjectId}`]);
  });

  it('goes to the case thread for an owner outside the case, where the mediators act for them', async () => {
    await sendToOwners(c, action({ kind: 'other', name: 'Dr Patel, educational psychologist' }), deps, 'An agreed action', anyCard);
    expect(sent).toEqual([`thread ${THREAD}`]);
  });
});
