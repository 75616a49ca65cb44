import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { addParty, anchorThread, createCase, type Case, type NewCaseInput, type ParticipantRole } from '../../domain/cases';
import type { AppStore } from '../../storage/appStore';

export interface Person {
  readonly aadObjectId: string;
  readonly name: string;
}

/** The playground's mock users (.m365agentsplayground.yml): local mode accepts only them. */
export const PG = {
  maya: { aadObjectId: '5e4d0000-0000-4000-e000-000000000001', name: 'Maya Patel (Mediator)' },
  tom: { aadObjectId: '5e4d0000-0000-4000-e000-000000000002', name: 'Tom Okafor (Mediator)' },
  sam: { aadObjectId: '5e4d0000-0000-4000-e000-000000000003', name: 'Sam Jones (Parent)' },
  priya: { aadObjectId: '5e4d0000-0000-4000-e000-000000000004', name: 'Priya Shah (LA officer)' },
  jordan: { aadObjectId: '5e4d0000-0000-4000-e000-000000000005', name: 'Jordan Reid (Advocate)' },
} as const satisfies Record<string, Person>;

export interface CaseSpec {
  readonly reference: string;
  readonly mediator: Person;
  readonly parties?: readonly (readonly [Person, ParticipantRole])[];
  readonly caseType?: NewCaseInput['caseType'];
  readonly dates?: NewCaseInput['dates'];
  readonly createdAt: Date;
  /** `tenant|team`; the tenant of the tokens (TENANT) unless a test says otherwise. */
  readonly providerKey?: string;
  readonly thread?: string;
}

/** A case as the bot stores it, built with the domain's own functions and written to the store. */
export async function storeCase(store: AppStore, spec: CaseSpec): Promise<Case> {
  let c = createCase(
    {
      caseReference: spec.reference,
      caseType: spec.caseType ?? 'M-CONTENT',
      childInitials: 'JS',
      isYoungPerson: false,
      localAuthority: 'Northshire County Council',
      dates: spec.dates ?? { laInformed: '2026-11-16', meetingDate: '2026-12-10', meetingTime: '10:00' },
      meetingFormat: 'online',
    },
    { aadObjectId: spec.mediator.aadObjectId, displayName: spec.mediator.name },
    spec.providerKey ?? `${TENANT}|19:team@thread.tacv2`,
    spec.createdAt,
  );
  for (const [person, role] of spec.parties ?? []) {
    const next = addParty(c, { role, displayName: person.name, aadObjectId: person.aadObjectId, how: 'roster' }, spec.mediator.aadObjectId, spec.createdAt);
    if (next instanceof Error) throw next;
    c = next;
  }
  if (spec.thread) c = anchorThread(c, { conversationId: `19:cases@thread.tacv2;messageid=${spec.thread}`, rootActivityId: spec.thread });
  const result = await store.cases.create(c);
  if (result !== 'created') throw new Error(`case not stored: ${result}`);
  return c;
}

export const TENANT = '5e4d0000-0000-4000-8000-000000000001';
export const APP_ID = '11111111-2222-4333-8444-555555555555';

export interface KeyPair {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function keyPair(kid: string): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

export function signToken(claims: Record<string, unknown>, key: KeyPair, header: Record<string, unknown> = {}): string {
  const h = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })).toString('base64url');
  const p = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const sig = sign('RSA-SHA256', Buffer.from(`${h}.${p}`), key.privateKey).toString('base64url');
  return `${h}.${p}.${sig}`;
}

/** Claims of a good SSO token for `who`, valid for an hour from `now`. */
export function ssoClaims(who: Person, now: Date, over: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    aud: `api://bot.example.org/${APP_ID}`,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat,
    nbf: iat,
    exp: iat + 3600,
    oid: who.aadObjectId,
    tid: TENANT,
    name: who.name,
    ...over,
  };
}

/** A JWKS endpoint on loopback, standing in for login.microsoftonline.com (no network in tests). */
export async function startJwksServer(keys: readonly KeyPair[]): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const body = JSON.stringify({
    keys: keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig', alg: 'RS256' })),
  });
  const server = http.createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
