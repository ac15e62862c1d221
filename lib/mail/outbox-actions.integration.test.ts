import { and, eq } from 'drizzle-orm';
import { afterFailure } from '@/lib/mail/backoff';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { claimDue, enqueue, markFailed, markSent } from '@/db/queries/outbox';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { auditEvents, outbox } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData as form } from '@/db/testing/form-data';
import { idle } from '@/lib/actions/form-state';

/** "Retry now" and "Retry all failed" reach only the messages of the user's own teams. */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
vi.mock('next/headers', () => import('@/db/testing/next-mocks').then((m) => m.headers()));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));

const { retryAllFailedAction, retryMessageAction } = await import('@/app/(app)/outbox/actions');

describe.each(engines)('retrying email on %s', (engine) => {
  let database: TestDatabase;
  let ours: SessionUser;
  let theirs: SessionUser;
  let admin: SessionUser;
  let meetingA: string;
  let meetingB: string;
  let counter = 0;

  /** A message of the meeting's team that has given up. */
  async function failedMessage(meetingId: string | null): Promise<number> {
    const { db } = database;
    const { id } = await enqueue(db, {
      dedupeKey: `retry-test:${counter++}`,
      toAddress: 'anne@example.net',
      subject: 'An invitation',
      bodyText: 'http://localhost/invite/x',
      meetingId,
    });
    const [claimed] = (
      await claimDue(db, { limit: 50, leaseMs: 60_000, workerId: 'w', now: new Date(Date.now() + 1000) })
    ).filter((m) => m.id === id);
    await markFailed(
      db,
      claimed!,
      'w',
      'The mail server refused this address: 550',
      afterFailure(claimed!.attempts, new Date(), true),
    );
    return id;
  }
  const statusOf = async (id: number) =>
    (await database.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, id)))[0]?.status;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    session.db = database.db;
    const { db } = database;
    const teamA = await makeTeam(db);
    const teamB = await makeTeam(db);
    const a = await makeUser(db, { teamId: teamA.id });
    const b = await makeUser(db, { teamId: teamB.id });
    ours = (await findSessionUser(db, a.id))!;
    theirs = (await findSessionUser(db, b.id))!;
    admin = (await findSessionUser(db, (await makeUser(db, { role: 'admin' })).id))!;
    const startsAt = new Date('2026-12-01T10:00:00Z');
    meetingA = (
      await makeMeeting(db, {
        teamId: teamA.id,
        personId: (await makePerson(db, teamA.id)).id,
        userIds: [a.id],
        startsAt,
      })
    ).id;
    meetingB = (
      await makeMeeting(db, {
        teamId: teamB.id,
        personId: (await makePerson(db, teamB.id)).id,
        userIds: [b.id],
        startsAt,
      })
    ).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("retries a failed message of the user's team, and says no mail server will send it", async () => {
    const id = await failedMessage(meetingA);
    session.user = theirs;
    expect((await retryMessageAction(idle, form({ messageId: String(id) }))).message).toMatch(/could not find/);
    expect(await statusOf(id)).toBe('failed');
    session.user = ours;
    const state = await retryMessageAction(idle, form({ messageId: String(id) }));
    expect(state).toMatchObject({ status: 'success' });
    expect(state.message).toMatch(/waiting again, but no mail server is configured/);
    expect(await statusOf(id)).toBe('pending');
    // Who retried it, once: the refused attempt left no trace.
    const audited = await database.db
      .select({ actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'outbox_message'), eq(auditEvents.entityId, String(id))));
    expect(audited).toEqual([{ actorId: ours.id }]);
  });

  it('refuses to retry a message that has gone, and a message id that is not one', async () => {
    const id = await failedMessage(meetingA);
    session.user = ours;
    await retryMessageAction(idle, form({ messageId: String(id) }));
    await markSent(database.db, id);
    expect((await retryMessageAction(idle, form({ messageId: String(id) }))).message).toMatch(/has gone already/);
    const bad = await retryMessageAction(idle, form({ messageId: 'abc' }));
    expect(bad.status).toBe('error');
    expect(bad.fieldErrors?.messageId).toBeDefined();
    expect((await retryMessageAction(idle, form({ messageId: '999999' }))).message).toMatch(/could not find/);
  });

  it('leaves email that is not about a meeting to administrators', async () => {
    const id = await failedMessage(null);
    session.user = ours;
    expect((await retryMessageAction(idle, form({ messageId: String(id) }))).message).toMatch(/could not find/);
    session.user = admin;
    expect((await retryMessageAction(idle, form({ messageId: String(id) }))).status).toBe('success');
    expect(await statusOf(id)).toBe('pending');
  });

  it("retries all failed messages of the user's teams, and only those", async () => {
    const mine = await failedMessage(meetingA);
    const other = await failedMessage(meetingB);
    session.user = ours;
    expect((await retryAllFailedAction(idle, form({}))).message).toMatch(/^It is waiting again/);
    expect(await statusOf(mine)).toBe('pending');
    expect(await statusOf(other)).toBe('failed');
    expect((await retryAllFailedAction(idle, form({}))).message).toBe('No failed messages to retry.');
    session.user = undefined;
    expect((await retryAllFailedAction(idle, form({}))).message).toMatch(/sign in/);
    expect(await statusOf(other)).toBe('failed');
  });
});
