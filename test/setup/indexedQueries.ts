import { refusedQueries } from '../../storage/sqlite/queryPlanCheck';

// A store query that no declared index serves fails the test file that issued it, even when it
// ran in background work whose error nobody awaited (see storage/sqlite/queryPlanCheck.ts).
afterAll(() => {
  if (refusedQueries.length > 0) {
    const found = [...new Set(refusedQueries)];
    refusedQueries.length = 0;
    throw new Error(`store queries that no declared index serves:\n${found.join('\n')}`);
  }
});
