/**
 * The last schema-checked copy of recently read documents, keyed by id and stamped with the
 * stored version. Checking a 2-4 KB case against its schema is the largest single cost of reading
 * it; a click reads the same version several times (the tenant check, the handler, the case-card
 * edit), and every write of a case bumps its version, so an equal stamp means equal content, in
 * this process or another sharing the store. The row is still read each time: only the check is
 * saved. Values are deep-frozen, so a caller cannot change the copy the next caller gets.
 */
export class ParsedCache<T> {
  private readonly entries = new Map<string, { readonly stamp: string; readonly value: T }>();

  constructor(private readonly capacity: number) {}

  /** The cached value when its stamp matches the stored document's; otherwise parses, caches and returns it. */
  get(id: string, stamp: string, parse: () => T): T {
    const hit = this.entries.get(id);
    if (hit && hit.stamp === stamp) {
      // Most recently used last, so the first key is the one to evict.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.value;
    }
    const value = deepFreeze(parse());
    this.put(id, stamp, value);
    return value;
  }

  /** A value just written (already schema-checked), so the next read of that version is a hit. */
  put(id: string, stamp: string, value: T): void {
    this.entries.delete(id);
    this.entries.set(id, { stamp, value: deepFreeze(value) });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
