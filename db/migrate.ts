import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import type { Env } from '@/lib/env';
import { sqlState } from '@/lib/errors/app-error';
import type { Database, Db } from './client';
import { grantRuntimeAccess } from './role-split';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Any fixed number works; every instance must use the same one. */
const MIGRATION_LOCK = 7_460_221;

export type MigrateOptions = {
  /**
   * url is the schema owner's, not the app's: afterwards, grant the role the app's database
   * signs in as what the app needs (db/role-split.ts).
   */
  grantToAppRole?: boolean;
};

/**
 * Applies the committed migrations, as the role of url. On PostgreSQL several app instances may
 * start at once, so they queue on an advisory lock held on one dedicated connection.
 */
export async function migrateDatabase(database: Database, url?: string, options: MigrateOptions = {}): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!url) throw new Error('migrateDatabase needs the PostgreSQL URL');
  const appRole = options.grantToAppRole ? await currentRole(database.db) : undefined;
  await withAdvisoryLock(url, async (client) => {
    try {
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
    } catch (error) {
      if (sqlState(error)?.code !== '42501') throw error;
      const variable = options.grantToAppRole ? 'DATABASE_MIGRATION_URL' : 'DATABASE_URL';
      throw new Error(
        `The migrations' role (${variable}) may not change the schema: it must own it. With a separate role for the app, set DATABASE_MIGRATION_URL to the owner's URL.`,
        { cause: error },
      );
    }
    if (appRole) await grantRuntimeAccess(client, appRole);
  });
}

/**
 * Migrates the database the configuration names: as DATABASE_MIGRATION_URL's role (the schema's
 * owner) when it is set, then grants DATABASE_URL's role what the app needs; otherwise as
 * DATABASE_URL, one role for both.
 */
export function migrateAsConfigured(database: Database, e: Env): Promise<void> {
  if (!e.DATABASE_MIGRATION_URL) return migrateDatabase(database, e.DATABASE_URL);
  return migrateDatabase(database, e.DATABASE_MIGRATION_URL, { grantToAppRole: true });
}

async function currentRole(db: Db): Promise<string> {
  const result: unknown = await db.execute(sql`select current_user as role`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { role: string }[];
  return rows[0]!.role;
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
