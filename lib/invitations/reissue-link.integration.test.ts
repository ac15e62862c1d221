import { and, eq, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { auditEvents, invitations, meetings, networkMembers, outbox, teams, workingPatterns } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData as form } from '@/db/testing/form-data';
import { idle, type FormState } from '@/lib/actions/form-state';
import { AppError } from '@/lib/errors/app-error';
import { invitationLinkMarker } from './link-marker';
import { reissueLink } from './reissue-link';
import { tokenFor } from './token';

/** A turned-off link replaced by a new one: the old stays dead, the new opens, one live link per invitee. */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
vi.mock('next/headers', () => import('@/db/testing/next-mocks').then((m) => m.headers()));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));

const { bookMeetingAction, cancelMeetingAction, revokeLinkAction } =
  await import('@/app/(app)/people/[id]/meetings/actions');
const { reissueLinkAction } = await import('@/app/(app)/people/[id]/meetings/link-actions');
const invitePage = await import('@/app/invite/[token]/route');

const DAY = 86_400_000;
const HOUR = 3_600_000;

async function run(action: Promise<FormState>): Promise<{ redirectedTo?: string; state?: FormState }> {
  try {
    return { state: await action };
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('redirect:')) return { redirectedTo: message.slice('redirect:'.length) };
    throw error;
  }
}

const get = (token: string, ip: string) =>
  invitePage.GET(new Request(`http://localhost/invite/${token}`, { headers: { 'x-forwarded-for': ip } }), {
    params: Promise.resolve({ token }),
  });

