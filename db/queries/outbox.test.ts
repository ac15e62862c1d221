import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { afterFailure, MAX_ATTEMPTS } from '@/lib/mail/backoff';
import { outbox } from '../schema';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '../testing/factories';
import {
  claimDue,
  enqueue,
  failAbandoned,
  listOutbox,
  markFailed,
  markSent,
  outboxCounts,
  releaseClaim,
  retryAllFailed,
  retryNow,
  withdrawAllPending,
  type NewOutboxMessage,
} from './outbox';

const MINUTE = 60_000;
let counter = 0;
const message = (overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage => ({
  dedupeKey: `test:${counter++}`,
  toAddress: 'anne@example.net',
  subject: 'An invitation from the Riverside team',
  bodyText: 'Please let us know if you can come: http://localhost:3000/invite/abc',
  ...overrides,
});

describe.each(engines)('the outbox on %s', (engine) => {
  let database: TestDatabase;
  const t0 = new Date('2026-11-24T09:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
  const row = async (id: number) => (await database.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    // Each test starts with an empty outbox; nothing else refers to it.
    await database.db.delete(outbox).where(eq(outbox.status, outbox.status));
  });

  it('enqueues a message once per dedupe key, however often it is asked', async () => {
    const { db } = database;
    const first = await enqueue(db, message({ dedupeKey: 'invitation:1:0', sendAfter: t0 }));
    const again = await enqueue(db, message({ dedupeKey: 'invitation:1:0', subject: 'Something else', sendAfter: t0 }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const rows = await db.select().from(outbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      subject: 'An invitation from the Riverside team',
      status: 'pending',
      attempts: 0,
      lastError: null,
      nextAttemptAt: t0,
    });
    // Ten callers at once still make one message.
    const racing = await Promise.all(
      Array.from({ length: 10 }, () => enqueue(db, message({ dedupeKey: 'invitation:2:0' }))),
    );
    expect(racing.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(racing.map((r) => r.id)).size).toBe(1);
  });

  it("enqueues inside the caller's transaction: a rolled-back change leaves no email behind", async () => {
    const { db } = database;
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, message({ dedupeKey: 'rolled-back' }));
        throw new Error('the booking failed');
      }),
    ).rejects.toThrow('the booking failed');
    expect(await db.select().from(outbox)).toHaveLength(0);
    await db.transaction(async (tx) => {
      await enqueue(tx, message({ dedupeKey: 'committed' }));
    });
    expect(await db.select({ key: outbox.dedupeKey }).from(outbox)).toEqual([{ key: 'committed' }]);
  });

  it('refuses a message that could not be sent: no recipient address, or a subject over two lines', async () => {
    await expect(enqueue(database.db, message({ toAddress: 'not an address' }))).rejects.toThrow(
      /not an email address/,
    );
    await expect(enqueue(database.db, message({ subject: 'Line one\r\nBcc: someone@example.org' }))).rejects.toThrow(
      /one line/,
    );
  });

  it('lets several workers claim at the same time without ever claiming one message twice', async () => {
    const { db } = database;
    for (let i = 0; i < 60; i++) await enqueue(db, message({ sendAfter: t0 }));
    const claimedBy = new Map<number, string>();
    const work = async (workerId: string) => {
      for (;;) {
        const batch = await claimDue(db, { limit: 4, leaseMs: 10 * MINUTE, workerId, now: at(1) });
        if (batch.length === 0) return;
        for (const m of batch) {
          expect(claimedBy.has(m.id), `message ${m.id} claimed twice`).toBe(false);
          claimedBy.set(m.id, workerId);
          expect(m).toMatchObject({ status: 'sending', attempts: 1, lockedBy: workerId, lockedUntil: at(11) });
        }
      }
    };
    await Promise.all([work('worker-a'), work('worker-b'), work('worker-c')]);
    expect(claimedBy.size).toBe(60);
    const stored = await db.select({ id: outbox.id, lockedBy: outbox.lockedBy, status: outbox.status }).from(outbox);
    for (const s of stored) expect(s).toEqual({ id: s.id, lockedBy: claimedBy.get(s.id), status: 'sending' });
  });

  it('claims only what is due, oldest first', async () => {
    const { db } = database;
    const later = await enqueue(db, message({ sendAfter: at(30) }));
    const due = await enqueue(db, message({ sendAfter: at(-5) }));
    const dueSooner = await enqueue(db, message({ sendAfter: at(-10) }));
    const claimed = await claimDue(db, { limit: 10, leaseMs: 60 * MINUTE, workerId: 'w', now: t0 });
    expect(claimed.map((m) => m.id)).toEqual([dueSooner.id, due.id]);
    expect((await claimDue(db, { limit: 10, leaseMs: MINUTE, workerId: 'w', now: at(30) })).map((m) => m.id)).toEqual([
      later.id,
    ]);
  });

  it("takes a crashed worker's messages back once its lease has run out, and ignores its late reply", async () => {
    const { db } = database;
    const { id } = await enqueue(db, message({ sendAfter: t0 }));
    const [crashed] = await claimDue(db, { limit: 1, leaseMs: 5 * MINUTE, workerId: 'crashed', now: t0 });
    expect(crashed?.id).toBe(id);
    expect(await claimDue(db, { limit: 1, leaseMs: 5 * MINUTE, workerId: 'other', now: at(4) })).toHaveLength(0);
    const [taken] = await claimDue(db, { limit: 1, leaseMs: 5 * MINUTE, workerId: 'other', now: at(6) });
    expect(taken).toMatchObject({ id, attempts: 2, lockedBy: 'other', lockedUntil: at(11) });
    // The first worker wakes up and reports a failure: the new holder's claim stands.
    expect(await markFailed(db, crashed!, 'crashed', 'too late', afterFailure(crashed!.attempts, at(7)))).toBe(
      'lost-lease',
    );
    expect(await releaseClaim(db, crashed!, 'crashed')).toBe(false);
    expect(await row(id)).toMatchObject({ status: 'sending', lockedBy: 'other', lastError: null });
  });

  it('marks a message sent, so it is never claimed again', async () => {
    const { db } = database;
    const { id } = await enqueue(db, message({ sendAfter: t0 }));
    const [claimed] = await claimDue(db, { limit: 1, leaseMs: MINUTE, workerId: 'w', now: t0 });
    expect(await markSent(db, claimed!.id, at(0.5))).toBe(true);
    expect(await row(id)).toMatchObject({
      status: 'sent',
      sentAt: at(0.5),
      lockedBy: null,
      lockedUntil: null,
      attempts: 1,
    });
    expect(await claimDue(db, { limit: 1, leaseMs: MINUTE, workerId: 'w', now: at(600) })).toHaveLength(0);
    expect(await markSent(db, id, at(1))).toBe(false);
  });

  it('retries a failed attempt after 1, 2, 4 … minutes and gives up after the last, with the error kept', async () => {
    const { db } = database;
    const { id } = await enqueue(db, message({ sendAfter: t0 }));
    let now = t0;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [claimed] = await claimDue(db, { limit: 1, leaseMs: MINUTE, workerId: 'w', now });
      expect(claimed).toMatchObject({ id, attempts: attempt });
      const outcome = await markFailed(
        db,
        claimed!,
        'w',
        `Could not reach the mail server (${attempt})`,
        afterFailure(claimed!.attempts, now),
      );
      const stored = await row(id);
      if (attempt < MAX_ATTEMPTS) {
        expect(outcome).toBe('pending');
        expect(stored).toMatchObject({
          status: 'pending',
          lastError: `Could not reach the mail server (${attempt})`,
          lockedBy: null,
        });
        waits.push((stored.nextAttemptAt.getTime() - now.getTime()) / MINUTE);
        // Not a moment before it is due.
        expect(
          await claimDue(db, {
            limit: 1,
            leaseMs: MINUTE,
            workerId: 'w',
            now: new Date(stored.nextAttemptAt.getTime() - 1),
          }),
        ).toHaveLength(0);
        now = stored.nextAttemptAt;
      } else {
        expect(outcome).toBe('failed');
        expect(stored).toMatchObject({
          status: 'failed',
          attempts: MAX_ATTEMPTS,
          lastError: `Could not reach the mail server (${MAX_ATTEMPTS})`,
        });
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(await claimDue(db, { limit: 1, leaseMs: MINUTE, workerId: 'w', now: at(100_000) })).toHaveLength(0);
  });

  it('gives up at once on a permanent refusal; "retry now" makes it due again with fresh attempts', async () => {
    const { db } = database;
    const { id } = await enqueue(db, message({ sendAfter: t0 }));
    const [claimed] = await claimDue(db, { limit: 1, leaseMs: MINUTE, workerId: 'w', now: t0 });
    expect(
      await markFailed(
        db,
        claimed!,
        'w',
        'The mail server refused this address: 550 No such mailbox',
        afterFailure(claimed!.attempts, t0, true),
      ),
    ).toBe('failed');
    expect(await retryNow(db, id, at(5))).toBe(true);
    expect(await row(id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at(5),
      lastError: 'The mail server refused this address: 550 No such mailbox',
    });
    const [again] = await claimDue(db, { limit: 1, leaseMs: MINUTE, workerId: 'w', now: at(5) });
    expect(again).toMatchObject({ id, attempts: 1 });
    // Being sent, or sent: nothing to retry.
    expect(await retryNow(db, id, at(5))).toBe(false);
    await markSent(db, id, at(6));
    expect(await retryNow(db, id, at(7))).toBe(false);
  });

  it('hands back an untried claim without counting it, and fails a last attempt whose worker never returned', async () => {
    const { db } = database;
    const { id } = await enqueue(db, message({ sendAfter: t0 }));
    const [claimed] = await claimDue(db, { limit: 1, leaseMs: MINUTE, workerId: 'w', now: t0 });
    expect(await releaseClaim(db, claimed!, 'w')).toBe(true);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0, lockedBy: null });

    await db
      .update(outbox)
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .where(eq(outbox.id, id));
    await claimDue(db, { limit: 1, leaseMs: MINUTE, workerId: 'vanished', now: t0 });
    expect(await failAbandoned(db, { maxAttempts: MAX_ATTEMPTS, now: at(0.5) })).toBe(0);
    expect(await failAbandoned(db, { maxAttempts: MAX_ATTEMPTS, now: at(2) })).toBe(1);
    const stored = await row(id);
    expect(stored).toMatchObject({ status: 'failed', lockedBy: null });
    expect(stored.lastError).toMatch(/stopped while sending the last attempt/);
  });

  it('withdraws a message that has not gone yet, so its key can be used again', async () => {
    const { db } = database;
    await enqueue(db, message({ dedupeKey: 'reminder:1', sendAfter: at(60) }));
    expect(await withdrawAllPending(db, ['reminder:1', 'reminder:none'])).toBe(1);
    expect((await enqueue(db, message({ dedupeKey: 'reminder:1', sendAfter: at(90) }))).created).toBe(true);
    await claimDue(db, { limit: 1, leaseMs: MINUTE, workerId: 'w', now: at(90) });
    expect(await withdrawAllPending(db, ['reminder:1'])).toBe(0);
  });
});

