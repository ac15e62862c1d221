import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { invitations, networkMembers } from '../schema';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '../testing/factories';
import { createInvitations } from '@/lib/invitations/create-invitations';
import { revokeInvitation } from './invitations';

/** How many sessions of this database wait on a lock held by another (PostgreSQL only). */
async function sessionsWaitingOnLocks(db: Db): Promise<number> {
  const result = await db.execute(
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
  );
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: { n: number }[] }).rows) as {
    n: number;
  }[];
  return rows[0]?.n ?? 0;
}

describe.each(engines)('inviting to a meeting on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function setting() {
    const { db } = database;
    const team = await makeTeam(db);
    const alex = await makeUser(db, { teamId: team.id });
    const person = await makePerson(db, team.id);
    const members = await db
      .insert(networkMembers)
      .values(
        ['Maria', 'Finn'].map((givenName) => ({
          personId: person.id,
          givenName,
          relationship: 'friend' as const,
          kind: 'friend' as const,
          closeness: 'inner' as const,
          mayBeInvited: true,
        })),
      )
      .returning({ id: networkMembers.id });
    const meeting = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alex.id],
      startsAt: new Date('2026-12-14T10:00:00Z'),
    });
    return {
      db,
      meeting: { id: meeting.id, personId: person.id, endsAt: meeting.endsAt },
      choice: { person: true, memberIds: members.map((m) => m.id) },
    };
  }

  it('invites each invitee once, and says which invitations it made, when asked again', async () => {
    const { db, meeting, choice } = await setting();
    const first = await db.transaction((tx) =>
      createInvitations(tx, meeting, { person: false, memberIds: choice.memberIds.slice(0, 1) }),
    );
    const second = await db.transaction((tx) => createInvitations(tx, meeting, choice));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);
    const rows = await db.select({ id: invitations.id }).from(invitations).where(eq(invitations.meetingId, meeting.id));
    expect(rows.map((r) => r.id).sort()).toEqual([...first, ...second].map((r) => r.id).sort());
  });

  it('invites again someone whose link was turned off: a new invitation beside the dead one, still one live each', async () => {
    const { db, meeting, choice } = await setting();
    const first = await db.transaction((tx) => createInvitations(tx, meeting, choice));
    const maria = (
      await db.select().from(invitations).where(eq(invitations.networkMemberId, choice.memberIds[0]!))
    )[0]!;
    await revokeInvitation(db, meeting.id, maria.id);
    const again = await db.transaction((tx) => createInvitations(tx, meeting, choice));
    expect(again).toHaveLength(1);
    expect(again[0]!.id).not.toBe(maria.id);
    const rows = await db
      .select({ id: invitations.id, memberId: invitations.networkMemberId, revokedAt: invitations.revokedAt })
      .from(invitations)
      .where(eq(invitations.meetingId, meeting.id));
    expect(rows).toHaveLength(first.length + 1);
    expect(
      rows
        .filter((r) => r.memberId === maria.networkMemberId)
        .map((r) => r.revokedAt === null)
        .sort(),
    ).toEqual([false, true]);
    expect(await db.transaction((tx) => createInvitations(tx, meeting, choice))).toEqual([]);
  });

  it('invites each invitee once when two bookings race, the later told it made none', async () => {
    const { db, meeting, choice } = await setting();
    if (engine === 'pglite') {
      // One connection: the two transactions run one after the other, and the check finds the first's rows.
      const [a, b] = await Promise.all([
        db.transaction((tx) => createInvitations(tx, meeting, choice)),
        db.transaction((tx) => createInvitations(tx, meeting, choice)),
      ]);
      expect([a.length, b.length].sort()).toEqual([0, 3]);
    } else {
      // The first inserts and holds its transaction open; the second, not seeing those rows yet,
      // inserts the same invitees and must wait on the unique indexes until the first commits.
      let inserted!: () => void;
      let release!: () => void;
      const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const first = db.transaction(async (tx) => {
        const made = await createInvitations(tx, meeting, choice);
        inserted();
        await released;
        return made;
      });
      await firstInserted;
      const second = db.transaction((tx) => createInvitations(tx, meeting, choice));
      const deadline = Date.now() + 5_000;
      while ((await sessionsWaitingOnLocks(db)) === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      release();
      const [a, b] = await Promise.all([first, second]);
      expect(a).toHaveLength(3);
      expect(b).toEqual([]);
    }
    const rows = await db
      .select({ personId: invitations.personId, memberId: invitations.networkMemberId })
      .from(invitations)
      .where(eq(invitations.meetingId, meeting.id));
    expect(rows).toHaveLength(3);
  });
});
