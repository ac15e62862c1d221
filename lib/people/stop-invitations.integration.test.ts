import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import {
  coreTeamAssignments,
  invitations,
  meetingPractitioners,
  meetings,
  networkMembers,
  outbox,
  users,
  workingPatterns,
} from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData as form } from '@/db/testing/form-data';
import { idle, type FormState } from '@/lib/actions/form-state';
import { tokenFor } from '@/lib/invitations/token';

/**
 * Withdrawing consent, taking someone off the network, discharging the person and turning a
 * practitioner's access off: each stops what it must at once, through the app's own actions.
 */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
vi.mock('next/headers', () => import('@/db/testing/next-mocks').then((m) => m.headers()));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));

const { bookMeetingAction } = await import('@/app/(app)/people/[id]/meetings/actions');
const { updateNetworkMemberAction, setNetworkMemberActiveAction } =
  await import('@/app/(app)/people/[id]/network/actions');
const { changeStatusAction } = await import('@/app/(app)/people/actions');
const invitePage = await import('@/app/invite/[token]/route');

const DAY = 86_400_000;
const HOUR = 3_600_000;

async function run(action: Promise<FormState>): Promise<{ ok: boolean; redirect?: string; state?: FormState }> {
  try {
    return { ok: false, state: await action };
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('redirect:')) return { ok: true, redirect: message.slice(9) };
    throw error;
  }
}

const openLink = async (invitationId: string) => {
  const token = tokenFor(invitationId);
  const response = await invitePage.GET(
    new Request(`http://localhost/invite/${token}`, { headers: { 'x-forwarded-for': '10.9.0.1' } }),
    { params: Promise.resolve({ token }) },
  );
  return { status: response.status, body: await response.text() };
};

