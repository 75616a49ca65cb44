/**
 * `npx tsx scripts/bench/profileSummary.ts <file.cpuprofile> [top]`: where a V8 CPU profile's
 * time went, by package or project folder (self time) and by function (self and total).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}


function where(url: string): string {
  if (!url) return '(native/idle)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  // The project's own files, wherever the tree was checked out.
  const own = /\/((?:bot|storage|dialogs|domain|cards|delivery|scripts|test)\/.*)$/.exec(file);
  if (own) return own[1]!;
  if (file.startsWith(ROOT)) return path.relative(ROOT, file);
  return file.startsWith('node:') ? 'node:' + file.slice(5).split('/')[0] : file;
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profileSummary.ts <file.cpuprofile> [top]');
  const top = Number(topArg ?? 25);
  const skipMs = Number(process.env.SKIP_MS ?? 0);
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  // SKIP_MS drops the first milliseconds (start-up) from the summary.
  let clock = 0;
  p.samples.forEach((id, i) => {
    clock += p.timeDeltas[i] ?? 0;
    if (clock >= skipMs * 1000) selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs.entries()].filter(([id]) => ['(idle)', '(program)', '(garbage collector)'].includes(byId.get(id)!.callFrame.functionName));
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

  const byPlace = new Map<string, number>();
  const folder = (n: ProfileNode): string => {
    const w = where(n.callFrame.url);
    return /^(bot|storage|dialogs|domain|cards|delivery)\//.test(w) ? w.split('/')[0]! + '/' : w;
  };
  const selfByFn = new Map<string, number>();
  const totalByFn = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const special = ['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName);
    const place = special ? n.callFrame.functionName : folder(n);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    selfByFn.set(label(n), (selfByFn.get(label(n)) ?? 0) + us);
    // Total time: credit each distinct function on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      totalByFn.set(l, (totalByFn.get(l) ?? 0) + us);
    }
  }
  const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%`;
  console.log(`profile ${path.basename(file)}: ${(total / 1000).toFixed(0)} ms sampled (${idle.map(([id, us]) => `${byId.get(id)!.callFrame.functionName} ${(us / 1000).toFixed(0)} ms`).join(', ')})`);
  console.log('\nself time by package / folder:');
  for (const [k, v] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)}  ${k}`);
  console.log('\nself time by function:');
  for (const [k, v] of [...selfByFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)}  ${k}`);
  console.log('\ntotal time by function (project code only):');
  for (const [k, v] of [...totalByFn].filter(([k]) => /\s(bot|storage|dialogs|domain|cards|delivery)\//.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)}  ${k}`);
}

main();
