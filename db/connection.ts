import { eq } from 'drizzle-orm';
import { env, shouldSeedDemoData } from '@/lib/env';
import { log } from '@/lib/log/logger';
import { openPglite, openPostgres, type Database } from './client';
import { users } from './schema';
import { migrateDatabase, withAdvisoryLock } from './migrate';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_PRACTITIONER_EMAIL, isEmpty, seedDemoData } from './seed';

const SEED_LOCK = 7_460_222;

async function hasUser(database: Database, email: string): Promise<boolean> {
  const rows = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return rows.length > 0;
}

/**
 * The app's one database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite.
 * Opened once per process (kept on globalThis, because Next loads server code in several
 * bundles), migrated, and filled with demo data when it is empty and that is allowed.
 */
async function open(): Promise<Database> {
  const e = env();
  const database = e.DATABASE_URL ? openPostgres(e.DATABASE_URL) : await openPglite(e.PGLITE_DIR);
  await migrateDatabase(database, e.DATABASE_URL);
  if (shouldSeedDemoData(e)) {
    const seed = async () => {
      if (!(await isEmpty(database.db))) return;
      const counts = await database.db.transaction((tx) => seedDemoData(tx));
      log.info('demo data created', counts);
    };
    if (e.DATABASE_URL) await withAdvisoryLock(e.DATABASE_URL, seed, SEED_LOCK);
    else await seed();
    if (await hasUser(database, DEMO_PRACTITIONER_EMAIL)) {
      console.log(
        [
          '',
          '  Demo data is ready. Sign in with:',
          `    practitioner  ${DEMO_PRACTITIONER_EMAIL}`,
          `    administrator ${DEMO_ADMIN_EMAIL}`,
          `    password      ${DEMO_PASSWORD}`,
          '',
        ].join('\n'),
      );
    }
  }
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
