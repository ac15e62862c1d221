import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database, type Engine } from '../client';
import { migrateDatabase } from '../migrate';

/** Every integration test runs on both engines. */
export const engines: Engine[] = ['postgres', 'pglite'];

export type TestDatabase = Database & { url?: string };

/** A fresh, migrated database: in-memory PGlite, or a new database on the test PostgreSQL. */
export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openPglite('memory');
    await migrateDatabase(database);
    return database;
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `nm_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 30 });
  await migrateDatabase(database, url.toString());
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
