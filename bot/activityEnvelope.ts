import { z } from 'zod';

/**
 * The minimum an inbound activity must have before it reaches botbuilder. Anything
 * else is a 400 with a short reason: botbuilder's own parser throws outside its
 * error handling on some malformed bodies.
 */
const account = z.looseObject({
  id: z.string().min(1).max(512),
  // Authorisation and replies read these; a wrong type used to throw inside the turn (found by test/reliability/fuzz.test.ts).
  aadObjectId: z.string().max(100).optional(),
  name: z.string().max(512).optional(),
});

export const ActivityEnvelopeSchema = z
  .looseObject({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    conversation: z.looseObject({
      id: z.string().min(1).max(512),
      conversationType: z.string().max(64).optional(),
      tenantId: z.string().max(100).optional(),
      isGroup: z.boolean().optional(),
    }),
    from: account,
    // Every reply is addressed from it; Teams always sends it.
    recipient: account,
    text: z.string().max(28_000).optional(),
    name: z.string().max(256).optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
    // Mention stripping reads entity.type and mentioned.id of every entity.
    entities: z.array(z.looseObject({ type: z.string().min(1).max(64), mentioned: account.optional() })).max(100).optional(),
  })
  .superRefine((a, ctx) => {
    a.entities?.forEach((e, i) => {
      if (e.type.toLowerCase() === 'mention' && !e.mentioned) ctx.addIssue({ code: 'custom', path: ['entities', i, 'mentioned'], message: 'a mention needs mentioned' });
    });
    if (a.type === 'invoke' && !a.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'an invoke needs a name' });
    // botbuilder reads value.action.type of a card click before any handler can refuse it.
    if (a.type !== 'invoke' || a.name !== 'adaptiveCard/action') return;
    const value = (a as { value?: unknown }).value;
    const action = value && typeof value === 'object' && !Array.isArray(value) ? (value as { action?: unknown }).action : undefined;
    if (!action || typeof action !== 'object' || Array.isArray(action)) {
      ctx.addIssue({ code: 'custom', path: ['value', 'action'], message: 'a card action needs value.action' });
    }
  });
export type ActivityEnvelope = z.infer<typeof ActivityEnvelopeSchema>;
