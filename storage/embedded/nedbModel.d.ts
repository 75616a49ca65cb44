/** The one NeDB internal the embedded backend reuses: its line format (Dates as {$$date}). */
declare module '@seald-io/nedb/lib/model' {
  export function serialize(doc: unknown): string;
}
