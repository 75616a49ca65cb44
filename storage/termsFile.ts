import fs from 'node:fs/promises';
import path from 'node:path';
import { loadTerms, type Terms } from '../domain/terms';

/**
 * The default terms ship as Markdown beside the domain code. Run from source, that is
 * ../domain/terms; from the production bundle in dist/bot (scripts/build-bot.ts), which carries
 * no .md files, the file is read from the source tree one level further up.
 */
const DEFAULT_CANDIDATES = [
  path.join(__dirname, '..', 'domain', 'terms', 'defaultTerms.md'),
  path.join(__dirname, '..', '..', 'domain', 'terms', 'defaultTerms.md'),
];

/** Reads and versions the terms: a provider's own file when given, else the product default. */
export async function readTerms(file?: string): Promise<Terms> {
  const candidates = file ? [file] : DEFAULT_CANDIDATES;
  for (const candidate of candidates) {
    try {
      return loadTerms(await fs.readFile(candidate, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`Terms of Engagement file not found (looked in ${candidates.join(', ')})`);
}
