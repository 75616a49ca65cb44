/**
 * The embedded store's file cannot be used: damaged, another program's, or unreadable.
 * Start-up stops with this (naming the file) rather than opening an empty store, which
 * would look to every user as if their cases had gone.
 */
export class StoreFileError extends Error {
  override readonly name = 'StoreFileError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
