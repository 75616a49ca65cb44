import fs from 'node:fs';
import { promisify } from 'node:util';

const fdatasync = promisify(fs.fdatasync);

/**
 * Durability without blocking the event loop. SQLite's synchronous=FULL in WAL mode is
 * synchronous=NORMAL plus one fsync of the WAL file after each commit (sqlite.org/pragma.html
 * #pragma_synchronous). better-sqlite3 would run that fsync on the event loop, stalling every
 * other request for about a millisecond per write; here the store commits with NORMAL and then
 * awaits this fsync of the WAL on libuv's thread pool before it reports the write as done.
 * Writes that arrive while one fsync runs share the next one (group commit), so under load
 * many acknowledged writes cost one fsync.
 */
export class WalSync {
  private inFlight: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  private fd: number | undefined;

  constructor(
    private readonly walFile: string,
    /** Tests replace the fsync to watch the grouping. */
    private readonly fsync: (file: string) => Promise<void> = (file) => this.datasync(file),
  ) {}

  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void> {
    if (!this.inFlight) {
      this.inFlight = this.fsync(this.walFile).finally(() => {
        this.inFlight = undefined;
      });
      return this.inFlight;
    }
    // The fsync under way may have started before this caller's commit: wait for the one after it.
    this.next ??= this.inFlight.then(
      () => this.startNext(),
      () => this.startNext(),
    );
    return this.next;
  }

  /** After the last write: the descriptor kept for the fsyncs is closed. */
  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private startNext(): Promise<void> {
    this.next = undefined;
    return this.sync();
  }

  /**
   * One descriptor for the store's life: SQLite keeps the WAL file (the same inode) while any
   * connection is open, and ours is. Opening it per fsync cost more main-thread time than the
   * fsync's own bookkeeping. If it fails (the file was replaced), it is reopened once.
   */
  private async datasync(file: string): Promise<void> {
    this.fd ??= fs.openSync(file, 'r+');
    try {
      await fdatasync(this.fd);
    } catch {
      this.close();
      this.fd = fs.openSync(file, 'r+');
      await fdatasync(this.fd);
    }
  }
}
