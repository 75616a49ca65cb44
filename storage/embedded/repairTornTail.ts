import fs from 'node:fs/promises';

/**
 * NeDB appends one JSON line per write. A crash mid-append leaves a last line
 * without its newline; NeDB would count it as corruption and, in a small file,
 * refuse to load the whole store. Only that case is safe to repair: the torn
 * write was never acknowledged to anyone. Any other corruption still stops the
 * load (corruptAlertThreshold 0), because silently dropping data is worse.
 */
export async function repairTornTail(filename: string): Promise<{ repaired: boolean; droppedBytes: number }> {
  let content: Buffer;
  try {
    content = await fs.readFile(filename);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { repaired: false, droppedBytes: 0 };
    throw err;
  }
  if (content.length === 0 || content[content.length - 1] === 0x0a) return { repaired: false, droppedBytes: 0 };
  const lastNewline = content.lastIndexOf(0x0a);
  const keep = lastNewline + 1;
  await fs.truncate(filename, keep);
  return { repaired: true, droppedBytes: content.length - keep };
}
