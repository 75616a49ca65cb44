/**
 * The documentation stays true: the README fits on a screen, every relative link in it and in
 * docs/ (and every docs/… reference in a code comment) resolves, anchors included, and
 * docs/rules.md lists every timescale rule with its source and examples the engine agrees with.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { computeRule, RULE_LIST } from '../domain/timescales';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    return statSync(path.join(ROOT, rel)).isDirectory() ? filesUnder(rel, ext) : ext.test(name) ? [rel] : [];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  for (const m of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = (m[1] ?? '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[`*]/g, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Relative link targets of a Markdown file: [text](target) and ![alt](target), outside code blocks. */
function linksOf(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? '').filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

function problemWith(fromFile: string, target: string): string | undefined {
  const [file, anchor] = target.split('#') as [string, string | undefined];
  const resolved = file === '' ? fromFile : path.normalize(path.join(path.dirname(fromFile), decodeURI(file)));
  if (!existsSync(path.join(ROOT, resolved))) return `${fromFile}: ${target} (no such file)`;
  if (anchor && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(anchor)) return `${fromFile}: ${target} (no such heading)`;
  return undefined;
}

describe('README', () => {
  it('fits on a screen or two: under 200 lines', () => {
    expect(read('README.md').split('\n').length).toBeLessThan(200);
  });

  it('cites no file outside the repository', () => {
    const code = ['bot', 'cards', 'delivery', 'dialogs', 'domain', 'manifest', 'scripts', 'storage', 'tab'].flatMap((dir) => filesUnder(dir, /\.(ts|md|json)$/));
    const citing = ['README.md', '.env.example', ...filesUnder('docs', /\.md$/), ...code].filter((file) => /domain\.md|engineering\.md/.test(read(file)));
    expect(citing).toEqual([]);
  });
});

describe('links', () => {
  const markdown = ['README.md', ...filesUnder('docs', /\.md$/)];

  it.each(markdown)('every relative link in %s resolves, anchors included', (file) => {
    const links = linksOf(read(file));
    expect(links.map((t) => problemWith(file, t)).filter(Boolean)).toEqual([]);
  });

  it('every docs/… reference in a code comment names a file and heading that exist', () => {
    const code = ['bot', 'cards', 'delivery', 'dialogs', 'domain', 'manifest', 'scripts', 'tab', 'test']
      .flatMap((d) => filesUnder(d, /\.ts$/))
      .filter((file) => file !== path.join('test', 'docs.test.ts'));
    const problems: string[] = [];
    for (const file of code) {
      for (const m of read(file).matchAll(/\bdocs\/([\w/.-]+\.md)(#[a-z0-9_-]+)?((?:, #[a-z0-9_-]+)*)/g)) {
        const anchors = [m[2], ...(m[3] ?? '').split(', ')].filter((a): a is string => !!a && a.startsWith('#')).map((a) => a.slice(1));
        const target = `docs/${m[1]}`;
        if (!existsSync(path.join(ROOT, target))) problems.push(`${file}: ${target}`);
        else for (const a of anchors) if (!anchorsOf(read(target)).has(a)) problems.push(`${file}: ${target}#${a}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the checker is live: a missing file and a missing heading are reported', () => {
    expect(problemWith('README.md', 'docs/no-such.md')).toMatch(/no such file/);
    expect(problemWith('README.md', 'docs/rules.md#no-such-heading')).toMatch(/no such heading/);
    expect(problemWith('README.md', 'docs/rules.md#timescale-rules')).toBeUndefined();
    expect(anchorsOf('## CERT_CANNOT_ARRANGE (T6(b))\n## Disagreement resolution (DRS)')).toEqual(new Set(['cert_cannot_arrange-t6b', 'disagreement-resolution-drs']));
  });
});

describe('docs/rules.md', () => {
  const rules = read('docs/rules.md');

  it.each(RULE_LIST.map((r) => [r.id, r] as const))('describes %s with its T-number and legal source', (id, rule) => {
    expect(rules).toContain(`### ${id} (${rule.tNumber})`);
    const row = rules.split('\n').find((line) => line.startsWith(`| ${id} | ${rule.tNumber} |`));
    expect(row).toContain(`| ${rule.source} | ${rule.confidence} |`);
    expect(rules).toMatch(new RegExp(`Example: \`timescale -- ${id} `));
  });

  it('every example gives the date the engine computes', () => {
    const examples = [...rules.matchAll(/`timescale -- (\w+) (\d{4}-\d{2}-\d{2})(?: (\d{4}-\d{2}-\d{2}))?` → due \*\*(\d{4}-\d{2}-\d{2})\*\*(?:[^\n]*?last working day\s+(\d{4}-\d{2}-\d{2}))?(?:, ideal (\d{4}-\d{2}-\d{2}))?/g)];
    expect(examples.length).toBe(RULE_LIST.length);
    for (const [, id, from, second, due, lastWorkingDay, ideal] of examples) {
      const result = computeRule(id ?? '', from ?? '', second);
      expect({ id, due: result.due }).toEqual({ id, due });
      if (lastWorkingDay) expect({ id, lastWorkingDay: result.lastWorkingDay }).toEqual({ id, lastWorkingDay });
      if (ideal) expect({ id, ideal: 'ideal' in result ? result.ideal : undefined }).toEqual({ id, ideal });
    }
  });
});
