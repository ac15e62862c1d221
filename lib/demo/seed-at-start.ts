import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { withAdvisoryLock } from '@/db/migrate';
import { users } from '@/db/schema';
import { env, shouldSeedDemoData } from '@/lib/env';
import { log } from '@/lib/log/logger';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_PRACTITIONER_EMAIL, isEmpty, seedDemoData } from './seed';

const SEED_LOCK = 7_460_222;

async function hasUser(database: Database, email: string): Promise<boolean> {
  const rows = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return rows.length > 0;
}

/**
 * At server start: an empty database gets the demo data when that is allowed (development, or
 * DEMO_DATA=on outside production), once even with several instances starting together, and the
 * sign-in details are printed.
 */
export async function seedDemoDataIfWanted(database: Database): Promise<void> {
  if (shouldSeedDemoData(env())) await seedDemoDataIfEmpty(database);
}

/** Fills an empty database with the demo data (guarded by an advisory lock on PostgreSQL) and prints how to sign in. */
export async function seedDemoDataIfEmpty(database: Database): Promise<void> {
  const e = env();
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
