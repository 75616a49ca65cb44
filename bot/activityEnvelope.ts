import { z } from 'zod';

/**
 * The minimum an inbound activity must have before it reaches botbuilder. Anything
 * else is a 400 with a short reason: botbuilder's own parser throws outside its
 * error handling on some malformed bodies.
 */
export const ActivityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().url().max(2048),
  conversation: z.looseObject({ id: z.string().min(1).max(512) }),
  from: z.looseObject({ id: z.string().min(1).max(512) }),
  recipient: z.looseObject({ id: z.string().min(1).max(512) }).optional(),
  text: z.string().max(28_000).optional(),
  name: z.string().max(256).optional(),
});
export type ActivityEnvelope = z.infer<typeof ActivityEnvelopeSchema>;