describe.each(engines)('the outbox page query on %s', (engine) => {
  let database: TestDatabase;
  let teamA: string;
  let teamB: string;
  let meetingA: string;
  let meetingB: string;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const { db } = database;
    teamA = (await makeTeam(db)).id;
    teamB = (await makeTeam(db)).id;
    const userA = await makeUser(db, { teamId: teamA });
    const userB = await makeUser(db, { teamId: teamB });
    const startsAt = new Date('2026-12-01T10:00:00Z');
    meetingA = (
      await makeMeeting(db, {
        teamId: teamA,
        personId: (await makePerson(db, teamA)).id,
        userIds: [userA.id],
        startsAt,
      })
    ).id;
    meetingB = (
      await makeMeeting(db, {
        teamId: teamB,
        personId: (await makePerson(db, teamB)).id,
        userIds: [userB.id],
        startsAt,
      })
    ).id;
    for (let i = 0; i < 5; i++) await enqueue(db, message({ meetingId: meetingA, subject: `Team A message ${i}` }));
    await enqueue(db, message({ meetingId: meetingB, subject: 'Team B message' }));
    await enqueue(db, message({ subject: 'Not about a meeting' }));
  });
  afterAll(async () => {
    await database?.close();
  });

  it("shows each team only its own meetings' email, newest first, a page at a time", async () => {
    const { db } = database;
    const first = await listOutbox(db, { scope: [teamA], pageSize: 3 });
    expect(first.rows.map((r) => r.subject)).toEqual(['Team A message 4', 'Team A message 3', 'Team A message 2']);
    expect(first.hasMore).toBe(true);
    const second = await listOutbox(db, { scope: [teamA], pageSize: 3, page: 2 });
    expect(second.rows.map((r) => r.subject)).toEqual(['Team A message 1', 'Team A message 0']);
    expect(second.hasMore).toBe(false);
    expect((await listOutbox(db, { scope: [teamB] })).rows.map((r) => r.subject)).toEqual(['Team B message']);
    expect((await listOutbox(db, { scope: [] })).rows).toEqual([]);
    // Administrators see everything, including email that is not about a meeting.
    expect((await listOutbox(db, { scope: 'all' })).rows).toHaveLength(7);
  });

  it('filters by status and counts what waits and what failed, per team', async () => {
    const { db } = database;
    const [one] = await claimDue(db, { limit: 1, leaseMs: MINUTE, workerId: 'w', now: new Date(Date.now() + MINUTE) });
    await markFailed(
      db,
      one!,
      'w',
      'The mail server refused this address',
      afterFailure(one!.attempts, new Date(), true),
    );
    const failedTeam = one!.meetingId === meetingA ? teamA : one!.meetingId === meetingB ? teamB : undefined;
    expect(failedTeam).toBeDefined();
    const other = failedTeam === teamA ? teamB : teamA;
    expect((await listOutbox(db, { scope: [failedTeam!], filter: 'failed' })).rows.map((r) => r.id)).toEqual([one!.id]);
    expect((await listOutbox(db, { scope: [other], filter: 'failed' })).rows).toEqual([]);
    const countsA = await outboxCounts(db, [teamA]);
    expect(countsA.waiting + countsA.failed).toBe(5);
    expect(countsA.failed).toBe(failedTeam === teamA ? 1 : 0);

    // "Retry all failed" reaches only the teams asked for.
    expect(await retryAllFailed(db, [other])).toBe(0);
    expect(await retryAllFailed(db, [failedTeam!])).toBe(1);
    expect((await listOutbox(db, { scope: 'all', filter: 'failed' })).rows).toEqual([]);
  });
});
