import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TeamScope } from '@/lib/auth/permissions';

/** The condition that keeps a query inside the teams the user may see. */
export function inTeams(column: PgColumn, scope: TeamScope): SQL {
  if (scope === 'all') return sql`true`;
  if (scope.length === 0) return sql`false`;
  return inArray(column, scope);
}
