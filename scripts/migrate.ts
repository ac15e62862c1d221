import { openPglite, openPostgres } from '../db/client';
import { migrateAsConfigured } from '../db/migrate';
import { readEnv } from '../lib/env';

/** Applies the committed migrations without starting the app (the app also does this at start). */
async function main() {
  const e = readEnv({ ...process.env, NODE_ENV: 'development' });
  const database = e.DATABASE_URL ? openPostgres(e.DATABASE_URL) : await openPglite(e.PGLITE_DIR);
  try {
    await migrateAsConfigured(database, e);
    const split = e.DATABASE_MIGRATION_URL ? ", as the owner; the app's role has its privileges" : '';
    console.log(`Migrations applied (${database.engine}${split}).`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