describe.each(engines)('what stops at once on %s', (engine) => {
  let database: TestDatabase;
  let teamId: string;
  let a: string;
  let insider: SessionUser;
  // Days ahead at 10:00 UTC (the team works every hour of every day here).
  const base = Math.ceil((Date.now() + 3 * DAY) / DAY) * DAY + 10 * HOUR;
  let day = 0;
  const nextTime = () => new Date(base + day++ * DAY);

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    session.db = database.db;
    const { db } = database;
    teamId = (await makeTeam(db)).id;
    a = (await makeUser(db, { teamId, name: 'Ada Clinician', discipline: 'nurse' })).id;
    await db
      .insert(workingPatterns)
      .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ userId: a, weekday, startMinute: 0, endMinute: 1440 })));
    insider = (await findSessionUser(db, a))!;
    session.user = insider;
  });
  afterAll(async () => {
    await database?.close();
  });

  async function personWithMember() {
    const personId = (await makePerson(database.db, teamId, { givenName: 'Robin', email: 'robin@example.org' })).id;
    const [member] = await database.db
      .insert(networkMembers)
      .values({
        personId,
        givenName: 'Ivy',
        relationship: 'parent',
        kind: 'family',
        closeness: 'inner',
        mayBeInvited: true,
        email: 'ivy@example.org',
      })
      .returning();
    return { personId, member: member! };
  }

  /** Books a meeting inviting the person and Ivy; returns Ivy's invitation. */
  async function bookWithIvy(personId: string, memberId: string) {
    const startsAt = nextTime();
    const booked = await run(
      bookMeetingAction(
        idle,
        form({
          personId,
          kind: 'network',
          duration: '60',
          location: 'phone',
          required: a,
          start: startsAt.toISOString(),
          invite: `person,${memberId}`,
        }),
      ),
    );
    expect(booked.ok).toBe(true);
    const [meeting] = await database.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.personId, personId), eq(meetings.startsAt, startsAt)));
    const [ivy] = await database.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.meetingId, meeting!.id), eq(invitations.networkMemberId, memberId)));
    return { meeting: meeting!, ivy: ivy! };
  }

  const memberFields = (personId: string, memberId: string, mayBeInvited: boolean) => ({
    personId,
    memberId,
    givenName: 'Ivy',
    relationship: 'parent',
    kind: 'family',
    closeness: 'inner',
    email: 'ivy@example.org',
    preferredChannel: 'email',
    ...(mayBeInvited ? { mayBeInvited: 'on' } : {}),
  });

  it('withdrawing consent to invite ends every link of theirs to meetings not yet held, takes back their unsent emails, and says so', async () => {
    const { personId, member } = await personWithMember();
    const first = await bookWithIvy(personId, member.id);
    const second = await bookWithIvy(personId, member.id);
    expect((await openLink(first.ivy.id)).status).toBe(200);
    expect(await database.db.select().from(outbox).where(eq(outbox.invitationId, first.ivy.id))).toHaveLength(1);

    const result = await run(updateNetworkMemberAction(idle, form(memberFields(personId, member.id, false))));
    expect(result.ok).toBe(false);
    expect(result.state?.status).toBe('success');
    expect(result.state?.message).toBe(
      'Saved. Ivy’s links to 2 meetings no longer work, and 2 emails still waiting to go were withdrawn.',
    );

    for (const meeting of [first, second]) {
      const page = await openLink(meeting.ivy.id);
      expect(page.status).toBe(404);
      expect(page.body).toContain('This link no longer works');
      expect(page.body).not.toContain('Robin');
      expect(await database.db.select().from(outbox).where(eq(outbox.invitationId, meeting.ivy.id))).toHaveLength(0);
    }
    // The person's own invitations are untouched.
    const live = await database.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.meetingId, first.meeting.id), isNull(invitations.revokedAt)));
    expect(live.map((i) => i.personId)).toEqual([personId]);
    // Saving again with nothing left to stop goes back to the network as usual.
    expect(await run(updateNetworkMemberAction(idle, form(memberFields(personId, member.id, false))))).toMatchObject({
      ok: true,
      redirect: `/people/${personId}#network`,
    });
  });

  it('taking someone off the network ends their links too', async () => {
    const { personId, member } = await personWithMember();
    const { ivy } = await bookWithIvy(personId, member.id);
    const result = await run(
      setNetworkMemberActiveAction(idle, form({ personId, memberId: member.id, active: 'false' })),
    );
    expect(result.state?.message).toContain(
      'Their link to 1 meeting no longer works, and 1 email still waiting to go was withdrawn.',
    );
    expect((await openLink(ivy.id)).status).toBe(404);
  });

  it('discharging cancels the meetings still to come, telling everyone invited, and their links say so', async () => {
    const { personId, member } = await personWithMember();
    const { meeting, ivy } = await bookWithIvy(personId, member.id);
    const result = await run(changeStatusAction(idle, form({ personId, status: 'discharged' })));
    expect(result.state?.message).toBe(
      'Discharged. Their booked meeting is cancelled, and everyone invited is told. The record stays, and they can be referred again.',
    );
    const [after] = await database.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(after).toMatchObject({ status: 'cancelled', statusReason: 'Discharged' });
    const busy = await database.db
      .select()
      .from(meetingPractitioners)
      .where(eq(meetingPractitioners.meetingId, meeting.id));
    expect(busy.every((b) => !b.active)).toBe(true);
    const notices = await database.db
      .select({ key: outbox.dedupeKey })
      .from(outbox)
      .where(eq(outbox.meetingId, meeting.id));
    expect(notices.map((n) => n.key)).toEqual(expect.arrayContaining([`cancelled:${ivy.id}:1`]));
    expect((await openLink(ivy.id)).body).toMatch(/cancelled/i);
    // Nothing more can be booked for them until they are referred again.
    const after2 = await run(
      bookMeetingAction(
        idle,
        form({
          personId,
          kind: 'network',
          duration: '60',
          location: 'phone',
          required: a,
          start: nextTime().toISOString(),
        }),
      ),
    );
    expect(after2.state?.message).toMatch(/discharged, so no meeting can be booked/);
  });

  it('a practitioner whose access is off is no longer offered or booked, and stops counting in the core team', async () => {
    const { personId } = await personWithMember();
    const gone = (await makeUser(database.db, { teamId, name: 'Gil Gone', discipline: 'peer_support_worker' })).id;
    await database.db
      .insert(workingPatterns)
      .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ userId: gone, weekday, startMinute: 0, endMinute: 1440 })));
    await database.db.insert(coreTeamAssignments).values([
      { personId, userId: a, role: 'lead', startsOn: '2026-01-01' },
      { personId, userId: gone, role: 'peer', startsOn: '2026-01-01' },
    ]);
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone));
    const refused = await run(
      bookMeetingAction(
        idle,
        form({
          personId,
          kind: 'network',
          duration: '60',
          location: 'phone',
          required: `${a},${gone}`,
          start: nextTime().toISOString(),
        }),
      ),
    );
    expect(refused.state?.fieldErrors?.required).toEqual(['Choose practitioners from the team']);
    // Welcome to join but no longer able to: simply left out, never blocking the booking.
    const withOptional = await run(
      bookMeetingAction(
        idle,
        form({
          personId,
          kind: 'network',
          duration: '60',
          location: 'phone',
          required: a,
          optional: gone,
          start: nextTime().toISOString(),
        }),
      ),
    );
    expect(withOptional).toMatchObject({ ok: true, redirect: `/people/${personId}?booked=1&without=${gone}` });
    const { coreTeamHistory } = await import('@/db/queries/core-team');
    const { coreTeamWarnings } = await import('@/lib/people/core-team');
    expect(coreTeamWarnings(await coreTeamHistory(database.db, personId))).toEqual([
      'fewer_than_two',
      'no_peer_worker',
      'access_off',
    ]);
  });
});
