import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { meetingPractitioners, meetings, workingPatterns } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData as form } from '@/db/testing/form-data';
import { idle } from '@/lib/actions/form-state';

/**
 * Double booking is impossible: many people booking the same practitioner at overlapping
 * times at once, through the app's own booking action, and exactly one succeeds.
 */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
vi.mock('next/headers', () => import('@/db/testing/next-mocks').then((m) => m.headers()));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));

const { bookMeetingAction, cancelMeetingAction } = await import('@/app/(app)/people/[id]/meetings/actions');

describe.each(engines)('booking on %s', (engine) => {
  let database: TestDatabase;
  let personId: string;
  let practitionerId: string;
  let outsiderSession: SessionUser;
  let insiderSession: SessionUser;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    session.db = database.db;
    const { db } = database;
    const team = await makeTeam(db);
    const practitioner = await makeUser(db, { teamId: team.id, name: 'Busy Bee' });
    practitionerId = practitioner.id;
    // Works around the clock, every day: only other meetings can get in the way.
    await db
      .insert(workingPatterns)
      .values(
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ userId: practitioner.id, weekday, startMinute: 0, endMinute: 1440 })),
      );
    personId = (await makePerson(db, team.id)).id;
    insiderSession = (await findSessionUser(db, practitioner.id))!;
    session.user = insiderSession;
    const other = await makeTeam(db);
    outsiderSession = (await findSessionUser(db, (await makeUser(db, { teamId: other.id })).id))!;
  });
  afterAll(async () => {
    await database?.close();
  });

  const tomorrow = new Date(Date.now() + 2 * 86_400_000);
  tomorrow.setUTCHours(10, 0, 0, 0);
  const attempt = (minutesLater: number) =>
    bookMeetingAction(
      idle,
      form({
        personId,
        kind: 'network',
        duration: '60',
        location: 'clinic',
        locationDetail: 'Room 3',
        required: practitionerId,
        start: new Date(tomorrow.getTime() + minutesLater * 60_000).toISOString(),
      }),
    ).then(
      (state) => ({ booked: false, state }),
      (error: Error) => ({ booked: error.message.startsWith('redirect:'), state: undefined }),
    );

  it('lets exactly one of 100 simultaneous overlapping bookings through; the others hear the time was just taken', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(i % 30)));
    expect(results.filter((r) => r.booked)).toHaveLength(1);
    const refused = results.filter((r) => !r.booked);
    expect(refused).toHaveLength(99);
    for (const r of refused) {
      expect(r.state?.status).toBe('error');
      expect(r.state?.message).toMatch(/just taken/);
      // What they typed comes back with the message.
      expect(r.state?.values?.locationDetail).toBe('Room 3');
    }
    const booked = await database.db
      .select()
      .from(meetingPractitioners)
      .where(eq(meetingPractitioners.userId, practitionerId));
    expect(booked).toHaveLength(1);
    const rows = await database.db.select().from(meetings).where(eq(meetings.personId, personId));
    expect(rows).toHaveLength(1);
  });

  it('books a later time after it, and refuses another team', async () => {
    expect((await attempt(90)).booked).toBe(true);
    session.user = outsiderSession;
    const refused = await attempt(300);
    expect(refused.booked).toBe(false);
    expect(refused.state?.message).toMatch(/could not find/);
  });

  it('cancels with a reason, for the team only, and frees the time for another booking', async () => {
    const [booked] = await database.db
      .select()
      .from(meetings)
      .where(eq(meetings.personId, personId))
      .orderBy(meetings.startsAt)
      .limit(1);
    session.user = outsiderSession;
    const refused = await cancelMeetingAction(idle, form({ personId, meetingId: booked!.id, reason: 'not mine' }));
    expect(refused.message).toMatch(/could not find/);
    session.user = insiderSession;
    const noReason = await cancelMeetingAction(idle, form({ personId, meetingId: booked!.id, reason: ' ' }));
    expect(noReason.fieldErrors?.reason).toEqual(['Say why, so the team and the network understand']);
    await expect(
      cancelMeetingAction(idle, form({ personId, meetingId: booked!.id, reason: 'Moved at their request' })),
    ).rejects.toThrow(/redirect:/);
    const [after] = await database.db.select().from(meetings).where(eq(meetings.id, booked!.id));
    expect(after).toMatchObject({ status: 'cancelled', statusReason: 'Moved at their request', sequence: 1 });
    expect(
      (await cancelMeetingAction(idle, form({ personId, meetingId: booked!.id, reason: 'again' }))).message,
    ).toMatch(/no longer booked/);
    // The same time can be booked again now.
    const minutes = (booked!.startsAt.getTime() - tomorrow.getTime()) / 60_000;
    expect((await attempt(minutes)).booked).toBe(true);
  });
});
