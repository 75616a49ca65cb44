/**
 * `npm run manifest`: rewrites manifest/manifest.json's generated parts (version, command menus,
 * tabs) from the code, keeping its `${{...}}` placeholders for the Agents Toolkit.
 * `npm run manifest -- --check` writes nothing and exits 1 when the committed file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { MANIFEST_PATH, generatedManifest, manifestText } from '../manifest/build';

const expected = manifestText(generatedManifest());
const current = readFileSync(MANIFEST_PATH, 'utf8');
if (process.argv.includes('--check')) {
  if (current !== expected) {
    console.error(`${MANIFEST_PATH} differs from the command catalog and tabs: run \`npm run manifest\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${MANIFEST_PATH} is up to date.`);
} else if (current === expected) {
  console.log(`${MANIFEST_PATH} is up to date.`);
} else {
  writeFileSync(MANIFEST_PATH, expected);
  console.log(`wrote ${MANIFEST_PATH}`);
}
