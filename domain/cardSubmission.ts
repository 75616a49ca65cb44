import { z } from 'zod';

// Built once: building a zod schema costs more than checking a value with it, and this runs on
// every card click (scripts/bench: a per-call schema was about 2% of a terms click's CPU).
const SubmissionSchema = z.record(z.string(), z.unknown());

/**
 * The values an Adaptive Card's Action.Submit carries, by input id. Anything that is not an
 * object of values reads as nothing submitted; each caller then checks the fields it expects.
 */
export function cardSubmission(input: unknown): Readonly<Record<string, unknown>> {
  const parsed = SubmissionSchema.safeParse(input);
  return parsed.success ? parsed.data : {};
}
