import fs, { type FileHandle } from 'node:fs/promises';
import type Datastore from '@seald-io/nedb';
import { serialize } from '@seald-io/nedb/lib/model';

/** The two NeDB persistence methods that touch the data file during normal running. */
interface NedbPersistence {
  persistNewStateAsync(newDocs: readonly unknown[]): Promise<void>;
  persistCachedDatabaseAsync(): Promise<void>;
}

const FILE_MODE = 0o644;

/**
 * NeDB appends every write with fs.appendFile: open, write, close, three trips to the libuv
 * thread pool and about 0.1 ms of main-thread work each time, which made file I/O the largest
 * single cost of a turn (scripts/bench). This keeps one append-mode handle per data file
 * instead. The bytes written are the same lines NeDB writes (its own serializer; we set no
 * afterSerialization hook), so loading, torn-tail repair and compaction are unchanged.
 *
 * Compaction rewrites the file and renames it over the old one, so the handle is closed
 * before it and reopened on the next append (NeDB's executor runs both one at a time per
 * data file, so no append can slip in between). Durability is what appendFile gave: the
 * data is handed to the kernel before the write resolves, with no fsync either way.
 *
 * At shutdown, stopKeepingOpen() is called before the final compaction: that compaction closes
 * the handle in NeDB's queue, after every write queued before it, and any write that still
 * arrives later goes through a one-off appendFile as NeDB's own would. So closing the store
 * leaves no handle open and loses no late write.
 */
export class KeptOpenAppend {
  private handle: FileHandle | undefined;
  private opening: Promise<FileHandle> | undefined;
  private keepOpen = true;

  private constructor(private readonly filename: string) {}

  /** Routes one loaded datastore's appends through a kept-open handle. */
  static install(db: Datastore<{ _id: string }>, filename: string): KeptOpenAppend {
    const appender = new KeptOpenAppend(filename);
    const persistence = (db as unknown as { persistence: NedbPersistence }).persistence;
    const compact = persistence.persistCachedDatabaseAsync.bind(persistence);
    persistence.persistNewStateAsync = async (newDocs) => {
      let lines = '';
      for (const doc of newDocs) lines += `${serialize(doc)}\n`;
      if (lines.length > 0) await appender.append(lines);
    };
    persistence.persistCachedDatabaseAsync = async () => {
      await appender.release();
      await compact();
    };
    return appender;
  }

  private async append(lines: string): Promise<void> {
    if (!this.keepOpen) {
      await fs.appendFile(this.filename, lines, { encoding: 'utf8', mode: FILE_MODE });
      return;
    }
    const handle = this.handle ?? (await this.open());
    try {
      await handle.appendFile(lines, 'utf8');
    } catch (err) {
      // A failed write leaves the handle in doubt: reopen on the next append.
      await this.release().catch(() => undefined);
      throw err;
    }
  }

  private async open(): Promise<FileHandle> {
    this.opening ??= fs.open(this.filename, 'a', FILE_MODE).then(
      (h) => {
        this.handle = h;
        this.opening = undefined;
        return h;
      },
      (err: unknown) => {
        this.opening = undefined;
        throw err;
      },
    );
    return this.opening;
  }

  /** From now on every append opens and closes the file; the next compaction closes the kept handle. */
  stopKeepingOpen(): void {
    this.keepOpen = false;
  }

  /** Closes the handle (before compaction); the next append reopens it unless stopKeepingOpen() was called. */
  async release(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    await h?.close();
  }
}
