import { openPglite, openPostgres } from '../db/client';
import { migrateAsConfigured } from '../db/migrate';
import { seedDemoDataIfEmpty } from '../lib/demo/seed-at-start';
import { env } from '../lib/env';

/**
 * `npm run seed:demo`: migrates the database the app would use (DATABASE_URL, or PGLITE_DIR)
 * and fills it with the demo data if it is empty. For test databases that a production build
 * then serves (the end-to-end tests): production itself refuses DEMO_DATA=on.
 */
async function main() {
  const e = env();
  if (e.NODE_ENV === 'production')
    throw new Error('npm run seed:demo is for development and test databases, never production.');
  const database = e.DATABASE_URL ? openPostgres(e.DATABASE_URL, { max: 2 }) : await openPglite(e.PGLITE_DIR);
  try {
    await migrateAsConfigured(database, e);
    await seedDemoDataIfEmpty(database);
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
