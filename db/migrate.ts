import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import type { Database } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Any fixed number works; every instance must use the same one. */
const MIGRATION_LOCK = 7_460_221;

/**
 * Applies the committed migrations. On PostgreSQL several app instances may start at once, so
 * they queue on an advisory lock held on one dedicated connection.
 */
export async function migrateDatabase(database: Database, url?: string): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!url) throw new Error('migrateDatabase needs the PostgreSQL URL');
  await withAdvisoryLock(url, async (client) => {
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
  });
}

export async function withAdvisoryLock<T>(
  url: string,
  run: (client: postgres.Sql) => Promise<T>,
  key = MIGRATION_LOCK,
): Promise<T> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${key})`;
    try {
      return await run(client);
    } finally {
      await client`select pg_advisory_unlock(${key})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
