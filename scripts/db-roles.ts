import { openPostgres } from '../db/client';
import { migrateAsConfigured } from '../db/migrate';
import { createRoles } from '../db/role-split';
import { readEnv } from '../lib/env';

/**
 * `npm run db:roles -- --admin postgres://postgres@host:5432/postgres`: once per installation,
 * creates the schema's owner (DATABASE_MIGRATION_URL) and the app's role (DATABASE_URL) with the
 * passwords in those URLs, and the database owned by the owner, as the admin URL's role (a
 * superuser, or one with CREATEROLE and CREATEDB); then migrates as the owner and grants the
 * app's role its privileges, as every start and `npm run db:migrate` do again.
 */
function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const e = readEnv({ ...process.env, NODE_ENV: 'development' });
  const adminUrl = flag('admin');
  if (!adminUrl || !e.DATABASE_MIGRATION_URL || !e.DATABASE_URL) {
    console.error(
      'Set DATABASE_MIGRATION_URL (the owner) and DATABASE_URL (the app), then: npm run db:roles -- --admin postgres://postgres@host:5432/postgres',
    );
    return 2;
  }
  for (const line of await createRoles(adminUrl, {
    migrationUrl: e.DATABASE_MIGRATION_URL,
    runtimeUrl: e.DATABASE_URL,
  })) {
    console.log(line);
  }
  const database = openPostgres(e.DATABASE_URL, { max: 1 });
  try {
    await migrateAsConfigured(database, e);
  } finally {
    await database.close();
  }
  console.log("Migrations applied as the owner; the app's role has its privileges.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
