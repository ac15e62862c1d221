import type postgres from 'postgres';

/**
 * The app's heaviest statements during a scenario, from pg_stat_statements (loaded by the
 * throwaway cluster; skipped quietly on a BENCH_DATABASE_URL server without it).
 */
export type QueryStat = {
  calls: number;
  meanMs: number;
  meanPlanMs: number;
  totalMs: number;
  rows: number;
  query: string;
};

export async function enableQueryStats(sql: postgres.Sql): Promise<boolean> {
  try {
    await sql`create extension if not exists pg_stat_statements`;
    await sql`select pg_stat_statements_reset()`;
    return true;
  } catch {
    return false;
  }
}

export async function resetQueryStats(sql: postgres.Sql): Promise<void> {
  await sql`select pg_stat_statements_reset()`;
}

/** The app's statements (application_name is not recorded, so the bench's own are filtered by text). */
export async function topQueries(sql: postgres.Sql, limit = 5): Promise<QueryStat[]> {
  return sql<QueryStat[]>`
    select calls::int, mean_exec_time::float8 as "meanMs", mean_plan_time::float8 as "meanPlanMs",
      (total_exec_time + total_plan_time)::float8 as "totalMs", rows::int, regexp_replace(query, '\\s+', ' ', 'g') as query
    from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database())
      and query !~* 'pg_stat_statements|pg_catalog\\.|^(begin|commit|set |show )'
    order by total_exec_time + total_plan_time desc
    limit ${limit}`;
}

/**
 * Every statement the app sent during a scenario, transaction control and `set` included (each is
 * a round trip); only the bench's own and postgres.js's type lookups on a new connection are left
 * out. Divide by the requests sent (warm-up included), as pg_stat_statements was reset before them.
 */
export async function statementCount(sql: postgres.Sql): Promise<{ statements: number; transactionControl: number }> {
  const [row] = await sql<{ statements: number; transactionControl: number }[]>`
    select coalesce(sum(calls), 0)::int as statements,
      coalesce(sum(calls) filter (where query ~* '^\s*(begin|commit|rollback|savepoint|release)'), 0)::int
        as "transactionControl"
    from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database())
      and query !~* 'pg_stat_statements|pg_catalog\.'`;
  return row ?? { statements: 0, transactionControl: 0 };
}

export function queryStatsLines(stats: QueryStat[], requests: number): string[] {
  return stats.map(
    (s) =>
      `    ${(s.calls / Math.max(1, requests)).toFixed(1)} calls/request, exec ${s.meanMs.toFixed(2)} ms + plan ${s.meanPlanMs.toFixed(2)} ms, ` +
      `${(s.rows / Math.max(1, s.calls)).toFixed(1)} rows: ${s.query.slice(0, 110)}…`,
  );
}
