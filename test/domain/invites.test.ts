import {
  CODE_LENGTH,
  CROCKFORD,
  createInvite,
  generateInviteCode,
  hashInviteCode,
  normaliseInviteCode,
  redeemInvite,
  type AttemptLimiter,
  type Invite,
  type InvitePort,
} from '../../domain/invites';
import { NOW, seqRandom } from './caseFixtures';

/** In-memory ports with the same contract as the stores (the stores are tested in test/storage). */
function fakePorts(invites: Invite[]) {
  const attempts: { id: string; key: string; at: number }[] = [];
  let seq = 0;
  const port: InvitePort = {
    find: async (h) => invites.find((i) => i.codeHash === h) ?? null,
    claim: async (h, by, now) => {
      const i = invites.findIndex((x) => x.codeHash === h && x.usedAt === undefined && x.expiresAt > now);
      const found = invites[i];
      if (!found) return false;
      invites[i] = { ...found, usedAt: now, usedBy: by };
      return true;
    },
  };
  const limiter: AttemptLimiter = {
    acquire: async (key, limit, windowMs, now) => {
      const id = String(++seq);
      attempts.push({ id, key, at: now.getTime() });
      const n = attempts.filter((a) => a.key === key && a.at > now.getTime() - windowMs).length;
      if (n <= limit) return { allowed: true, attemptId: id };
      attempts.splice(attempts.findIndex((a) => a.id === id), 1);
      return { allowed: false, attemptId: id };
    },
    forgive: async (id) => {
      const i = attempts.findIndex((a) => a.id === id);
      if (i >= 0) attempts.splice(i, 1);
    },
  };
  return { ports: { invites: port, limiter }, attempts };
}

describe('invitation codes', () => {
  it('are 16 Crockford base32 characters (80 bits) in groups of four', () => {
    const code = generateInviteCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(CROCKFORD).toHaveLength(32);
    expect(CODE_LENGTH * 5).toBeGreaterThanOrEqual(80);
    const many = new Set(Array.from({ length: 500 }, () => generateInviteCode()));
    expect(many.size).toBe(500);
  });

  it('encode every bit of the random bytes', () => {
    expect(generateInviteCode(() => new Uint8Array(10))).toBe('0000-0000-0000-0000');
    expect(generateInviteCode(() => new Uint8Array(10).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  });

  it('are read regardless of case, spaces and dashes, and the confusable letters', () => {
    expect(normaliseInviteCode(' abcd efgh-jkmn-pqrs ')).toBe('ABCDEFGHJKMNPQRS');
    expect(normaliseInviteCode('O0IL-0000-0000-0000')).toBe('0011000000000000');
    expect(normaliseInviteCode('ABCD-EFGH-JKMN-PQR')).toBeUndefined();
    expect(normaliseInviteCode('ABCD-EFGH-JKMN-PQRU')).toBeUndefined();
    expect(hashInviteCode('ABCDEFGHJKMNPQRS')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are stored only as a hash, with a 14-day expiry', () => {
    const { code, invite } = createInvite('case-1', 'parent_carer', NOW, 'aad-lead', seqRandom());
    expect(JSON.stringify(invite)).not.toContain(code.replace(/-/g, ''));
    expect(invite.codeHash).toBe(hashInviteCode(normaliseInviteCode(code) ?? ''));
    expect(invite.expiresAt.toISOString()).toBe('2026-12-15T10:00:00.000Z');
  });
});

describe('redeemInvite', () => {
  it('joins once; a repeat by the same person joins again; anyone else is told it was used', async () => {
    const { code, invite } = createInvite('case-1', 'la_officer', NOW, 'aad-lead');
    const { ports } = fakePorts([invite]);
    expect(await redeemInvite(ports, code, 'u1', NOW)).toMatchObject({ outcome: 'joined', caseId: 'case-1', role: 'la_officer', message: expect.stringMatching(/Local authority officer/) });
    expect((await redeemInvite(ports, code.toLowerCase(), 'U1', NOW)).outcome).toBe('joined');
    expect(await redeemInvite(ports, code, 'u2', NOW)).toMatchObject({ outcome: 'used', message: expect.stringMatching(/already been used/) });
  });

  it('says when a code expired, with the date in Europe/London', async () => {
    const { code, invite } = createInvite('case-1', 'school', new Date('2026-06-01T23:30:00Z'), 'aad-lead');
    const { ports } = fakePorts([invite]);
    const r = await redeemInvite(ports, code, 'u1', new Date('2026-07-01T00:00:00Z'));
    expect(r).toMatchObject({ outcome: 'expired', message: expect.stringContaining('Tue 16 Jun 2026 at 00:30') });
  });

  it('counts only unknown codes towards the limit of 5 per 15 minutes', async () => {
    const { code, invite } = createInvite('case-1', 'school', NOW, 'aad-lead');
    const { ports, attempts } = fakePorts([invite]);
    for (let i = 0; i < 5; i++) expect((await redeemInvite(ports, `WRONG-${i}`, 'g', NOW)).outcome).toBe('unknown');
    expect(await redeemInvite(ports, code, 'g', NOW)).toMatchObject({ outcome: 'rate_limited', message: expect.stringMatching(/wait 15 minutes/) });
    expect(attempts).toHaveLength(5);
    expect((await redeemInvite(ports, code, 'g', new Date(NOW.getTime() + 15 * 60 * 1000 + 1))).outcome).toBe('joined');
    expect(attempts).toHaveLength(5);
  });
});
