import { DatePollSchema, type DatePoll } from '../domain/poll';
import type { DocCollection, IndexSpec } from './collection';
import { parseStored } from './corruptDocument';
import { updateOptimistically } from './optimistic';

/** One poll per case at a time (the case id is the key); a new poll replaces a closed one. */
export interface DatePollDoc extends DatePoll {
  _id: string;
}

export const DATE_POLLS_COLLECTION = 'date_polls';
export const datePollIndexes: readonly IndexSpec[] = [];

const MAX_ATTEMPTS = 30;

function fromDoc(doc: DatePollDoc): DatePoll {
  return parseStored(DatePollSchema, DATE_POLLS_COLLECTION, String(doc._id), doc);
}

export type PollUpdateResult =
  | { readonly status: 'updated' | 'unchanged'; readonly poll: DatePoll }
  | { readonly status: 'rejected'; readonly error: Error; readonly poll: DatePoll }
  | { readonly status: 'not_found' | 'conflict' };

export class PollStore {
  constructor(private readonly docs: DocCollection<DatePollDoc>) {}

  async get(caseId: string): Promise<DatePoll | null> {
    const doc = await this.docs.findById(caseId);
    return doc ? fromDoc(doc) : null;
  }

  /** Starts a poll; 'open_exists' when one is still open (one at a time per case). */
  async start(poll: DatePoll): Promise<'created' | 'open_exists'> {
    const doc: DatePollDoc = { ...DatePollSchema.parse(poll), _id: poll.caseId };
    if (await this.docs.insertOne(doc)) return 'created';
    const current = await this.get(poll.caseId);
    if (current?.status === 'open') return 'open_exists';
    // A closed poll is replaced; a racing start that wins first makes this one an 'open_exists'.
    const replaced = current ? await this.docs.replaceOne({ _id: poll.caseId, version: current.version }, { ...doc, version: current.version + 1 }) : 0;
    return replaced === 1 ? 'created' : 'open_exists';
  }

  async update(caseId: string, mutate: (p: DatePoll) => DatePoll | Error): Promise<PollUpdateResult> {
    const r = await updateOptimistically<DatePoll>({
      attempts: MAX_ATTEMPTS,
      read: () => this.get(caseId),
      mutate,
      identityProblem: (next, current) => (next.caseId !== current.caseId || next.pollId !== current.pollId ? 'A poll update cannot change its identity.' : undefined),
      finish: (next, current) => DatePollSchema.parse({ ...next, version: current.version + 1 }),
      write: async (next, current) => (await this.docs.replaceOne({ _id: caseId, version: current.version }, { ...next, _id: caseId })) === 1,
    });
    switch (r.status) {
      case 'not_found':
      case 'conflict':
        return r;
      case 'rejected':
        return { status: 'rejected', error: r.error, poll: r.value };
      default:
        return { status: r.status, poll: r.value };
    }
  }
}
