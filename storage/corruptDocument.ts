import type { z } from 'zod';

/**
 * A stored document that no longer has the shape the product writes (hand edits, a bad
 * migration, a torn restore). Raised at the storage edge, with the collection, id and the
 * first problems, so it is logged as what it is rather than surfacing later as a crash
 * inside a card builder.
 */
export class CorruptDocumentError extends Error {
  override readonly name = 'CorruptDocumentError';
  constructor(
    readonly collection: string,
    readonly documentId: string,
    readonly problems: string,
  ) {
    super(`Stored ${collection} document "${documentId}" is not valid: ${problems}`);
  }
}

export type OnCorruptDocument = (error: CorruptDocumentError) => void;

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export function parseStored<T>(schema: z.ZodType<T>, collection: string, id: string, doc: unknown): T {
  const parsed = schema.safeParse(doc);
  if (!parsed.success) throw new CorruptDocumentError(collection, id, describeIssues(parsed.error));
  return parsed.data;
}

/** Parses each stored document; a corrupt one is reported and left out, so one bad document does not hide the rest. */
export function parseEach<D, T>(docs: readonly D[], parse: (doc: D) => T, onCorrupt: OnCorruptDocument): T[] {
  const out: T[] = [];
  for (const doc of docs) {
    try {
      out.push(parse(doc));
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
      onCorrupt(error);
    }
  }
  return out;
}
