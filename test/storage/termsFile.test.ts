import fs from 'node:fs/promises';
import path from 'node:path';
import { readTerms } from '../../storage/termsFile';
import { makeTempDir, removeDir } from '../helpers/tempDir';

describe('readTerms', () => {
  it('reads and versions the default terms', async () => {
    const terms = await readTerms();
    expect(terms.headings).toContain('Without prejudice');
    expect(terms.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('reads a provider\'s own file, and says clearly when it is missing', async () => {
    const dir = await makeTempDir();
    try {
      const file = path.join(dir, 'terms.md');
      await fs.writeFile(file, '# Our terms\n\n## Courtesy\n\nBe kind.\n');
      expect((await readTerms(file)).title).toBe('Our terms');
      await expect(readTerms(path.join(dir, 'missing.md'))).rejects.toThrow(/not found/);
    } finally {
      await removeDir(dir);
    }
  });
});