describe.each(engines)('sending a new link on %s', (engine) => {
  let database: TestDatabase;
  let personId: string;
  let practitioner: string;
  let mum: string;
  let friend: string;
  let meetingId: string;
  let teamId: string;
  let insider: SessionUser;
  let outsider: SessionUser;
  const start = new Date(Math.ceil((Date.now() + 3 * DAY) / DAY) * DAY + 10 * HOUR);

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    session.db = database.db;
    const { db } = database;
    const team = await makeTeam(db);
    teamId = team.id;
    await db.update(teams).set({ timeZone: 'Europe/London', name: 'Riverside team' }).where(eq(teams.id, team.id));
    practitioner = (await makeUser(db, { teamId: team.id, name: 'Alex Morgan' })).id;
    await db
      .insert(workingPatterns)
      .values(
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ userId: practitioner, weekday, startMinute: 0, endMinute: 1440 })),
      );
    personId = (await makePerson(db, team.id, { givenName: 'Robin', email: 'robin@example.org' })).id;
    const member = (values: Partial<typeof networkMembers.$inferInsert>) =>
      db
        .insert(networkMembers)
        .values({
          personId,
          givenName: 'X',
          relationship: 'friend',
          kind: 'friend',
          closeness: 'inner',
          mayBeInvited: true,
          ...values,
        })
        .returning({ id: networkMembers.id });
    mum = (await member({ givenName: 'Maria', relationship: 'parent', kind: 'family', email: 'maria@example.org' }))[0]!
      .id;
    friend = (await member({ givenName: 'Finn', email: 'finn@example.org' }))[0]!.id;
    insider = (await findSessionUser(db, practitioner))!;
    outsider = (await findSessionUser(db, (await makeUser(db, { teamId: (await makeTeam(db)).id })).id))!;
    session.user = insider;
    const booked = await run(
      bookMeetingAction(
        idle,
        form({
          personId,
          kind: 'network',
          duration: '60',
          location: 'phone',
          required: practitioner,
          start: start.toISOString(),
          invite: ['person', mum, friend],
        }),
      ),
    );
    expect(booked.state).toBeUndefined();
    meetingId = (await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.personId, personId)))[0]!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const invitationsOf = (who: { memberId?: string; person?: true }) =>
    database.db
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.meetingId, meetingId),
          who.memberId ? eq(invitations.networkMemberId, who.memberId) : eq(invitations.personId, personId),
        ),
      )
      .orderBy(invitations.createdAt);
  const revoke = async (invitationId: string) =>
    expect((await run(revokeLinkAction(idle, form({ personId, meetingId, invitationId })))).state?.status).toBe(
      'success',
    );
  const reissue = (invitationId: string) => run(reissueLinkAction(idle, form({ personId, meetingId, invitationId })));

  it('sends a new link to someone whose link was turned off: the old one stays dead, the new one opens', async () => {
    const [old] = await invitationsOf({ memberId: mum });
    await revoke(old!.id);
    session.user = outsider;
    expect((await reissue(old!.id)).state?.message).toMatch(/could not find/);
    session.user = insider;

    const result = await reissue(old!.id);
    const newId = new URL(result.redirectedTo!, 'http://localhost').searchParams.get('newLink');
    expect(result.redirectedTo).toBe(`/people/${personId}/meetings/${meetingId}?newLink=${newId}`);
    const rows = await invitationsOf({ memberId: mum });
    expect(rows.map((r) => r.id)).toEqual([old!.id, newId]);
    expect(rows.filter((r) => r.revokedAt === null).map((r) => r.id)).toEqual([newId]);
    expect(rows[1]!.expiresAt).toEqual(new Date(start.getTime() + HOUR + 90 * DAY));

    const dead = await get(tokenFor(old!.id), '10.1.0.1');
    expect(dead.status).toBe(404);
    expect(await dead.text()).toContain('This link no longer works');
    const fresh = await get(tokenFor(newId!), '10.1.0.1');
    expect(fresh.status).toBe(200);
    const page = await fresh.text();
    expect(page).toContain('Can you come to the meeting with Robin?');
    expect(page).toContain('Hello Maria');

    // Emailed in the same transaction, with the new link; the audit says which link it replaces.
    const [mail] = await database.db
      .select()
      .from(outbox)
      .where(like(outbox.dedupeKey, `invitation:${newId}:%`));
    expect(mail).toMatchObject({ toAddress: 'maria@example.org', invitationId: newId });
    expect(mail!.bodyText).toContain(invitationLinkMarker(newId!));
    expect(mail!.bodyText).not.toContain(tokenFor(old!.id));
    expect(mail!.bodyText).not.toContain(old!.id);
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, personId), eq(auditEvents.action, 'update')));
    expect(audit.map((a) => a.detail)).toContainEqual({ meetingId, reissuedInvitation: newId, replaces: old!.id });
  });

  it('refuses a second new link for the same turned-off one, and a new link while the link still works', async () => {
    const [old, live] = await invitationsOf({ memberId: mum });
    expect((await reissue(old!.id)).state?.message).toBe(
      'Maria already has a new link to this meeting. Reload to see it.',
    );
    expect((await reissue(live!.id)).state?.message).toMatch(/^Maria’s link still works/);
    expect(await invitationsOf({ memberId: mum })).toHaveLength(2);
  });

  it('refuses a member whose consent to be invited was withdrawn', async () => {
    const [finn] = await invitationsOf({ memberId: friend });
    await revoke(finn!.id);
    await database.db.update(networkMembers).set({ mayBeInvited: false }).where(eq(networkMembers.id, friend));
    const refused = await reissue(finn!.id);
    expect(refused.state).toMatchObject({
      status: 'error',
      message: 'Finn is no longer to be invited, so no new link can be sent.',
    });
    expect(await invitationsOf({ memberId: friend })).toHaveLength(1);
  });

  it('sends the person a new link too, which speaks to them as the one the meeting is for', async () => {
    const [old] = await invitationsOf({ person: true });
    await revoke(old!.id);
    const newId = new URL((await reissue(old!.id)).redirectedTo!, 'http://localhost').searchParams.get('newLink')!;
    const page = await (await get(tokenFor(newId), '10.1.0.2')).text();
    expect(page).toContain('<h1>Your network meeting</h1>');
    expect(page).not.toContain('meeting with Robin');
    const [mail] = await database.db
      .select()
      .from(outbox)
      .where(like(outbox.dedupeKey, `invitation:${newId}:%`));
    expect(mail!.subject).toMatch(/^Your network meeting with the Riverside team/);
  });

  it('keeps one live link per invitee when two new links are asked for at once, and the database refuses a second by hand', async () => {
    const [, live] = await invitationsOf({ memberId: mum });
    await revoke(live!.id);
    const ctx = { db: database.db, actor: { actorId: practitioner, origin: 'test' } };
    const person = { id: personId, teamId };
    const outcomes = await Promise.allSettled([
      reissueLink(ctx, { person, meetingId, invitationId: live!.id }),
      reissueLink(ctx, { person, meetingId, invitationId: live!.id }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(AppError);
    expect((failed.reason as AppError).code).toBe('conflict');
    const liveRows = await database.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.networkMemberId, mum), isNull(invitations.revokedAt)));
    expect(liveRows).toHaveLength(1);
    // The partial unique index itself: a second live invitation for Maria cannot be inserted.
    await expect(
      database.db
        .insert(invitations)
        .values({ meetingId, networkMemberId: mum, tokenHash: 'x'.repeat(64), expiresAt: start }),
    ).rejects.toThrow();
  });

  it('sends no new link once the meeting is cancelled', async () => {
    const [, , live] = await invitationsOf({ memberId: mum });
    await revoke(live!.id);
    expect(
      (await run(cancelMeetingAction(idle, form({ personId, meetingId, reason: 'Robin asked to postpone' }))))
        .redirectedTo,
    ).toBeDefined();
    expect((await reissue(live!.id)).state?.message).toMatch(/no longer booked, so no new link can be sent/);
  });
});
