import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { meetingAttendance, meetingRecords, meetings } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData as form } from '@/db/testing/form-data';
import { idle, type FormState } from '@/lib/actions/form-state';

/** The record's forms, through the app's own actions: each checks who is asking, and keeps what was typed. */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
vi.mock('next/headers', () => import('@/db/testing/next-mocks').then((m) => m.headers()));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));

const { recordAttendanceAction, saveRecordAction } =
  await import('@/app/(app)/people/[id]/meetings/[meetingId]/record/actions');

async function run(action: Promise<FormState>): Promise<{ ok: boolean; redirect?: string; state?: FormState }> {
  try {
    return { ok: false, state: await action };
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('redirect:')) return { ok: true, redirect: message.slice(9) };
    throw error;
  }
}

describe.each(engines)('record actions on %s', (engine) => {
  let database: TestDatabase;
  let insider: SessionUser;
  let outsider: SessionUser;
  let personId: string;
  let meetingId: string;
  let fields: Record<string, string>;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    session.db = database.db;
    const { db } = database;
    const team = await makeTeam(db);
    const other = await makeTeam(db);
    const alex = await makeUser(db, { teamId: team.id, name: 'Alex Morgan' });
    const stranger = await makeUser(db, { teamId: other.id, name: 'Someone Else' });
    insider = (await findSessionUser(db, alex.id))!;
    outsider = (await findSessionUser(db, stranger.id))!;
    personId = (await makePerson(db, team.id)).id;
    meetingId = (
      await makeMeeting(db, {
        teamId: team.id,
        personId,
        userIds: [alex.id],
        startsAt: new Date(Date.now() - 2 * 3_600_000),
      })
    ).id;
    fields = { personId, meetingId, outcome: 'held', reason: '', [`presence.u:${alex.id}`]: 'came' };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('refuses a practitioner of another team as if the person did not exist', async () => {
    session.user = outsider;
    const attendance = await run(recordAttendanceAction(idle, form(fields)));
    expect(attendance.state?.code).toBe('not_found');
    const save = await run(saveRecordAction(idle, form({ personId, meetingId, basedOn: '0' })));
    expect(save.state?.code).toBe('not_found');
    expect(
      await database.db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)),
    ).toEqual([]);
  });

  it('names a missing answer beside its field and keeps the others as chosen', async () => {
    session.user = insider;
    const result = await run(recordAttendanceAction(idle, form({ ...fields, [`presence.u:${insider.id}`]: '' })));
    expect(result.state?.fieldErrors?.[`presence.u:${insider.id}`]).toEqual(['Choose how they were at the meeting']);
    expect(result.state?.values?.outcome).toBe('held');
  });

  it('marks it held, then saves a draft; a bad date comes back beside its field with everything typed', async () => {
    session.user = insider;
    expect((await run(recordAttendanceAction(idle, form(fields)))).redirect).toContain('attendance=1');
    const [meeting] = await database.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(meeting!.status).toBe('held');
    const typed = {
      personId,
      meetingId,
      basedOn: '0',
      [`voice.u:${insider.id}`]: 'A long account of the meeting in my own words.',
      'action.0.who': 'Sam',
      'action.0.what': 'Call the college',
      'action.0.byWhen': 'next week',
    };
    const bad = await run(saveRecordAction(idle, form(typed)));
    expect(bad.state?.fieldErrors?.['action.0.byWhen']).toEqual(['Use a date like 2027-03-14']);
    expect(bad.state?.values?.[`voice.u:${insider.id}`]).toBe('A long account of the meeting in my own words.');
    expect(await database.db.select().from(meetingRecords).where(eq(meetingRecords.meetingId, meetingId))).toEqual([]);
    const good = await run(saveRecordAction(idle, form({ ...typed, 'action.0.byWhen': '2027-03-14' })));
    expect(good.state?.status).toBe('success');
    expect(good.state?.message).toMatch(/^Saved at \d\d:\d\d \(version 1\)/);
  });
});
