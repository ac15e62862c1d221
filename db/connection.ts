import 'server-only';
import { env } from '@/lib/env';
import { log } from '@/lib/log/logger';
import { openPglite, openPostgres, type Database } from './client';
import { migrateAsConfigured } from './migrate';

/**
 * The app's one database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite.
 * Opened once per process (kept on globalThis, because Next loads server code in several
 * bundles) and migrated, as DATABASE_MIGRATION_URL's role when that is set (db/role-split.ts).
 * Demo data is the server start's business (lib/server-start.ts).
 */
async function open(): Promise<Database> {
  const e = env();
  const database = e.DATABASE_URL ? openPostgres(e.DATABASE_URL) : await openPglite(e.PGLITE_DIR);
  await migrateAsConfigured(database, e);
  log.info('database ready', { engine: database.engine });
  return database;
}

const holder = globalThis as typeof globalThis & { __networkMeetingsDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.__networkMeetingsDb ??= open().catch((error: unknown) => {
    holder.__networkMeetingsDb = undefined;
    throw error;
  });
  return holder.__networkMeetingsDb;
}

export async function getDb() {
  return (await getDatabase()).db;
}
