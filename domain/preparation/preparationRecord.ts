import { z } from 'zod';
import { CaseError } from '../cases/caseError';
import {
  FamilyAnswersSchema,
  LaAnswersSchema,
  PreparationAnswersSchema,
  normaliseFamily,
  normaliseLa,
  type PreparationAnswers,
  type PreparationPatch,
} from './answers';
import { emptyAnswers, preparationProgress } from './preparationQuestions';
import type { PreparationSubject } from './subject';

export const PREPARATION_STATUSES = ['in_progress', 'complete'] as const;
export type PreparationStatus = (typeof PREPARATION_STATUSES)[number];

/**
 * One party's preparation in one case: the source of truth for their answers. Dialog state
 * only says where a conversation is; this record says what has been answered, so losing
 * dialog state (a restart, a cancelled dialog) never loses an answer.
 */
export const PreparationRecordSchema = z.object({
  caseId: z.string().min(1),
  partyId: z.string().min(1),
  answers: PreparationAnswersSchema,
  /** Worked out from the answers when saved; the board works it out again from the case. */
  status: z.enum(PREPARATION_STATUSES),
  answered: z.number().int().min(0),
  total: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Who saved the latest answer: the party, or a mediator answering for them. */
  updatedBy: z.string().min(1),
  /** Incremented by every save; saves are conditional on it. */
  version: z.number().int().min(1),
});
export type PreparationRecord = z.infer<typeof PreparationRecordSchema>;

// Built once: zod constructs a new schema object on every .partial() call (seen in the benchmark's profile).
const LaPatchSchema = LaAnswersSchema.partial();
const FamilyPatchSchema = FamilyAnswersSchema.partial();

function merge(current: PreparationAnswers, patch: PreparationPatch): PreparationAnswers | CaseError {
  if (current.kind === 'la' && patch.kind === 'la') {
    const valid = LaPatchSchema.safeParse(patch.answers);
    if (!valid.success) return new CaseError('invalid_input', 'That answer could not be saved: it is not in the expected form.');
    const { kind: _kind, ...answers } = current;
    return { kind: 'la', ...normaliseLa({ ...answers, ...valid.data }) };
  }
  if (current.kind === 'family' && patch.kind === 'family') {
    const valid = FamilyPatchSchema.safeParse(patch.answers);
    if (!valid.success) return new CaseError('invalid_input', 'That answer could not be saved: it is not in the expected form.');
    const { kind: _kind, ...answers } = current;
    return { kind: 'family', ...normaliseFamily({ ...answers, ...valid.data }) };
  }
  return new CaseError('invalid_input', 'Those answers belong to a different set of preparation questions.');
}

function sameAnswers(a: PreparationAnswers, b: PreparationAnswers): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const ra = a as Readonly<Record<string, unknown>>;
  const rb = b as Readonly<Record<string, unknown>>;
  return [...keys].every((k) => ra[k] === rb[k]);
}

/**
 * Merges answers into a party's record (or starts one). Returns the same record when
 * nothing changes, so a repeated click or a redelivered message writes nothing.
 */
export function applyPreparationPatch(
  subject: PreparationSubject,
  current: PreparationRecord | null,
  patch: PreparationPatch,
  actor: string,
  now: Date,
): PreparationRecord | CaseError {
  if (patch.kind !== subject.kind) return new CaseError('invalid_input', 'Those answers belong to a different set of preparation questions.');
  if (current && (current.caseId !== subject.caseId || current.partyId !== subject.partyId)) {
    return new CaseError('invalid_input', 'Those answers belong to someone else.');
  }
  const before = current?.answers ?? emptyAnswers(subject.kind);
  const answers = merge(before, patch);
  if (answers instanceof CaseError) return answers;
  if (current && sameAnswers(before, answers)) return current;
  const progress = preparationProgress(subject.context, answers);
  const at = now.toISOString();
  return {
    caseId: subject.caseId,
    partyId: subject.partyId,
    answers,
    status: progress.complete ? 'complete' : 'in_progress',
    answered: progress.answered,
    total: progress.total,
    createdAt: current?.createdAt ?? at,
    updatedAt: at,
    updatedBy: actor,
    version: (current?.version ?? 0) + 1,
  };
}
