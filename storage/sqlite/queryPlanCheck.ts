import type Database from 'better-sqlite3';

/**
 * Called once per distinct statement (when it is first prepared) with its first parameters.
 * Used by the tests to fail on a store query that no declared index serves: the same
 * declarations build MongoDB's indexes, so a query that scans here would scan there too.
 */
export type QueryPlanCheck = (db: Database.Database, table: string, sql: string, params: readonly unknown[]) => void;

export class UnindexedQueryError extends Error {
  override readonly name = 'UnindexedQueryError';
}

/**
 * Every refusal, also those thrown inside background work where nobody awaits them: the test
 * set-up (test/setup/indexedQueries.ts) fails the test file if this is not empty at its end.
 */
export const refusedQueries: string[] = [];

/** Fails on a full scan of a collection's table. A filter of `{}` (list everything) is allowed. */
export const refuseTableScans: QueryPlanCheck = (db, table, sql, params) => {
  if (!/^(SELECT|UPDATE|DELETE)\b/.test(sql) || / WHERE 1(?: |$)/.test(sql)) return;
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  const scan = plan.find((p) => new RegExp(`^SCAN "?${table.replace(/\$/g, '\\$')}"?(?: |$)`).test(p.detail));
  if (scan) {
    refusedQueries.push(`${table}: ${sql}`);
    throw new UnindexedQueryError(`no declared index serves this query on "${table}" (${scan.detail}): ${sql}`);
  }
};
