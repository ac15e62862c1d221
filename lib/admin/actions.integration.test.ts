import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addAbsenceAction, removeAbsenceAction } from '@/app/(app)/admin/practitioners/[userId]/absences/actions';
import { saveWorkingPatternAction } from '@/app/(app)/admin/practitioners/[userId]/working-pattern/actions';
import {
  addMembershipAction,
  addPractitionerAction,
  newLinkAction,
  removeMembershipAction,
  setAccessAction,
  setLeadAction,
  updateDetailsAction,
} from '@/app/(app)/admin/practitioners/actions';
import { createTeamAction, updateTeamAction } from '@/app/(app)/admin/teams/actions';
import { setPasswordAction } from '@/app/(auth)/welcome/[token]/actions';
import { formData as form } from '@/db/testing/form-data';
import { idle, type FormState } from '@/lib/actions/form-state';
import { verifyCredentials } from '@/lib/auth/sign-in';
import type { Db } from '@/db/client';
import { findPractitioner } from '@/db/queries/practitioners';
import { findTeam } from '@/db/queries/teams';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { absencesOf, workingPatternOf } from '@/db/queries/working-time';
import { absences, auditEvents, meetingPractitioners, teams, users } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';

/**
 * The administration actions themselves, as the browser calls them, with the session and the
 * request swapped for the test's: who may run them, what they refuse, what they record.
 */
const current = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => current.user }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(current)));
vi.mock('next/headers', () =>
  import('@/db/testing/next-mocks').then((m) => m.headers({ 'x-forwarded-for': '203.0.113.7' })),
);
vi.mock('@/lib/admin/public-url', () => ({ publicUrl: async (path: string) => `https://meetings.test${path}` }));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Runs an action; a redirect (thrown by Next) comes back as its address. */
async function run(action: Action, fields: Record<string, string>): Promise<FormState & { redirectedTo?: string }> {
  try {
    return await action(idle, form(fields));
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (digest?.startsWith('NEXT_REDIRECT')) return { status: 'success', redirectedTo: digest.split(';')[2] };
    throw error;
  }
}

