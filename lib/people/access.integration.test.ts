import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { auditEvents, coreTeamAssignments, networkMembers, people } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData as form } from '@/db/testing/form-data';
import { idle } from '@/lib/actions/form-state';

/**
 * Every action on a person checks who is asking: a practitioner of another team is told
 * "not found" whatever they send, and nothing changes. The actions run as the app runs them,
 * with only the request (session, headers) supplied by the test.
 */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({
  currentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error('redirect:/sign-in');
    return session.user;
  },
}));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
vi.mock('next/headers', () =>
  import('@/db/testing/next-mocks').then((m) => m.headers({ 'x-forwarded-for': '203.0.113.9' })),
);
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));

const { createPersonAction, updatePersonAction, changeStatusAction } = await import('@/app/(app)/people/actions');
const { addNetworkMemberAction, updateNetworkMemberAction, setNetworkMemberActiveAction } =
  await import('@/app/(app)/people/[id]/network/actions');
const { assignCoreTeamAction, endAssignmentAction } = await import('@/app/(app)/people/[id]/core-team/actions');
const { openPersonRecord } = await import('./access');

describe.each(engines)('who may act on a person, on %s', (engine) => {
  let database: TestDatabase;
  let person: { id: string; teamId: string };
  let memberId: string;
  let assignmentId: string;
  let insider: SessionUser;
  let outsider: SessionUser;
  let teamB: string;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    session.db = database.db;
    const { db } = database;
    const teamA = await makeTeam(db, 'A');
    teamB = (await makeTeam(db, 'B')).id;
    const a = await makeUser(db, { teamId: teamA.id, name: 'In Side' });
    const b = await makeUser(db, { teamId: teamB, name: 'Out Side' });
    insider = (await findSessionUser(db, a.id))!;
    outsider = (await findSessionUser(db, b.id))!;
    const p = await makePerson(db, teamA.id, { givenName: 'Robin', familyName: 'Private' });
    person = { id: p.id, teamId: teamA.id };
    const [m] = await db
      .insert(networkMembers)
      .values({
        personId: p.id,
        givenName: 'Anne',
        relationship: 'parent',
        kind: 'family',
        closeness: 'inner',
        email: 'anne@example.net',
      })
      .returning();
    memberId = m!.id;
    const [c] = await db
      .insert(coreTeamAssignments)
      .values({ personId: p.id, userId: a.id, role: 'lead', startsOn: '2026-01-01' })
      .returning();
    assignmentId = c!.id;
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(() => {
    session.user = outsider;
  });

  const personForm = { givenName: 'Changed', familyName: 'Name', referralAt: '2026-01-05T09:00' };
  const memberForm = {
    givenName: 'Changed',
    relationship: 'friend',
    kind: 'friend',
    closeness: 'outer',
    preferredChannel: 'post',
  };

  it('refuses every change from another team with "not found", and changes nothing', async () => {
    const attempts = [
      updatePersonAction(idle, form({ ...personForm, personId: person.id })),
      changeStatusAction(idle, form({ personId: person.id, status: 'discharged' })),
      addNetworkMemberAction(idle, form({ ...memberForm, personId: person.id })),
      updateNetworkMemberAction(idle, form({ ...memberForm, personId: person.id, memberId })),
      setNetworkMemberActiveAction(idle, form({ personId: person.id, memberId, active: 'false' })),
      assignCoreTeamAction(
        idle,
        form({ personId: person.id, userId: outsider.id, role: 'peer', startsOn: '2026-01-01' }),
      ),
      endAssignmentAction(idle, form({ personId: person.id, assignmentId, endsOn: '2026-02-01' })),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result.status).toBe('error');
      expect(result.message).toMatch(/could not find/);
    }
    const [row] = await database.db.select().from(people).where(eq(people.id, person.id));
    expect(row).toMatchObject({ givenName: 'Robin', status: 'active' });
    const members = await database.db.select().from(networkMembers).where(eq(networkMembers.personId, person.id));
    expect(members).toMatchObject([{ givenName: 'Anne', active: true }]);
    const [assignment] = await database.db
      .select()
      .from(coreTeamAssignments)
      .where(eq(coreTeamAssignments.id, assignmentId));
    expect(assignment?.endsOn).toBeNull();
  });

  it('shows another team a 404 for the person, however the id is written', async () => {
    await expect(openPersonRecord(person.id, 'person')).rejects.toThrow('not-found');
    await expect(openPersonRecord('not-a-uuid', 'person')).rejects.toThrow('not-found');
    session.user = insider;
    const opened = await openPersonRecord(person.id, 'person');
    expect(opened.person.givenName).toBe('Robin');
    const reads = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, person.id));
    expect(reads.some((e) => e.action === 'read' && e.actorId === insider.id && e.origin === '203.0.113.9')).toBe(true);
    expect(reads.some((e) => e.actorId === outsider.id)).toBe(false);
  });

  it('creates a person on the team from the session, never the one the form names', async () => {
    const result = createPersonAction(idle, form({ ...personForm, givenName: 'New', teamId: person.teamId }));
    await expect(result).rejects.toThrow(/redirect:\/people\//);
    const created = await database.db.select({ teamId: people.teamId }).from(people).where(eq(people.givenName, 'New'));
    expect(created).toEqual([{ teamId: teamB }]);
  });

  it('lets the team change the person, keeping field errors and values when something is wrong', async () => {
    session.user = insider;
    const bad = await updatePersonAction(
      idle,
      form({ ...personForm, personId: person.id, givenName: '', email: 'not-an-email' }),
    );
    expect(bad.status).toBe('error');
    expect(bad.fieldErrors?.givenName).toEqual(["Enter the person's first name"]);
    expect(bad.fieldErrors?.email?.[0]).toMatch(/email address/);
    expect(bad.values?.email).toBe('not-an-email');
    await expect(
      updatePersonAction(idle, form({ ...personForm, personId: person.id, givenName: 'Robin', familyName: 'Renamed' })),
    ).rejects.toThrow(`redirect:/people/${person.id}`);
    const [row] = await database.db.select().from(people).where(eq(people.id, person.id));
    expect(row?.familyName).toBe('Renamed');
  });

  it('discharges and refers again, keeping the record and leaving an audit trail', async () => {
    session.user = insider;
    const discharged = await changeStatusAction(idle, form({ personId: person.id, status: 'discharged' }));
    expect(discharged).toMatchObject({ status: 'success', message: expect.stringContaining('Discharged') });
    let [row] = await database.db.select().from(people).where(eq(people.id, person.id));
    expect(row?.status).toBe('discharged');
    expect(row?.dischargedAt).toBeInstanceOf(Date);

    const missing = await changeStatusAction(idle, form({ personId: person.id, status: 'active', referralAt: '' }));
    expect(missing.fieldErrors?.referralAt).toEqual(['Enter when the new referral arrived']);
    const future = await changeStatusAction(
      idle,
      form({ personId: person.id, status: 'active', referralAt: '2099-01-01T09:00' }),
    );
    expect(future.fieldErrors?.referralAt).toEqual(['The referral time cannot be in the future']);

    await changeStatusAction(idle, form({ personId: person.id, status: 'active', referralAt: '2026-03-02T14:30' }));
    [row] = await database.db.select().from(people).where(eq(people.id, person.id));
    expect(row).toMatchObject({ status: 'active', dischargedAt: null });
    expect(row?.referralAt.toISOString()).toBe('2026-03-02T14:30:00.000Z');
    const actions = (await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, person.id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['discharge', 're-refer']));
  });
});
