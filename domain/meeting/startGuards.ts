import { z } from 'zod';

/**
 * What should be true before a meeting starts (docs/rules.md#case-lifecycle, PREPARATION → MEETING). The
 * meeting model does not work these out: terms, authority and requested changes belong to
 * other features, which compute them and pass the answers in. The answers are stored with
 * the meeting, so the record shows what was known when the mediator chose to start.
 */
export const StartGuardsSchema = z.object({
  /** Every party has agreed the current version of the Terms of Engagement. */
  termsAgreed: z.boolean(),
  /** The LA officer (and any ICB representative) confirmed authority to settle, or flagged its limits. */
  authorityConfirmed: z.boolean(),
  /** Plan-content cases only: the LA has reviewed every requested change. Absent when there is nothing to review. */
  changesReviewed: z.boolean().optional(),
});
export type StartGuards = z.infer<typeof StartGuardsSchema>;

export const START_GUARD_IDS = ['termsAgreed', 'authorityConfirmed', 'changesReviewed'] as const;
export type StartGuardId = (typeof START_GUARD_IDS)[number];

/** How each guard reads when it holds, when it fails, and when it does not apply. */
export const START_GUARD_TEXT: Readonly<Record<StartGuardId, { readonly ok: string; readonly failed: string; readonly notNeeded?: string }>> = {
  termsAgreed: {
    ok: 'Everyone has agreed the current Terms of Engagement.',
    failed: 'Not everyone has agreed the current Terms of Engagement.',
  },
  authorityConfirmed: {
    ok: 'The local authority officer has confirmed their authority to settle.',
    failed: 'The local authority officer has not confirmed their authority to settle.',
  },
  changesReviewed: {
    ok: 'The local authority has reviewed the requested changes.',
    failed: 'The local authority has not reviewed every requested change.',
    notNeeded: 'No requested changes to review.',
  },
};

export type GuardStatus = 'ok' | 'failed' | 'not_needed';

export interface GuardLine {
  readonly id: StartGuardId;
  readonly status: GuardStatus;
  readonly text: string;
}

/** Every guard with its status and words, in a fixed order, for cards and the record. */
export function guardLines(guards: StartGuards): GuardLine[] {
  return START_GUARD_IDS.map((id) => {
    const value = guards[id];
    const words = START_GUARD_TEXT[id];
    if (value === undefined) return { id, status: 'not_needed', text: words.notNeeded ?? words.ok };
    return value ? { id, status: 'ok', text: words.ok } : { id, status: 'failed', text: words.failed };
  });
}

export function failingGuards(guards: StartGuards): StartGuardId[] {
  return guardLines(guards)
    .filter((g) => g.status === 'failed')
    .map((g) => g.id);
}
