import { createHash } from 'node:crypto';
import { ActionProgressSchema, dueInForce, FeedbackAnswerSchema, type ActionProgress, type FeedbackAnswer } from '../domain/followUp';
import type { ActionProgressFact, FeedbackFact } from '../domain/service/facts';
import type { DocCollection, IndexSpec } from './collection';
import { parseEach, parseStored, type OnCorruptDocument } from './corruptDocument';
import { updateOptimistically } from './optimistic';

/**
 * After the meeting (docs/after-the-meeting.md): how each agreed action is followed through,
 * and the parties' feedback. Feedback is two collections on purpose: the answers carry no
 * person and no case (only the case type, the role and the date), and a separate record of
 * who has answered, which the purge and the export of a case cover, refuses a second answer.
 */
export interface ActionProgressDoc extends ActionProgress {
  /** caseId:actionId */
  _id: string;
}

export interface FeedbackAnswerDoc extends FeedbackAnswer {
  /** Random: no order or key that leads back to the person or the case. */
  _id: string;
}

export interface FeedbackGivenDoc {
  /** SHA-256 of caseId and the person's Entra object id: the marker itself names nobody. */
  _id: string;
  caseId: string;
}

export const ACTION_PROGRESS_COLLECTION = 'action_progress';
export const FEEDBACK_ANSWERS_COLLECTION = 'feedback_answers';
export const FEEDBACK_GIVEN_COLLECTION = 'feedback_given';

export const actionProgressIndexes: readonly IndexSpec[] = [{ field: 'caseId' }];
export const feedbackAnswerIndexes: readonly IndexSpec[] = [{ fields: ['tenantId', 'givenOn'] }, { field: 'givenOn' }];
export const feedbackGivenIndexes: readonly IndexSpec[] = [{ field: 'caseId' }];

const MAX_ATTEMPTS = 30;

export function progressKey(caseId: string, actionId: string): string {
  return `${caseId}:${actionId}`;
}

function givenKey(caseId: string, aadObjectId: string): string {
  return createHash('sha256').update(`${caseId}\u0000${aadObjectId.toLowerCase()}`).digest('hex');
}

export type ProgressUpdateResult =
  | { readonly status: 'updated' | 'unchanged'; readonly progress: ActionProgress }
  | { readonly status: 'rejected'; readonly error: Error; readonly progress: ActionProgress }
  | { readonly status: 'not_found' | 'conflict' };

export class FollowUpStore {
  constructor(
    private readonly progress: DocCollection<ActionProgressDoc>,
    private readonly answers: DocCollection<FeedbackAnswerDoc>,
    private readonly given: DocCollection<FeedbackGivenDoc>,
    private readonly onCorrupt: OnCorruptDocument = () => {},
  ) {}

  private fromDoc = (doc: ActionProgressDoc): ActionProgress => {
    const { _id, ...rest } = doc;
    return parseStored(ActionProgressSchema, ACTION_PROGRESS_COLLECTION, String(_id), rest);
  };

  async get(caseId: string, actionId: string): Promise<ActionProgress | null> {
    const doc = await this.progress.findById(progressKey(caseId, actionId));
    return doc ? this.fromDoc(doc) : null;
  }

  /** Starts following an action; false when it was already followed (a re-published outcome). */
  async open(p: ActionProgress): Promise<boolean> {
    return this.progress.insertOne({ ...ActionProgressSchema.parse(p), _id: progressKey(p.caseId, p.actionId) });
  }

  async listForCase(caseId: string): Promise<ActionProgress[]> {
    return parseEach(await this.progress.find({ caseId }, { sort: { _id: 1 } }), this.fromDoc, this.onCorrupt);
  }

  async update(caseId: string, actionId: string, mutate: (p: ActionProgress) => ActionProgress | Error): Promise<ProgressUpdateResult> {
    const key = progressKey(caseId, actionId);
    const r = await updateOptimistically<ActionProgress>({
      attempts: MAX_ATTEMPTS,
      read: () => this.get(caseId, actionId),
      mutate,
      identityProblem: (next, current) => (next.caseId !== current.caseId || next.actionId !== current.actionId ? 'An action cannot change its identity.' : undefined),
      finish: (next, current) => ActionProgressSchema.parse({ ...next, version: current.version + 1 }),
      write: async (next, current) => (await this.progress.replaceOne({ _id: key, version: current.version }, { ...next, _id: key })) === 1,
    });
    switch (r.status) {
      case 'not_found':
      case 'conflict':
        return r;
      case 'rejected':
        return { status: 'rejected', error: r.error, progress: r.value };
      default:
        return { status: r.status, progress: r.value };
    }
  }

  /** For the service view: each action of these cases with the date in force and when it was done. */
  async listActionProgress(caseIds: readonly string[]): Promise<ActionProgressFact[]> {
    if (caseIds.length === 0) return [];
    const docs = await this.progress.find({ caseId: { $in: [...caseIds] } }, { sort: { caseId: 1 } });
    return parseEach(docs, this.fromDoc, this.onCorrupt).map((p) => ({ caseId: p.caseId, actionId: p.actionId, dueDate: dueInForce(p), ...(p.doneOn ? { doneOn: p.doneOn } : {}) }));
  }

  async hasGivenFeedback(caseId: string, aadObjectId: string): Promise<boolean> {
    return (await this.given.findById(givenKey(caseId, aadObjectId))) !== null;
  }

  /**
   * Stores one answer per person and case. The marker is written first: a crash in between
   * loses an answer rather than counting one twice. 'already' for a second answer.
   */
  async giveFeedback(caseId: string, aadObjectId: string, answer: FeedbackAnswer, answerId: string): Promise<'stored' | 'already'> {
    const parsed = FeedbackAnswerSchema.parse(answer);
    if (!(await this.given.insertOne({ _id: givenKey(caseId, aadObjectId), caseId }))) return 'already';
    await this.answers.insertOne({ ...parsed, tenantId: parsed.tenantId.toLowerCase(), _id: answerId });
    return 'stored';
  }

  /** Every answer given between two dates (YYYY-MM-DD, inclusive), comments included. */
  async listFeedbackAnswers(tenantId: string, from: string, to: string): Promise<FeedbackAnswer[]> {
    const docs = await this.answers.find({ tenantId: tenantId.toLowerCase(), givenOn: { $gte: from, $lte: to } }, { sort: { givenOn: 1 } });
    return parseEach(docs, ({ _id, ...rest }) => parseStored(FeedbackAnswerSchema, FEEDBACK_ANSWERS_COLLECTION, String(_id), rest), this.onCorrupt);
  }

  /** Removes answers given before this date (YYYY-MM-DD): feedback is kept as long as case records are. */
  async removeFeedbackBefore(date: string): Promise<number> {
    return this.answers.deleteMany({ givenOn: { $lt: date } });
  }

  /** For the service view: the answers without their comments. */
  async listFeedback(tenantId: string, from: string, to: string): Promise<FeedbackFact[]> {
    return (await this.listFeedbackAnswers(tenantId, from, to)).map(({ comment: _comment, tenantId: _tenant, ...fact }) => fact);
  }
}
