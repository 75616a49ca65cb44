import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * What a running bot has loaded once it is ready, checked in a fresh process (jest's own module
 * registry would hide it): every part the server wires up, and none of the packages it does not
 * need at rest.
 */
function modulesLoadedByTheServer(...then: string[]): string[] {
  const script = `
    require('./bot/server');
    ${then.map((m) => `require(${JSON.stringify(m)});`).join('\n')}
    console.log(JSON.stringify(Object.keys(require.cache)));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

it('loads the dialogs and botbuilder-dialogs with the first turn that needs them, not at start-up', () => {
  const loaded = modulesLoadedByTheServer();
  expect(loaded.filter((f) => f.includes(`${path.sep}dialogs${path.sep}`) && !f.endsWith('Port.ts') && !f.endsWith('cardReply.ts'))).toEqual([]);
  expect(loaded.some((f) => f.includes(`${path.sep}botbuilder-dialogs${path.sep}`))).toBe(false);
});

it('loads the dialogs without botbuilder-dialogs\' choice recognisers or the Recognizers-Text number suite (about 4 MB, 40 ms)', () => {
  // What PreparationDialogs loads on first use.
  const loaded = modulesLoadedByTheServer('./dialogs/botbuilderDialogs', './dialogs/family/familyPreparationDialog', './dialogs/laPreparationDialog');
  expect(loaded.some((f) => f.endsWith(path.join('dialogs', 'questionPrompt.ts')))).toBe(true);
  expect(loaded.filter((f) => f.includes('recognizers-text') || f.includes(path.join('botbuilder-dialogs', 'lib', 'choices')))).toEqual([]);
});

/** Packages a start on the embedded store does not load, and when they do load. */
const LOADED_LATER: readonly (readonly [string, string])[] = [
  ['mongodb', 'only with MONGODB_URI'],
  ['jose', 'with the first tab request'],
  ['date-holidays', 'only for a year beyond its table'],
  ['ical-generator', 'with the first calendar invitation served'],
  ['timezones-ical-library', 'with the first calendar invitation served'],
];

describe('packages a start does not load', () => {
  let loaded: string[];
  beforeAll(() => {
    loaded = modulesLoadedByTheServer();
  });
  it.each(LOADED_LATER)('%s (loaded %s)', (name) => {
    expect(loaded.filter((f) => f.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`))).toEqual([]);
  });
});
