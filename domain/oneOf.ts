/**
 * A type guard for one of a fixed list of codes: card data, commands and stored records are
 * checked against the list before a code is trusted.
 */
export function isOneOf<T extends string>(values: readonly T[]): (value: unknown) => value is T {
  const known: ReadonlySet<string> = new Set(values);
  return (value: unknown): value is T => typeof value === 'string' && known.has(value);
}
