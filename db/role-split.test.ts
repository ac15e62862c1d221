import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sqlState } from '@/lib/errors/app-error';
import { seedDemoData } from '@/lib/demo/seed';
import { readEnv } from '@/lib/env';
import { openPostgres, type Database } from './client';
import { migrateAsConfigured } from './migrate';
import { appendOnlyTables, createRoles } from './role-split';
import { auditEvents, meetingPractitioners, meetingRecords, meetings, people, recordSignatures } from './schema';
import { makeMeeting, makePerson, makeTeam, makeUser } from './testing/factories';

/** What migrations 0001 and 0008 make append-only (a trigger calling forbid_change on each). */
const APPEND_ONLY = [
  'audit_events',
  'consent_changes',
  'meeting_records',
  'record_share_choices',
  'record_signatures',
  'record_statements',
];

const quiet = { max: 1, onnotice: () => {} };

/**
 * With DATABASE_MIGRATION_URL set, the owner runs the migrations and the app's role (DATABASE_URL)
 * cannot rewrite the audit: it owns nothing, so it can neither disable nor drop the triggers. On
 * PostgreSQL only: PGlite has one role.
 */
describe('the app role and the owner on postgres', () => {
  const suffix = randomBytes(4).toString('hex');
  const names = { owner: `nm_owner_${suffix}`, app: `nm_app_${suffix}`, database: `nm_roles_${suffix}` };
  let adminUrl: string;
  let ownerUrl: string;
  let appUrl: string;
  let config: ReturnType<typeof readEnv>;
  /** The app's pool, as db/connection.ts opens it from DATABASE_URL. */
  let app: Database;
  /** The app's role on a plain connection, for the SQL an attacker would try. */
  let appSql: postgres.Sql;
  let owner: postgres.Sql;

  function urlFor(role: string): string {
    const url = new URL(adminUrl);
    url.username = role;
    url.password = randomBytes(12).toString('hex');
    url.pathname = `/${names.database}`;
    return url.toString();
  }

  beforeAll(async () => {
    adminUrl = inject('postgresAdminUrl');
    ownerUrl = urlFor(names.owner);
    appUrl = urlFor(names.app);
    config = readEnv({ NODE_ENV: 'test', DATABASE_URL: appUrl, DATABASE_MIGRATION_URL: ownerUrl });
    await createRoles(adminUrl, { migrationUrl: ownerUrl, runtimeUrl: appUrl });
    app = openPostgres(appUrl, { max: 4 });
    await migrateAsConfigured(app, config);
    appSql = postgres(appUrl, quiet);
    owner = postgres(ownerUrl, quiet);
  });

  afterAll(async () => {
    await app?.close();
    await appSql?.end();
    await owner?.end();
    const admin = postgres(adminUrl, quiet);
    await admin.unsafe(`drop database if exists ${names.database} with (force)`);
    await admin.unsafe(`drop role if exists ${names.app}`);
    await admin.unsafe(`drop role if exists ${names.owner}`);
    await admin.end();
  });

  /** The SQLSTATE the database answered with, or "done" when it did what was asked. */
  async function answer(query: PromiseLike<unknown>): Promise<string> {
    try {
      await query;
    } catch (error) {
      return sqlState(error)?.code ?? String(error);
    }
    return 'done';
  }

  it('creates the two roles and the database, owned by the owner, and leaves them be the second time', async () => {
    const [database] = await owner<{ owner: string }[]>`
      select pg_get_userbyid(datdba) as owner from pg_database where datname = current_database()`;
    expect(database?.owner).toBe(names.owner);
    expect(await createRoles(adminUrl, { migrationUrl: ownerUrl, runtimeUrl: appUrl })).toEqual([
      `role ${names.owner} exists: left as it is`,
      `role ${names.app} exists: left as it is`,
      `database ${names.database} exists, owned by ${names.owner}: left as it is`,
    ]);
  });

  it('lets the app do its work: people, meetings, records, signatures and the audit', async () => {
    const { db } = app;
    const team = await makeTeam(db);
    const alice = await makeUser(db, { teamId: team.id, name: 'Alice' });
    const person = await makePerson(db, team.id);
    await db.update(people).set({ familyName: 'Renamed' }).where(eq(people.id, person.id));
    const meeting = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alice.id],
      startsAt: new Date('2026-12-01T10:00:00Z'),
    });
    const content = {
      voices: [],
      reflections: { held: null, said: '', response: '' },
      decisions: [],
      openQuestions: [],
      actions: [],
      nextMeeting: { when: '', where: '', who: '' },
    };
    const [record] = await db
      .insert(meetingRecords)
      .values({ meetingId: meeting.id, version: 1, content, authorId: alice.id })
      .returning();
    await db.insert(recordSignatures).values({ recordId: record!.id, signerId: alice.id, kind: 'signed' });
    // Cancelling frees the practitioner's interval: the trigger runs as the app's role.
    await db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, meeting.id));
    const [busy] = await db
      .select({ active: meetingPractitioners.active })
      .from(meetingPractitioners)
      .where(eq(meetingPractitioners.meetingId, meeting.id));
    expect(busy?.active).toBe(false);
    const [event] = await db
      .insert(auditEvents)
      .values({ actorId: alice.id, teamId: team.id, action: 'read', entity: 'person', entityId: person.id })
      .returning();
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.id, event!.id));
    expect(rows.map((r) => r.action)).toEqual(['read']);
  });

  it('lets the app fill the demo data, which writes to nearly every table', async () => {
    const counts = await app.db.transaction((tx) => seedDemoData(tx, new Date('2026-11-24T09:00:00Z')));
    expect(counts.meetings).toBeGreaterThan(0);
  });

  it('finds the append-only tables from their triggers', async () => {
    expect(await appendOnlyTables(owner)).toEqual(APPEND_ONLY);
  });

  it('refuses the app role disabling, dropping or getting round the append-only triggers', async () => {
    const [event] = await appSql<{ id: string }[]>`
      insert into audit_events (action, entity, entity_id) values ('read', 'person', 'p1') returning id`;
    expect(await answer(appSql.unsafe('alter table audit_events disable trigger all'))).toBe('42501');
    expect(await answer(appSql.unsafe('alter table audit_events disable trigger user'))).toBe('42501');
    expect(await answer(appSql.unsafe('alter table audit_events disable trigger audit_events_append_only'))).toBe(
      '42501',
    );
    expect(await answer(appSql.unsafe('drop trigger audit_events_append_only on audit_events'))).toBe('42501');
    expect(await answer(appSql.unsafe('drop trigger audit_events_no_truncate on audit_events'))).toBe('42501');
    expect(await answer(appSql`update audit_events set action = 'nothing' where id = ${event!.id}`)).toBe('42501');
    expect(await answer(appSql`delete from audit_events where id = ${event!.id}`)).toBe('42501');
    expect(await answer(appSql.unsafe('truncate audit_events'))).toBe('42501');
    expect(await answer(appSql.unsafe('drop table audit_events'))).toBe('42501');
    expect(await answer(appSql.unsafe(`alter table audit_events owner to ${names.app}`))).toBe('42501');
    expect(await answer(appSql.unsafe('drop function forbid_change() cascade'))).toBe('42501');
    // Replica mode skips ordinary triggers; only a superuser may set it.
    expect(await answer(appSql.unsafe('set session_replication_role = replica'))).toBe('42501');
    // Nor can it make tables of its own in the schema, or rewrite the migrations' journal.
    expect(await answer(appSql.unsafe('create table public.mine (id int)'))).toBe('42501');
    expect(await answer(appSql.unsafe('select * from drizzle.__drizzle_migrations'))).toBe('42501');
    for (const table of APPEND_ONLY) {
      expect(await answer(appSql.unsafe(`alter table ${table} disable trigger user`)), table).toBe('42501');
      expect(await answer(appSql.unsafe(`drop trigger ${table}_append_only on ${table}`)), table).toBe('42501');
      expect(await answer(appSql.unsafe(`delete from ${table}`)), table).toBe('42501');
      expect(await answer(appSql.unsafe(`truncate ${table}`)), table).toBe('42501');
    }
    const [still] = await appSql<{ action: string }[]>`select action from audit_events where id = ${event!.id}`;
    expect(still?.action).toBe('read');
  });

  it('leaves the app role owning nothing, with SELECT and INSERT only on the append-only tables', async () => {
    const [owned] = await owner<{ count: number }[]>`
      select count(*)::int as count from pg_shdepend d join pg_roles r on r.oid = d.refobjid
       where r.rolname = ${names.app} and d.deptype = 'o'
         and d.dbid in (0, (select oid from pg_database where datname = current_database()))`;
    expect(owned?.count).toBe(0);
    const privileges = async (table: string) => {
      const kinds = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES'];
      const allowed: string[] = [];
      for (const kind of kinds) {
        const [row] = await owner<
          { yes: boolean }[]
        >`select has_table_privilege(${names.app}, ${table}, ${kind}) as yes`;
        if (row?.yes) allowed.push(kind);
      }
      return allowed;
    };
    for (const table of APPEND_ONLY) expect(await privileges(table), table).toEqual(['SELECT', 'INSERT']);
    expect(await privileges('people')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
  });

  it('shows what one role could do: the owner can disable the triggers and rewrite the audit', async () => {
    // DISABLE TRIGGER ALL takes the foreign keys' internal triggers too, which needs a superuser;
    // USER (or a trigger by name) is what an owner, as the app is with one role, can do.
    const rolledBack = new Error('rolled back');
    const outcome = await answer(
      owner.begin(async (tx) => {
        await tx.unsafe('alter table audit_events disable trigger user');
        await tx`update audit_events set action = 'rewritten'`;
        await tx`delete from audit_events`;
        throw rolledBack;
      }),
    );
    expect(outcome).toBe(String(rolledBack));
    expect(await answer(owner.unsafe('alter table audit_events disable trigger all'))).toBe('42501');
  });

  it('gives the app a table a later migration adds, and takes UPDATE and DELETE once it is append-only', async () => {
    await owner.unsafe('create table later_notes (id bigserial primary key, words text not null)');
    const [note] = await appSql<{ id: string }[]>`insert into later_notes (words) values ('first') returning id`;
    expect(await answer(appSql`update later_notes set words = 'second' where id = ${note!.id}`)).toBe('done');
    await owner.unsafe(`create trigger later_notes_append_only before update or delete on later_notes
                          for each row execute function forbid_change()`);
    // The next start (or npm run db:migrate) applies the grants again.
    await migrateAsConfigured(app, config);
    expect(await answer(appSql`update later_notes set words = 'third' where id = ${note!.id}`)).toBe('42501');
    expect(await answer(appSql`insert into later_notes (words) values ('fourth')`)).toBe('done');
    await owner.unsafe('drop table later_notes');
  });

  it('refuses a split that is none: the same role twice, or an app role that owns tables', async () => {
    const same = openPostgres(ownerUrl, { max: 1 });
    try {
      await expect(
        migrateAsConfigured(same, readEnv({ DATABASE_URL: ownerUrl, DATABASE_MIGRATION_URL: ownerUrl })),
      ).rejects.toThrow(/same role/);
    } finally {
      await same.close();
    }
    const inDatabase = new URL(adminUrl);
    inDatabase.pathname = `/${names.database}`;
    const admin = postgres(inDatabase.toString(), quiet);
    try {
      await admin.unsafe(`create table stray (id int); alter table stray owner to ${names.app}`);
      await expect(migrateAsConfigured(app, config)).rejects.toThrow(
        new RegExp(`owned by ${names.app}.*REASSIGN OWNED BY ${names.app} TO ${names.owner}`),
      );
      await admin.unsafe('drop table stray');
    } finally {
      await admin.end();
    }
  });
});
