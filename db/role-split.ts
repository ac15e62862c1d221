import postgres from 'postgres';

/**
 * Two PostgreSQL roles, so the app cannot rewrite its own audit. The owner (DATABASE_MIGRATION_URL)
 * owns the schema and runs the migrations. The app's role (DATABASE_URL) owns nothing: it reads and
 * writes rows, only adds rows to the append-only tables, and cannot disable or drop their triggers,
 * truncate or alter a table, which only an owner (or a superuser) can.
 */

type Role = { name: string; password?: string; database: string };

function roleOf(url: string, variable: string): Role {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.username);
  if (!name) throw new Error(`${variable} needs the role's name in it: postgres://name:password@host:5432/database`);
  return {
    name,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  };
}

/**
 * The tables that have a trigger calling forbid_change() (migrations 0001 and 0008: the audit,
 * consent history and the meeting records). Read from the catalog, so an append-only table a later
 * migration adds is counted without an edit here.
 */
export async function appendOnlyTables(client: postgres.Sql | postgres.TransactionSql): Promise<string[]> {
  const rows = await client<{ table: string }[]>`
    select distinct c.relname as table
      from pg_trigger t
      join pg_class c on c.oid = t.tgrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_proc p on p.oid = t.tgfoid
     where n.nspname = 'public' and p.proname = 'forbid_change' and not t.tgisinternal
     order by 1`;
  return rows.map((r) => r.table);
}

/**
 * Run as the owner after every migration (db/migrate.ts does): gives the app's role what the app
 * needs and no more. Idempotent, and it starts from nothing each time, so a table a migration
 * makes append-only loses its UPDATE and DELETE. Default privileges let the app use a table a
 * later migration adds even before this runs again.
 */
export async function grantRuntimeAccess(client: postgres.Sql, runtimeRole: string): Promise<void> {
  await client.begin(async (tx) => {
    const [me] = await tx<{ owner: string; database: string }[]>`
      select current_user as owner, current_database() as database`;
    const { owner, database } = me!;
    if (runtimeRole === owner) {
      throw new Error(
        `DATABASE_MIGRATION_URL and DATABASE_URL sign in as the same role (${owner}): give the app a role of its own, or unset DATABASE_MIGRATION_URL.`,
      );
    }
    // A member of the owner can act as the owner, and the schema's owner (the database's, on
    // PostgreSQL 15) may drop any table in it.
    const [runtime] = await tx<{ superuser: boolean; actsAsOwner: boolean }[]>`
      select rolsuper as "superuser",
             pg_has_role(rolname, ${owner}, 'MEMBER')
               or pg_has_role(rolname, (select nspowner from pg_namespace where nspname = 'public'), 'MEMBER')
               as "actsAsOwner"
        from pg_roles where rolname = ${runtimeRole}`;
    if (!runtime) throw new Error(`The app's role ${runtimeRole} does not exist: create it (npm run db:roles).`);
    if (runtime.superuser || runtime.actsAsOwner) {
      throw new Error(
        `The app's role ${runtimeRole} is a superuser, a member of ${owner}, or owns the database or its public schema, so it could still change the audit: give the app a plain role, and the database to ${owner}.`,
      );
    }
    const owned = await tx<{ object: string; owner: string }[]>`
      select c.relname as object, pg_get_userbyid(c.relowner) as owner
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
         and pg_get_userbyid(c.relowner) <> ${owner}
       order by 1`;
    if (owned.length > 0) {
      const others = [...new Set(owned.map((o) => o.owner))].join(', ');
      const some = owned.map((o) => o.object).slice(0, 5);
      throw new Error(
        `Tables here are owned by ${others}, not by ${owner} (DATABASE_MIGRATION_URL's role): ${some.join(', ')}. ` +
          `As a superuser, in this database: REASSIGN OWNED BY ${others} TO ${owner};`,
      );
    }
    const role = tx(runtimeRole);
    const ownerRole = tx(owner);
    // PostgreSQL 15's default already; older versions let every role create tables here.
    await tx`revoke create on schema public from public`;
    await tx`grant connect on database ${tx(database)} to ${role}`;
    await tx`grant usage on schema public to ${role}`;
    await tx`revoke all on all tables in schema public from ${role}`;
    await tx`grant select, insert, update, delete on all tables in schema public to ${role}`;
    const appendOnly = await appendOnlyTables(tx);
    if (appendOnly.length > 0) await tx`revoke update, delete on table ${tx(appendOnly)} from ${role}`;
    // The bigserial ids (audit_events, outbox).
    await tx`revoke all on all sequences in schema public from ${role}`;
    await tx`grant usage, select on all sequences in schema public to ${role}`;
    await tx`alter default privileges for role ${ownerRole} in schema public
               grant select, insert, update, delete on tables to ${role}`;
    await tx`alter default privileges for role ${ownerRole} in schema public
               grant usage, select on sequences to ${role}`;
  });
}

/**
 * `npm run db:roles`, once per installation, as a superuser (or a role with CREATEROLE and
 * CREATEDB): creates the two roles named in the URLs, with their passwords, and the database
 * owned by the owner, each only when missing. Returns what it did, to print.
 */
export async function createRoles(adminUrl: string, urls: { migrationUrl: string; runtimeUrl: string }) {
  const owner = roleOf(urls.migrationUrl, 'DATABASE_MIGRATION_URL');
  const runtime = roleOf(urls.runtimeUrl, 'DATABASE_URL');
  if (owner.name === runtime.name) {
    throw new Error(`DATABASE_MIGRATION_URL and DATABASE_URL name the same role (${owner.name}): give each its own.`);
  }
  if (owner.database !== runtime.database || !owner.database) {
    throw new Error('DATABASE_MIGRATION_URL and DATABASE_URL must name the same database.');
  }
  const done: string[] = [];
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    for (const role of [owner, runtime]) {
      const [exists] = await admin`select 1 from pg_roles where rolname = ${role.name}`;
      if (exists) {
        done.push(`role ${role.name} exists: left as it is`);
        continue;
      }
      // Utility statements take no parameters: PostgreSQL quotes the name and the password itself.
      const [create] = await admin<{ statement: string }[]>`
        select format('create role %I login password %L', ${role.name}::text, ${role.password ?? null}::text) as statement`;
      await admin.unsafe(create!.statement);
      done.push(`role ${role.name} created`);
    }
    const [database] = await admin<{ owner: string }[]>`
      select pg_get_userbyid(datdba) as owner from pg_database where datname = ${owner.database}`;
    if (database) {
      done.push(`database ${owner.database} exists, owned by ${database.owner}: left as it is`);
    } else {
      const [create] = await admin<{ statement: string }[]>`
        select format('create database %I owner %I', ${owner.database}::text, ${owner.name}::text) as statement`;
      await admin.unsafe(create!.statement);
      done.push(`database ${owner.database} created, owned by ${owner.name}`);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  return done;
}
