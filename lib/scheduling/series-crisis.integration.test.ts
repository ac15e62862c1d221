import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { coreTeamAssignments, meetingPractitioners, meetings, teams, workingPatterns } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData as form } from '@/db/testing/form-data';
import { idle, type FormState } from '@/lib/actions/form-state';

/** Series, moving meetings (one or the rest of a series), and the crisis path, through the app's own actions. */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
vi.mock('next/headers', () => import('@/db/testing/next-mocks').then((m) => m.headers()));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));

const { bookMeetingAction, bookSeriesAction, rescheduleMeetingAction, cancelMeetingAction, bookCrisisAction } =
  await import('@/app/(app)/people/[id]/meetings/actions');

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Runs an action; a redirect means it succeeded. */
async function run(action: Promise<FormState>): Promise<{ ok: boolean; redirect?: string; state?: FormState }> {
  try {
    return { ok: false, state: await action };
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('redirect:')) return { ok: true, redirect: message.slice(9) };
    throw error;
  }
}

describe.each(engines)('series, moving and the crisis path on %s', (engine) => {
  let database: TestDatabase;
  let teamId: string;
  let personId: string;
  let a: string;
  let b: string;
  let peer: string;
  let insider: SessionUser;
  let outsider: SessionUser;
  // Three days ahead at 10:00 UTC (the team works in UTC here, every hour of every day).
  const first = new Date(Math.ceil((Date.now() + 3 * DAY) / DAY) * DAY + 10 * HOUR);
  const at = (days: number, hours = 0) => new Date(first.getTime() + days * DAY + hours * HOUR);
  const seriesFields = () => ({
    personId,
    kind: 'network',
    duration: '60',
    location: 'clinic',
    locationDetail: 'Room 2',
    required: `${a},${b}`,
    repeat: 'weekly',
  });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    session.db = database.db;
    const { db } = database;
    const team = await makeTeam(db);
    teamId = team.id;
    await db.update(teams).set({ timeZone: 'UTC', minimumNoticeHours: 2 }).where(eq(teams.id, teamId));
    a = (await makeUser(db, { teamId, name: 'Ada Clinician', discipline: 'nurse' })).id;
    b = (await makeUser(db, { teamId, name: 'Bea Therapist', discipline: 'psychologist' })).id;
    peer = (await makeUser(db, { teamId, name: 'Pat Peer', discipline: 'peer_support_worker' })).id;
    for (const userId of [a, b, peer]) {
      await db
        .insert(workingPatterns)
        .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ userId, weekday, startMinute: 0, endMinute: 1440 })));
    }
    personId = (await makePerson(db, teamId)).id;
    insider = (await findSessionUser(db, a))!;
    const other = await makeTeam(db);
    outsider = (await findSessionUser(db, (await makeUser(db, { teamId: other.id })).id))!;
    session.user = insider;
    // Bea is already busy at the time of the second weekly meeting.
    await makeMeeting(db, { teamId, personId: (await makePerson(db, teamId)).id, userIds: [b], startsAt: at(7) });
  });
  afterAll(async () => {
    await database?.close();
  });

  const seriesRows = () =>
    database.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.personId, personId), eq(meetings.kind, 'network')))
      .orderBy(asc(meetings.startsAt));

  it('refuses to save a series while one occurrence still clashes, and saves nothing', async () => {
    const occurrences = [0, 7, 14, 21].map((d) => at(d).toISOString());
    const result = await run(
      bookSeriesAction(
        idle,
        form({ ...seriesFields(), ...Object.fromEntries(occurrences.map((s, i) => [`occurrence-${i}`, s])) }),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.state?.message).toMatch(/no longer free.*Bea Therapist is in another meeting/);
    expect(result.state?.values?.locationDetail).toBe('Room 2');
    expect(await seriesRows()).toHaveLength(0);
  });

  it('books the series with the clashing one moved to an alternative, as one series', async () => {
    const result = await run(
      bookSeriesAction(
        idle,
        form({
          ...seriesFields(),
          'occurrence-0': at(0).toISOString(),
          'occurrence-1': at(7, 2).toISOString(),
          'occurrence-2': at(14).toISOString(),
          'occurrence-3': at(21).toISOString(),
        }),
      ),
    );
    expect(result).toMatchObject({ ok: true, redirect: `/people/${personId}?booked=4` });
    const rows = await seriesRows();
    expect(rows.map((r) => r.startsAt.toISOString())).toEqual(
      [at(0), at(7, 2), at(14), at(21)].map((d) => d.toISOString()),
    );
    expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);
    expect(rows[0]!.seriesId).not.toBeNull();
  });

  it('leaves out an occurrence marked skip, and needs at least one kept', async () => {
    const other = (await makePerson(database.db, teamId)).id;
    const none = await run(
      bookSeriesAction(
        idle,
        form({ ...seriesFields(), personId: other, 'occurrence-0': 'skip', 'occurrence-1': 'skip' }),
      ),
    );
    expect(none.state?.fieldErrors?.starts).toEqual(['Keep at least one meeting of the series']);
    const kept = await run(
      bookSeriesAction(
        idle,
        form({
          ...seriesFields(),
          personId: other,
          'occurrence-0': at(1).toISOString(),
          'occurrence-1': 'skip',
          'occurrence-2': at(16).toISOString(),
        }),
      ),
    );
    expect(kept).toMatchObject({ ok: true, redirect: `/people/${other}?booked=2` });
  });

  it('moves one meeting by half an hour, over its own old time, and bumps its sequence', async () => {
    const [firstRow] = await seriesRows();
    const result = await run(
      rescheduleMeetingAction(
        idle,
        form({ ...seriesFields(), meetingId: firstRow!.id, scope: 'one', start: at(0, 0.5).toISOString() }),
      ),
    );
    expect(result).toMatchObject({ ok: true, redirect: `/people/${personId}/meetings/${firstRow!.id}?moved=1` });
    const [moved] = await database.db.select().from(meetings).where(eq(meetings.id, firstRow!.id));
    expect(moved).toMatchObject({ startsAt: at(0, 0.5), sequence: 1 });
    const busy = await database.db
      .select()
      .from(meetingPractitioners)
      .where(eq(meetingPractitioners.meetingId, firstRow!.id));
    expect(busy.map((p) => p.busyFrom.toISOString())).toEqual([at(0, 0.5).toISOString(), at(0, 0.5).toISOString()]);
  });

  it('moves the rest of the series by the same change, or nothing when one of them would clash', async () => {
    const rows = await seriesRows();
    // From the third meeting on, one day later: the fourth would land on Ada's other meeting.
    const blocker = await makeMeeting(database.db, {
      teamId,
      personId: (await makePerson(database.db, teamId)).id,
      userIds: [a],
      startsAt: at(22),
    });
    const clash = await run(
      rescheduleMeetingAction(
        idle,
        form({ ...seriesFields(), meetingId: rows[2]!.id, scope: 'rest', start: at(15).toISOString() }),
      ),
    );
    expect(clash.ok).toBe(false);
    expect(clash.state?.message).toMatch(/cannot all move.*Ada Clinician is in another meeting.*Nothing was changed/);
    expect((await seriesRows()).map((r) => r.startsAt.getTime())).toEqual(rows.map((r) => r.startsAt.getTime()));
    await database.db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, blocker.id));
    const moved = await run(
      rescheduleMeetingAction(
        idle,
        form({ ...seriesFields(), meetingId: rows[2]!.id, scope: 'rest', start: at(15).toISOString() }),
      ),
    );
    expect(moved).toMatchObject({ ok: true, redirect: `/people/${personId}/meetings/${rows[2]!.id}?moved=2` });
    const after = await seriesRows();
    expect(after.map((r) => r.startsAt.toISOString())).toEqual(
      [at(0, 0.5), at(7, 2), at(15), at(22)].map((d) => d.toISOString()),
    );
    expect(after.map((r) => r.sequence)).toEqual([1, 0, 1, 1]);
  });

  const rowsOf = (who: string) =>
    database.db.select().from(meetings).where(eq(meetings.personId, who)).orderBy(asc(meetings.startsAt));
  const whoIsIn = async (meetingId: string) =>
    (
      await database.db
        .select({ userId: meetingPractitioners.userId })
        .from(meetingPractitioners)
        .where(eq(meetingPractitioners.meetingId, meetingId))
    )
      .map((r) => r.userId)
      .sort();

  it.each([
    ['daily', 1],
    ['weekly', 7],
  ] as const)(
    'moves the rest of a %s series on by one step, onto its own old times, as one change',
    async (repeat, step) => {
      const other = (await makePerson(database.db, teamId)).id;
      const days = [40, 40 + step, 40 + 2 * step];
      const booked = await run(
        bookSeriesAction(
          idle,
          form({
            ...seriesFields(),
            personId: other,
            repeat,
            ...Object.fromEntries(days.map((d, i) => [`occurrence-${i}`, at(d).toISOString()])),
          }),
        ),
      );
      expect(booked.ok).toBe(true);
      const rows = await rowsOf(other);
      const moved = await run(
        rescheduleMeetingAction(
          idle,
          form({
            ...seriesFields(),
            personId: other,
            repeat,
            meetingId: rows[0]!.id,
            scope: 'rest',
            start: at(40 + step).toISOString(),
          }),
        ),
      );
      expect(moved).toMatchObject({ ok: true, redirect: `/people/${other}/meetings/${rows[0]!.id}?moved=3` });
      expect((await rowsOf(other)).map((r) => r.startsAt.toISOString())).toEqual(
        days.map((d) => at(d + step).toISOString()),
      );
    },
  );

  it('adds only those welcome to join who are free at the time; the others are left out and named, when booking, in a series and when moving', async () => {
    const other = (await makePerson(database.db, teamId)).id;
    // Pat is busy on days 50, 55 and 67.
    for (const d of [50, 55, 67])
      await makeMeeting(database.db, {
        teamId,
        personId: (await makePerson(database.db, teamId)).id,
        userIds: [peer],
        startsAt: at(d),
      });
    const fields = { personId: other, kind: 'network', duration: '60', location: 'phone', required: a, optional: peer };

    const busy = await run(bookMeetingAction(idle, form({ ...fields, start: at(50).toISOString() })));
    expect(busy).toMatchObject({ ok: true, redirect: `/people/${other}?booked=1&without=${peer}` });
    const free = await run(bookMeetingAction(idle, form({ ...fields, start: at(51).toISOString() })));
    expect(free).toMatchObject({ ok: true, redirect: `/people/${other}?booked=1` });
    const [atBusy, atFree] = await rowsOf(other);
    expect(await whoIsIn(atBusy!.id)).toEqual([a]);
    expect(await whoIsIn(atFree!.id)).toEqual([a, peer].sort());

    const series = await run(
      bookSeriesAction(
        idle,
        form({
          ...fields,
          repeat: 'weekly',
          'occurrence-0': at(60).toISOString(),
          'occurrence-1': at(67).toISOString(),
        }),
      ),
    );
    expect(series).toMatchObject({ ok: true, redirect: `/people/${other}?booked=2&without=${peer}` });
    const [, , first, second] = await rowsOf(other);
    expect(await whoIsIn(first!.id)).toEqual([a, peer].sort());
    expect(await whoIsIn(second!.id)).toEqual([a]);

    // Moving the meeting Pat is in onto a time Pat is busy: it moves, without Pat.
    const moveBusy = await run(
      rescheduleMeetingAction(
        idle,
        form({ ...fields, meetingId: atFree!.id, scope: 'one', start: at(55).toISOString() }),
      ),
    );
    expect(moveBusy).toMatchObject({
      ok: true,
      redirect: `/people/${other}/meetings/${atFree!.id}?moved=1&without=${peer}`,
    });
    expect(await whoIsIn(atFree!.id)).toEqual([a]);
  });

  it('refuses another team moving or cancelling', async () => {
    const [row] = await seriesRows();
    session.user = outsider;
    const move = await run(
      rescheduleMeetingAction(
        idle,
        form({ ...seriesFields(), meetingId: row!.id, scope: 'one', start: at(2).toISOString() }),
      ),
    );
    expect(move.state?.message).toMatch(/could not find/);
    const cancel = await run(
      cancelMeetingAction(idle, form({ personId, meetingId: row!.id, reason: 'no', scope: 'rest' })),
    );
    expect(cancel.state?.message).toMatch(/could not find/);
    session.user = insider;
  });

  it('cancels a meeting and the rest of its series, leaving the earlier ones', async () => {
    const rows = await seriesRows();
    const result = await run(
      cancelMeetingAction(
        idle,
        form({ personId, meetingId: rows[1]!.id, reason: 'Robin is away for a month', scope: 'rest' }),
      ),
    );
    expect(result.ok).toBe(true);
    expect((await seriesRows()).map((r) => r.status)).toEqual(['scheduled', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('books a crisis meeting with the two chosen, who become the core team (peer worker as peer)', async () => {
    const newcomer = (await makePerson(database.db, teamId, { referralAt: new Date() })).id;
    const start = new Date(Date.now() + 3 * HOUR);
    start.setUTCMinutes(0, 0, 0);
    const option = `${start.toISOString()}|${peer},${b}`;
    const result = await run(
      bookCrisisAction(
        idle,
        form({ personId: newcomer, option, duration: '60', location: 'phone', makeCoreTeam: 'on' }),
      ),
    );
    expect(result).toMatchObject({ ok: true, redirect: `/people/${newcomer}?booked=1` });
    const [meeting] = await database.db.select().from(meetings).where(eq(meetings.personId, newcomer));
    expect(meeting).toMatchObject({ kind: 'crisis', startsAt: start, locationKind: 'phone' });
    const core = await database.db
      .select()
      .from(coreTeamAssignments)
      .where(and(eq(coreTeamAssignments.personId, newcomer), isNull(coreTeamAssignments.endsOn)));
    expect(core.map((c) => [c.userId, c.role]).sort()).toEqual(
      [
        [b, 'lead'],
        [peer, 'peer'],
      ].sort(),
    );
  });

  it('books a crisis meeting without changing the core team when unticked, and refuses another team', async () => {
    const newcomer = (await makePerson(database.db, teamId, { referralAt: new Date() })).id;
    const start = new Date(Date.now() + 5 * HOUR);
    start.setUTCMinutes(0, 0, 0);
    session.user = outsider;
    const refused = await run(
      bookCrisisAction(
        idle,
        form({ personId: newcomer, option: `${start.toISOString()}|${peer},${a}`, duration: '60', location: 'phone' }),
      ),
    );
    expect(refused.state?.message).toMatch(/could not find/);
    session.user = insider;
    const bad = await run(
      bookCrisisAction(idle, form({ personId: newcomer, option: 'tomorrow', duration: '60', location: 'clinic' })),
    );
    expect(bad.state?.fieldErrors).toMatchObject({
      option: ['Choose one of the times'],
      locationDetail: ['Say where, so everyone can find it'],
    });
    const result = await run(
      bookCrisisAction(
        idle,
        form({ personId: newcomer, option: `${start.toISOString()}|${peer},${a}`, duration: '60', location: 'phone' }),
      ),
    );
    expect(result.ok).toBe(true);
    expect(
      await database.db.select().from(coreTeamAssignments).where(eq(coreTeamAssignments.personId, newcomer)),
    ).toHaveLength(0);
  });
});
