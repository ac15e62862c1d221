import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';
import { acquirePgliteLock } from './pglite-lock';

export type Schema = typeof schema;
/** One type for both engines: queries are written once against it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'postgres' | 'pglite';

export type Database = {
  db: Db;
  engine: Engine;
  close: () => Promise<void>;
};

const drizzleOptions = { schema, casing: 'snake_case' } as const;

/** Opens PGlite with btree_gist, which the exclusion constraint needs on every open. */
export async function openPglite(dataDir: string | 'memory'): Promise<Database> {
  let release = () => {};
  if (dataDir !== 'memory') {
    release = acquirePgliteLock(dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
  }
  try {
    const client = await PGlite.create(dataDir === 'memory' ? undefined : dataDir, { extensions: { btree_gist } });
    const db = drizzlePglite({ client, ...drizzleOptions }) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

type Sql = postgres.Sql | postgres.TransactionSql;

/**
 * Drizzle asks postgres.js for an unnamed statement on every query (`prepare: false` unless a
 * query is built with `.prepare(name)`). With parameters, postgres.js then describes the
 * statement first and waits for the answer before binding it: two round trips, and a parse and
 * plan in PostgreSQL, every time. Here every query with parameters is a named prepared statement
 * instead, kept per connection by postgres.js: one round trip, parsed once, and planned by
 * PostgreSQL's plan cache. Queries without parameters (migrations' DDL, `select 1`) keep the
 * simple protocol, which also allows several statements in one string. Transactions and
 * savepoints hand drizzle a new client; those are wrapped too.
 */
export function preparing<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: unknown[], queryOptions?: postgres.UnsafeQueryOptions) =>
          target.unsafe(
            query,
            parameters as postgres.ParameterOrJSON<never>[],
            parameters?.length ? { ...queryOptions, prepare: true } : queryOptions,
          );
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.pop() as (client: postgres.TransactionSql) => unknown;
          return (target as unknown as Record<string, (...a: unknown[]) => unknown>)[property]!(
            ...args,
            (inner: postgres.TransactionSql) => callback(preparing(inner)),
          );
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, {
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    connection: { application_name: 'network-meetings' },
  });
  const db = drizzlePostgres({ client: preparing(client), ...drizzleOptions }) as unknown as Db;
  return { db, engine: 'postgres', close: () => client.end({ timeout: 5 }) };
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
