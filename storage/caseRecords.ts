import type { DocCollection, Filter } from './collection';

/**
 * Every collection that holds a case's records, and how its documents name the case: the one
 * list the purge deletes from and the export reads from. A collection added without an entry
 * here is caught by test/retention/purge.test.ts (it looks for the case id in every store file).
 */
export interface CaseScopedCollection {
  readonly name: string;
  readonly docs: DocCollection<{ _id: string }>;
  /** The field holding the case id (`_id` for the case itself and its outcome record). */
  readonly field: '_id' | 'caseId';
  /** Documents of the case this collection keeps (the audit log keeps the tombstone). */
  readonly keep?: Filter;
}

export type RecordCounts = Readonly<Record<string, number>>;

export class CaseRecords {
  constructor(private readonly collections: readonly CaseScopedCollection[]) {}

  get names(): string[] {
    return this.collections.map((c) => c.name);
  }

  private filter(c: CaseScopedCollection, caseId: string): Filter {
    return { [c.field]: caseId, ...(c.keep ?? {}) };
  }

  /** How many documents of the case each collection holds (what a purge would delete). */
  async count(caseId: string): Promise<RecordCounts> {
    const out: Record<string, number> = {};
    for (const c of this.collections) out[c.name] = await c.docs.count(this.filter(c, caseId));
    return out;
  }

  /** Every document of the case, per collection, as stored (for an export). */
  async read(caseId: string): Promise<Readonly<Record<string, unknown[]>>> {
    const out: Record<string, unknown[]> = {};
    for (const c of this.collections) out[c.name] = await c.docs.find({ [c.field]: caseId }, { sort: { _id: 1 } });
    return out;
  }

  /**
   * Deletes the case's documents, the case itself last: a purge cut short leaves the case in
   * place, so the next run finds it and finishes the work.
   */
  async remove(caseId: string): Promise<RecordCounts> {
    const out: Record<string, number> = {};
    const ordered = [...this.collections].sort((a, b) => Number(a.name === 'cases') - Number(b.name === 'cases'));
    for (const c of ordered) out[c.name] = await c.docs.deleteMany(this.filter(c, caseId));
    return out;
  }
}
