import { z } from 'zod';
import { ALTERNATIVE_BASES } from './alternativePerson';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../cases/partyRoles';

/**
 * One party's agreement to one version of the terms (docs/rules.md#terms-of-engagement). Stored once per
 * (case, party, version): a double click or a redelivered invoke finds the first record.
 */
export const AcknowledgementSchema = z.object({
  caseId: z.string().min(1),
  partyId: z.string().min(1),
  role: z.enum(PARTICIPANT_ROLES as [ParticipantRole, ...ParticipantRole[]]),
  termsVersion: z.string().min(1),
  at: z.iso.datetime(),
  /** The Teams user who clicked: the party, or the mediator recording for them. */
  by: z.string().min(1),
  /** For parties who cannot use the card (guest users, docs/architecture.md#parties-who-cannot-use-cards). */
  recordedByMediator: z.object({ mediatorAadObjectId: z.string().min(1), reason: z.string().min(1).max(300) }).optional(),
  authority: z.enum(['full', 'limited']).optional(),
  /**
   * Who speaks for a young person: themselves, someone with their written permission, or,
   * when they lack capacity, an alternative person (reg 64) with the basis they act on.
   */
  youngPersonVoice: z
    .object({ mode: z.enum(['self', 'named', 'alternative']), name: z.string().min(1).max(80).optional(), basis: z.enum(ALTERNATIVE_BASES).optional() })
    .optional(),
  advocateGuidance: z.literal(true).optional(),
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

export function acknowledgementKey(caseId: string, partyId: string, termsVersion: string): string {
  return `${caseId}|${partyId}|${termsVersion}`;
}
