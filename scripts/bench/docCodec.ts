/**
 * `npx tsx scripts/bench/docCodec.ts [cases]`: what the SQLite store's document format costs
 * per document. Seeds a realistic store (seed.ts), reads every stored document's text, and times
 * decodeDoc and encodeDoc on them against plain JSON.parse and JSON.stringify of the same
 * documents, which no format with dates can beat. Median of five rounds, µs per document.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decodeDoc, encodeDoc } from '../../storage/sqlite/docCodec';
import { SQLITE_FILE } from '../../storage/sqlite/fileCheck';
import { seedRealisticStore } from './seed';

function usPerDoc(n: number, run: () => void): number {
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    run();
    rounds.push(Number(process.hrtime.bigint() - start) / 1000 / n);
  }
  return rounds.sort((a, b) => a - b)[2]!;
}

async function main(): Promise<void> {
  const cases = Number(process.argv[2] ?? 300);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-doc-codec-'));
  try {
    await seedRealisticStore(dir, 'http://127.0.0.1:1', cases);
    const db = new Database(path.join(dir, SQLITE_FILE), { readonly: true });
    const tables = (db.prepare(`SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'doc')`).all() as { name: string }[]).map((t) => t.name);
    const texts = tables.flatMap((t) => (db.prepare(`SELECT doc FROM "${t}"`).all() as { doc: string }[]).map((r) => r.doc));
    db.close();
    const docs = texts.map((t) => decodeDoc<object>(t));
    const bytes = texts.reduce((n, t) => n + t.length, 0);
    console.log(`${texts.length} documents from ${tables.length} collections, ${Math.round(bytes / texts.length)} characters on average`);
    // Every result is added to `sink` and printed if zero, so V8 cannot leave any of the work out.
    let sink = 0;
    const row = (label: string, ours: () => void, plain: () => void): void => {
      const a = usPerDoc(texts.length, ours);
      const b = usPerDoc(texts.length, plain);
      console.log(`${label}: ${a.toFixed(2)} µs per document (plain JSON ${b.toFixed(2)} µs, ×${(a / b).toFixed(2)})`);
    };
    for (let warm = 0; warm < 3; warm++) for (const t of texts) sink += encodeDoc(decodeDoc<object>(t)).length;
    row('decodeDoc', () => texts.forEach((t) => void decodeDoc(t)), () => texts.forEach((t) => void JSON.parse(t)));
    row('encodeDoc', () => docs.forEach((d) => (sink += encodeDoc(d).length)), () => docs.forEach((d) => (sink += JSON.stringify(d).length)));
    if (sink === 0) console.log('');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
