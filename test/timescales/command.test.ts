import { spawn } from 'node:child_process';
import path from 'node:path';
import { runTimescaleCommand } from '../../domain/timescales';
import { WORKED_EXAMPLES } from './workedExamples';

const ROOT = path.resolve(__dirname, '../..');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runScript(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // Killed before beforeAll's own limit, so a hung script cannot outlive the run.
    const child = spawn('npx', ['tsx', 'scripts/timescale.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 100_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('scripts/timescale.ts (spawned)', () => {
  // Spawned in parallel: each one starts tsx, which is the slow part.
  let runs: Map<string, Run>;
  const cases: Record<string, { args: string[]; env?: NodeJS.ProcessEnv }> = {
    ...Object.fromEntries(WORKED_EXAMPLES.map((e) => [e.id, { args: [e.rule, ...e.dates] }])),
    requested: { args: ['REQUESTED_CHANGES', '2026-05-14'] },
    farTimeZone: { args: ['CERT_AFTER_MEDIATION', '2026-12-24'], env: { TZ: 'Pacific/Kiritimati' } },
    help: { args: ['--help'] },
    unknown: { args: ['NOT_A_RULE', '2026-01-01'] },
    badDate: { args: ['CERT_AFTER_MEDIATION', '2026-02-30'] },
    missingDate: { args: ['APPEAL', '2025-10-01'] },
    extraDate: { args: ['CERT_AFTER_MEDIATION', '2026-12-24', '2026-12-25'] },
    outOfRange: { args: ['CERT_AFTER_MEDIATION', '2041-03-04'] },
  };

  beforeAll(async () => {
    const entries = await Promise.all(
      Object.entries(cases).map(async ([name, c]) => [name, await runScript(c.args, c.env)] as const),
    );
    runs = new Map(entries);
  }, 120_000);

  const get = (name: string): Run => {
    const run = runs.get(name);
    if (!run) throw new Error(`no run ${name}`);
    return run;
  };

  it.each(WORKED_EXAMPLES.map((e) => [e.id, e] as const))('%s prints exactly one JSON line', (id, example) => {
    const run = get(id);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const expected =
      example.dates.length === 2
        ? { rule: example.rule, from: example.dates[0], certificate: example.dates[1], due: example.due, lastWorkingDay: example.lastWorkingDay }
        : { rule: example.rule, from: example.dates[0], due: example.due, lastWorkingDay: example.lastWorkingDay };
    expect(lines[0]).toBe(JSON.stringify(expected));
  });

  it('prints the ideal date for REQUESTED_CHANGES', () => {
    expect(get('requested').stdout).toBe(
      '{"rule":"REQUESTED_CHANGES","from":"2026-05-14","due":"2026-05-11","lastWorkingDay":"2026-05-11","ideal":"2026-05-07"}\n',
    );
  });

  it('gives the same answer whatever the machine time zone', () => {
    expect(get('farTimeZone').stdout).toBe('{"rule":"CERT_AFTER_MEDIATION","from":"2026-12-24","due":"2026-12-31","lastWorkingDay":"2026-12-31"}\n');
  });

  it('lists every rule for --help and exits 0', () => {
    const run = get('help');
    expect(run.code).toBe(0);
    for (const id of ['ADVISER_CONTACT', 'CERT_AFTER_MEDIATION', 'REQUESTED_CHANGES', 'APPEAL', 'ICB_NOTIFY_LA']) {
      expect(run.stdout).toContain(id);
    }
  });

  it.each([
    ['unknown', /Unknown rule "NOT_A_RULE"/],
    ['badDate', /February 2026 has 28 days/],
    ['missingDate', /APPEAL takes two dates/],
    ['extraDate', /takes one date/],
    ['outOfRange', /outside the years/],
  ])('%s: message on stderr, exit code 2', (name, message) => {
    const run = get(name);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});

describe('runTimescaleCommand (in-process)', () => {
  it('handles the argument shapes', () => {
    expect(runTimescaleCommand([]).exitCode).toBe(2);
    expect(runTimescaleCommand(['APPEAL', '2025-10-01', '2025-11-28', '2025-12-01']).exitCode).toBe(2);
    expect(runTimescaleCommand(['-h']).exitCode).toBe(0);
    expect(runTimescaleCommand(['CERT_AFTER_MEDIATION']).stderr).toMatch(/takes one date/);
    expect(runTimescaleCommand(['APPEAL', '2025-10-01', '2025-11-28']).stdout).toBe(
      '{"rule":"APPEAL","from":"2025-10-01","certificate":"2025-11-28","due":"2026-01-02","lastWorkingDay":"2026-01-02"}\n',
    );
  });
});
