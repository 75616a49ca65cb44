import { activity } from '../../test/helpers/testBot';

/** Simulated Teams people and the conversations they write in, shaped as test/helpers/testBot.ts shapes them. */

export interface Person {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export const TENANT_ID = 'tenant-1';
export const TEAM_ID = '19:team@thread.tacv2';
export const CHANNEL_ID = '19:cases@thread.tacv2';
export const BOT_ID = '28:bot';

const FIRST = ['Sam', 'Priya', 'Alex', 'Jordan', 'Chris', 'Taylor', 'Morgan', 'Jamie', 'Robin', 'Casey', 'Ali', 'Lee'];
const LAST = ['Jones', 'Shah', 'Patel', 'Smith', 'Brown', 'Khan', 'Evans', 'Wilson', 'Taylor', 'Davies', 'Hughes', 'Green'];

/** A distinct person per (kind, n): kind is a hex digit so the AAD id stays GUID-shaped. */
export function person(kind: string, n: number): Person {
  const hex = n.toString(16).padStart(12, '0');
  return {
    id: `29:${kind}-${n}`,
    aadObjectId: `b0000000-0000-0000-${kind.padStart(4, '0')}-${hex}`,
    name: `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`,
  };
}

export const KIND = { mediator: 'a', parent: 'b', officer: 'c', advocate: 'd', school: 'e', youngPerson: 'f', helpUser: '9' } as const;

export function threadOf(n: number, prefix: string): { conversationId: string; rootActivityId: string } {
  const rootActivityId = `${prefix}-root-${n}`;
  return { conversationId: `${CHANNEL_ID};messageid=${rootActivityId}`, rootActivityId };
}

/** A 1:1 activity from `as`: testBot.activity('personal', …) (the shape the bot tests use), sent via `serviceUrl`. */
export function personalActivity(as: Person, serviceUrl: string, fields: Record<string, unknown>): Record<string, unknown> {
  return activity('personal', { serviceUrl, ...fields }, as);
}

export function cardInvoke(as: Person, serviceUrl: string, verb: string, data: Record<string, unknown>, replyToId: string): Record<string, unknown> {
  return personalActivity(as, serviceUrl, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data } },
  });
}