describe.each(engines)('administration actions on %s', (engine) => {
  let database: TestDatabase;
  let db: Db;
  let admin: SessionUser;
  let practitioner: SessionUser;
  let team: { id: string };
  let subject: { id: string };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    db = database.db;
    current.db = db;
    team = await makeTeam(db, 'Riverside');
    admin = (await findSessionUser(db, (await makeUser(db, { role: 'admin', name: 'Jo Admin', teamId: team.id })).id))!;
    practitioner = (await findSessionUser(
      db,
      (await makeUser(db, { name: 'Alex Practitioner', teamId: team.id })).id,
    ))!;
    subject = await makeUser(db, { name: 'Sam Subject', teamId: team.id, timeZone: 'Europe/London' });
  });
  afterAll(async () => {
    await database?.close();
  });

  async function auditCount(actorId: string) {
    return (await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.actorId, actorId))).length;
  }

  it('refuses every administration action to a practitioner, changing and recording nothing', async () => {
    const other = await makeTeam(db, 'Other Team');
    const absence = await db
      .insert(absences)
      .values({
        userId: subject.id,
        startsAt: new Date('2030-01-01T00:00:00Z'),
        endsAt: new Date('2030-01-02T00:00:00Z'),
        reason: 'leave',
      })
      .returning({ id: absences.id });
    const teamFields = {
      name: 'Sneaky Team',
      timeZone: 'Europe/London',
      travelBufferMinutes: '30',
      reminderHours: '24',
      minimumNoticeHours: '2',
      recordLinkDays: '90',
      firstMeetingHours: '24',
      meetingGapDays: '14',
      signWithinDays: '3',
    };
    const attempts: [string, Action, Record<string, string>][] = [
      ['create a team', createTeamAction, teamFields],
      ['change a team', updateTeamAction, { ...teamFields, teamId: team.id }],
      [
        'add a practitioner',
        addPractitionerAction,
        {
          name: 'Eve',
          email: 'eve@example.org',
          discipline: 'nurse',
          role: 'admin',
          timeZone: 'Europe/London',
          teamIds: team.id,
        },
      ],
      ['make a new link', newLinkAction, { userId: subject.id }],
      [
        'change details',
        updateDetailsAction,
        {
          userId: practitioner.id,
          name: 'Alex',
          email: 'alex@example.org',
          discipline: 'nurse',
          role: 'admin',
          timeZone: 'UTC',
        },
      ],
      ['turn off access', setAccessAction, { userId: subject.id, access: 'disable' }],
      ['add to a team', addMembershipAction, { userId: practitioner.id, teamId: other.id, lead: 'on' }],
      ['make a lead', setLeadAction, { userId: practitioner.id, teamId: team.id, lead: 'true' }],
      ['remove from a team', removeMembershipAction, { userId: subject.id, teamId: team.id }],
      [
        'save a working pattern',
        saveWorkingPatternAction,
        { userId: subject.id, 'w-1-0-start': '09:00', 'w-1-0-end': '10:00' },
      ],
      [
        'add an absence',
        addAbsenceAction,
        { userId: subject.id, reason: 'leave', firstDay: '2031-01-01', lastDay: '2031-01-02' },
      ],
      ['remove an absence', removeAbsenceAction, { userId: subject.id, absenceId: absence[0]!.id }],
    ];
    current.user = practitioner;
    for (const [what, action, fields] of attempts) {
      const state = await run(action, fields);
      expect(state, what).toMatchObject({ status: 'error', message: expect.stringMatching(/could not find that/) });
    }
    expect(await auditCount(practitioner.id)).toBe(0);
    expect((await db.select().from(teams).where(eq(teams.name, 'Sneaky Team'))).length).toBe(0);
    expect((await db.select().from(users).where(eq(users.email, 'eve@example.org'))).length).toBe(0);
    expect(await findPractitioner(db, practitioner.id)).toMatchObject({
      role: 'practitioner',
      memberships: [{ teamId: team.id, lead: false }],
    });
    expect((await findPractitioner(db, subject.id))?.disabledAt).toBeNull();
    expect(await workingPatternOf(db, subject.id)).toEqual([]);
    expect((await absencesOf(db, subject.id, new Date(0))).map((a) => a.id)).toEqual([absence[0]!.id]);
  });

  it('asks the signed-out to sign in', async () => {
    current.user = undefined;
    expect(await run(createTeamAction, { name: 'X' })).toMatchObject({
      status: 'error',
      message: 'Please sign in to continue.',
    });
  });

  it('creates a team and goes to it; a name in use is refused beside the field with the typed values kept', async () => {
    current.user = admin;
    const fields = {
      name: 'Harbour Team',
      timeZone: 'europe/dublin',
      travelBufferMinutes: '20',
      reminderHours: '48',
      minimumNoticeHours: '4',
      recordLinkDays: '60',
      firstMeetingHours: '48',
      meetingGapDays: '21',
      signWithinDays: '5',
    };
    const created = await run(createTeamAction, fields);
    const id = created.redirectedTo?.match(/\/admin\/teams\/([0-9a-f-]{36})\?saved=created$/)?.[1];
    expect(id).toBeDefined();
    expect(await findTeam(db, id!)).toMatchObject({
      name: 'Harbour Team',
      timeZone: 'Europe/Dublin',
      reminderHours: 48,
      recordLinkDays: 60,
      meetingGapDays: 21,
    });

    const again = await run(createTeamAction, { ...fields, name: 'harbour team' });
    expect(again.fieldErrors?.name?.[0]).toMatch(/already a team called/);
    expect(again.values).toMatchObject({ name: 'harbour team', travelBufferMinutes: '20' });

    const bad = await run(updateTeamAction, { ...fields, teamId: id!, name: '', timeZone: 'Mars/Base' });
    expect(bad.fieldErrors).toMatchObject({
      name: ['Enter the team’s name.'],
      timeZone: [expect.stringMatching(/time zone/)],
    });
    expect(bad.values?.timeZone).toBe('Mars/Base');
  });

  it('invites a practitioner whose link works once on the welcome page, then signs them in', async () => {
    current.user = admin;
    const invited = await run(addPractitionerAction, {
      name: 'Robin Ellis',
      email: ' Robin.Ellis@Example.org',
      discipline: 'peer_support_worker',
      role: 'practitioner',
      timeZone: 'Europe/London',
      teamIds: team.id,
    });
    expect(invited.status).toBe('success');
    const link = invited.data?.link;
    expect(link).toMatch(/^https:\/\/meetings\.test\/welcome\/[A-Za-z0-9_-]{43}$/);
    const token = link!.split('/').pop()!;
    const robin = await findPractitioner(db, invited.data!.userId!);
    expect(robin).toMatchObject({
      email: 'robin.ellis@example.org',
      status: 'invited',
      memberships: [{ teamId: team.id }],
    });

    const duplicate = await run(addPractitionerAction, {
      name: 'Robin Again',
      email: 'robin.ellis@example.org',
      discipline: 'nurse',
      role: 'practitioner',
      timeZone: 'Europe/London',
      teamIds: team.id,
    });
    expect(duplicate.fieldErrors?.email?.[0]).toMatch(/already has an account/);

    // The public page needs no session.
    current.user = undefined;
    const mismatch = await run(setPasswordAction, {
      token,
      password: 'a very long password',
      confirm: 'a very long passwort',
    });
    expect(mismatch.fieldErrors?.confirm).toBeDefined();
    const saved = await run(setPasswordAction, {
      token,
      password: 'a very long password',
      confirm: 'a very long password',
    });
    expect(saved).toMatchObject({ status: 'success', data: { email: 'robin.ellis@example.org' } });
    expect(await verifyCredentials(db, 'robin.ellis@example.org', 'a very long password')).toMatchObject({
      id: robin!.id,
    });
    const twice = await run(setPasswordAction, {
      token,
      password: 'another long password',
      confirm: 'another long password',
    });
    expect(twice).toMatchObject({ status: 'error', message: expect.stringMatching(/no longer works/) });
    expect(await verifyCredentials(db, 'robin.ellis@example.org', 'a very long password')).not.toBeNull();
    expect((await findPractitioner(db, robin!.id))?.status).toBe('active');
  });

  it('refuses to let an administrator turn off their own access or drop their own role', async () => {
    current.user = admin;
    expect(await run(setAccessAction, { userId: admin.id, access: 'disable' })).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/your own access/),
    });
    const demoted = await run(updateDetailsAction, {
      userId: admin.id,
      name: admin.name,
      email: admin.email,
      discipline: 'psychiatrist',
      role: 'practitioner',
      timeZone: 'Europe/London',
    });
    expect(demoted.fieldErrors?.role?.[0]).toMatch(/your own administrator role/);
    expect((await findPractitioner(db, admin.id))?.disabledAt).toBeNull();
  });

  it('turns another person’s access off and on, recording both', async () => {
    current.user = admin;
    const person = await makeUser(db, { name: 'Taylor Off' });
    expect(await run(setAccessAction, { userId: person.id, access: 'disable' })).toMatchObject({
      status: 'success',
      message: 'Taylor Off can no longer sign in.',
    });
    expect((await findPractitioner(db, person.id))?.status).toBe('disabled');
    expect((await run(newLinkAction, { userId: person.id })).status).toBe('error');
    expect(await run(setAccessAction, { userId: person.id, access: 'enable' })).toMatchObject({ status: 'success' });
    const trail = await db
      .select({ action: auditEvents.action, origin: auditEvents.origin })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, person.id));
    expect(trail).toEqual([
      { action: 'deactivate', origin: '203.0.113.7' },
      { action: 'reactivate', origin: '203.0.113.7' },
    ]);
  });

  it('changes memberships and the lead flag', async () => {
    current.user = admin;
    const other = await makeTeam(db, 'Hillside');
    const person = await makeUser(db, { teamId: team.id });
    expect(await run(addMembershipAction, { userId: person.id, teamId: other.id, lead: 'on' })).toMatchObject({
      status: 'success',
      message: 'Added to Hillside as a lead.',
    });
    expect(await run(setLeadAction, { userId: person.id, teamId: other.id, lead: 'false' })).toMatchObject({
      status: 'success',
    });
    expect(await run(removeMembershipAction, { userId: person.id, teamId: team.id })).toMatchObject({
      status: 'success',
    });
    expect((await findPractitioner(db, person.id))?.memberships).toEqual([
      { teamId: other.id, teamName: 'Hillside', lead: false },
    ]);
    expect((await run(setLeadAction, { userId: person.id, teamId: team.id, lead: 'true' })).status).toBe('error');
  });

  it('saves a working pattern, and refuses overlapping windows beside the field with the typed times kept', async () => {
    current.user = admin;
    const saved = await run(saveWorkingPatternAction, {
      userId: subject.id,
      'w-5-0-start': '09:00',
      'w-5-0-end': '12:30',
      'w-5-1-start': '13:30',
      'w-5-1-end': '16:00',
    });
    expect(saved.status).toBe('success');
    expect(await workingPatternOf(db, subject.id)).toEqual([
      { weekday: 5, startMinute: 540, endMinute: 750 },
      { weekday: 5, startMinute: 810, endMinute: 960 },
    ]);
    const overlapping = await run(saveWorkingPatternAction, {
      userId: subject.id,
      'w-5-0-start': '09:00',
      'w-5-0-end': '14:00',
      'w-5-1-start': '13:30',
      'w-5-1-end': '16:00',
    });
    expect(overlapping.fieldErrors?.['w-5-1-start']?.[0]).toMatch(/overlaps 09:00–14:00/);
    expect(overlapping.values?.['w-5-0-end']).toBe('14:00');
    expect(await workingPatternOf(db, subject.id)).toHaveLength(2);
  });

  it('adds an absence in the practitioner’s zone, and refuses an overlapping one beside the first day, keeping what was typed', async () => {
    current.user = admin;
    const newYorker = await makeUser(db, { timeZone: 'America/New_York' });
    const added = await run(addAbsenceAction, {
      userId: newYorker.id,
      reason: 'leave',
      firstDay: '2026-08-03',
      lastDay: '2026-08-07',
      note: 'Summer',
    });
    expect(added).toMatchObject({
      status: 'success',
      message: expect.stringMatching(/Leave for .* Mon 3 Aug – Fri 7 Aug 2026/),
    });
    const [stored] = await absencesOf(db, newYorker.id, new Date(0));
    expect(stored).toMatchObject({
      startsAt: new Date('2026-08-03T04:00:00Z'),
      endsAt: new Date('2026-08-08T04:00:00Z'),
      note: 'Summer',
    });

    const clash = await run(addAbsenceAction, {
      userId: newYorker.id,
      reason: 'training',
      firstDay: '2026-08-07',
      lastDay: '2026-08-10',
      note: 'Course',
    });
    expect(clash.status).toBe('error');
    expect(clash.fieldErrors?.firstDay?.[0]).toBe(
      'These dates overlap an absence already recorded: leave, Mon 3 Aug – Fri 7 Aug 2026. Choose other dates, or change that absence first.',
    );
    expect(clash.values).toMatchObject({
      reason: 'training',
      firstDay: '2026-08-07',
      lastDay: '2026-08-10',
      note: 'Course',
    });

    const backwards = await run(addAbsenceAction, {
      userId: newYorker.id,
      reason: 'sickness',
      firstDay: '2026-09-10',
      lastDay: '2026-09-09',
    });
    expect(backwards.fieldErrors?.lastDay?.[0]).toMatch(/cannot be before the first day/);

    expect((await run(removeAbsenceAction, { userId: newYorker.id, absenceId: stored!.id })).status).toBe('success');
    expect(await absencesOf(db, newYorker.id, new Date(0))).toEqual([]);
    expect((await run(removeAbsenceAction, { userId: newYorker.id, absenceId: stored!.id })).status).toBe('error');
  });

  it('records leave over booked meetings all the same, and says who is away for which, each with the link to move it', async () => {
    current.user = admin;
    const hillside = await makeTeam(db, 'Hillside');
    const robin = await makePerson(db, team.id, { givenName: 'Robin' });
    const kit = await makePerson(db, hillside.id, { givenName: 'Katherine', preferredName: 'Kit' });
    // Booked before the leave: one on each team (an administrator hears of both), one Sam
    // comes to only if free, and ones that do not count: cancelled, and the day after.
    const tuesday = await makeMeeting(db, {
      teamId: team.id,
      personId: robin.id,
      userIds: [subject.id, practitioner.id],
      startsAt: new Date('2031-03-04T10:00:00Z'),
    });
    const wednesday = await makeMeeting(db, {
      teamId: hillside.id,
      personId: kit.id,
      userIds: [subject.id],
      startsAt: new Date('2031-03-05T14:30:00Z'),
      minutes: 90,
    });
    const ifFree = await makeMeeting(db, {
      teamId: team.id,
      personId: robin.id,
      userIds: [practitioner.id, subject.id],
      startsAt: new Date('2031-03-06T09:00:00Z'),
    });
    await db
      .update(meetingPractitioners)
      .set({ role: 'optional' })
      .where(and(eq(meetingPractitioners.meetingId, ifFree.id), eq(meetingPractitioners.userId, subject.id)));
    await makeMeeting(db, {
      teamId: team.id,
      personId: robin.id,
      userIds: [subject.id],
      startsAt: new Date('2031-03-04T14:00:00Z'),
      status: 'cancelled',
    });
    await makeMeeting(db, {
      teamId: team.id,
      personId: robin.id,
      userIds: [subject.id],
      startsAt: new Date('2031-03-08T00:00:00Z'),
    });

    const added = await run(addAbsenceAction, {
      userId: subject.id,
      reason: 'leave',
      firstDay: '2031-03-03',
      lastDay: '2031-03-07',
    });
    expect(added).toMatchObject({
      status: 'success',
      message:
        'Leave for Sam Subject, Mon 3 Mar – Fri 7 Mar 2031, is recorded. Sam is away for 3 booked meetings. Move them, or change who comes from the team.',
    });
    expect(added.links).toEqual([
      { href: `/people/${robin.id}/meetings/${tuesday.id}`, text: 'Tuesday 4 March 2031, 10:00–11:00 GMT, with Robin' },
      { href: `/people/${kit.id}/meetings/${wednesday.id}`, text: 'Wednesday 5 March 2031, 14:30–16:00 GMT, with Kit' },
      {
        href: `/people/${robin.id}/meetings/${ifFree.id}`,
        text: 'Thursday 6 March 2031, 09:00–10:00 GMT, with Robin (Sam was coming only if free)',
      },
    ]);
    // The absence is saved, and the meetings stay booked until someone moves them.
    expect((await absencesOf(db, subject.id, new Date('2031-01-01T00:00:00Z'))).map((a) => a.startsAt)).toEqual([
      new Date('2031-03-03T00:00:00Z'),
    ]);

    // Days with nothing booked: the plain message, and nothing to show beside it.
    const quiet = await run(addAbsenceAction, {
      userId: subject.id,
      reason: 'training',
      firstDay: '2031-04-01',
      lastDay: '2031-04-01',
    });
    expect(quiet).toMatchObject({
      status: 'success',
      message: 'Training for Sam Subject, Tue 1 Apr 2031, is recorded.',
    });
    expect(quiet.links).toBeUndefined();
  });
});
