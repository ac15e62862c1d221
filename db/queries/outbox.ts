import { and, desc, eq, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TeamScope } from '@/lib/auth/permissions';
import type { AfterFailure } from '@/lib/mail/backoff';
import type { Db } from '../client';
import { invitations, meetings, outbox, type OutboxMessage } from '../schema';
import { inTeams } from './scope';

/**
 * The durable outbox. Callers enqueue inside their own transaction, so an email exists
 * exactly when the change it reports was committed; the delivery worker claims due messages
 * with a lease, which keeps several app instances on one database from sending one twice.
 * Every time is passed in (`now`), so tests can move the clock.
 */

const oneLine = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is empty`)
    .max(998)
    .regex(/^[^\r\n]*$/, `${what} must be one line`);

export const newOutboxMessage = z.object({
  /** Names the message once for all time, e.g. `invitation:<invitationId>:<sequence>`: enqueueing it again does nothing. */
  dedupeKey: oneLine('The dedupe key'),
  /** Loosely checked on purpose: an address the mail server refuses fails visibly in the outbox instead of failing the caller's change. */
  toAddress: z
    .string()
    .trim()
    .max(320)
    .regex(/^[^\s@<>,;]+@[^\s@<>,;]+$/, 'The recipient is not an email address'),
  subject: oneLine('The subject'),
  bodyText: z.string().min(1, 'The body is empty'),
  bodyHtml: z.string().nullish(),
  /** An RFC 5545 calendar with its METHOD (REQUEST or CANCEL), sent as text/calendar. */
  icsAttachment: z.string().nullish(),
  meetingId: z.guid().nullish(),
  invitationId: z.guid().nullish(),
  /** Not before this instant (default: at once), for messages such as reminders. */
  sendAfter: z.date().optional(),
});

export type NewOutboxMessage = z.input<typeof newOutboxMessage>;

/**
 * Adds a message unless one with the same dedupe key exists (ON CONFLICT DO NOTHING), and
 * says which. Works inside the caller's transaction: call it with `tx`.
 */
export async function enqueue(db: Db, message: NewOutboxMessage): Promise<{ id: number; created: boolean }> {
  const m = newOutboxMessage.parse(message);
  const [inserted] = await db
    .insert(outbox)
    .values(outboxRow(m))
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  if (inserted) return { id: inserted.id, created: true };
  const [existing] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.dedupeKey, m.dedupeKey)).limit(1);
  if (!existing) throw new Error(`outbox: ${m.dedupeKey} conflicted but cannot be found`);
  return { id: existing.id, created: false };
}

/** Several messages in one statement, each skipped if its key exists; says how many were added. */
export async function enqueueAll(db: Db, messages: readonly NewOutboxMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = messages.map((message) => outboxRow(newOutboxMessage.parse(message)));
  const inserted = await db
    .insert(outbox)
    .values(rows)
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return inserted.length;
}

function outboxRow(m: z.output<typeof newOutboxMessage>) {
  return {
    dedupeKey: m.dedupeKey,
    toAddress: m.toAddress,
    subject: m.subject,
    bodyText: m.bodyText,
    bodyHtml: m.bodyHtml ?? null,
    icsAttachment: m.icsAttachment ?? null,
    meetingId: m.meetingId ?? null,
    invitationId: m.invitationId ?? null,
    ...(m.sendAfter ? { nextAttemptAt: m.sendAfter } : {}),
  };
}

/**
 * Takes back messages that have not gone out yet (the reminders of meetings that moved), so
 * their keys can be used again, in one statement; says how many. A message already being sent,
 * sent or failed stays.
 */
export async function withdrawAllPending(db: Db, dedupeKeys: readonly string[]): Promise<number> {
  if (dedupeKeys.length === 0) return 0;
  const rows = await db
    .delete(outbox)
    .where(and(inArray(outbox.dedupeKey, [...dedupeKeys]), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id });
  return rows.length;
}

export type ClaimedMessage = OutboxMessage;

/**
 * Claims up to `limit` due messages for `workerId` until now + leaseMs, atomically: rows
 * another worker holds are skipped (FOR UPDATE SKIP LOCKED), so no message is claimed twice.
 * A claim whose lease ran out (its worker crashed) is due again. Each claim counts as an
 * attempt, so a message that crashes its worker every time still reaches the limit and fails.
 */
export async function claimDue(
  db: Db,
  options: { limit: number; leaseMs: number; workerId: string; now?: Date },
): Promise<ClaimedMessage[]> {
  const now = options.now ?? new Date();
  const due = or(
    and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
    and(eq(outbox.status, 'sending'), lte(outbox.lockedUntil, now)),
  );
  const candidates = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(due)
    .orderBy(outbox.nextAttemptAt, outbox.id)
    .limit(options.limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({
      status: 'sending',
      attempts: sql`${outbox.attempts} + 1`,
      lockedBy: options.workerId,
      lockedUntil: new Date(now.getTime() + options.leaseMs),
    })
    // The condition again: a row that changed after the subquery chose it is left alone.
    .where(and(inArray(outbox.id, candidates), due))
    .returning();
  return claimed.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
}

const released = { lockedBy: null, lockedUntil: null } as const;

/**
 * Records that the mail server accepted the message. Whoever holds the lease: it went, and
 * must not go again.
 */
export async function markSent(db: Db, id: number, now: Date = new Date()): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'sent', sentAt: now, lastError: null, ...released })
    .where(and(eq(outbox.id, id), ne(outbox.status, 'sent')))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/**
 * Records a failed attempt by the worker that claimed it: `next` says whether to try again and
 * when (the back-off, lib/mail/backoff.ts) or to give up, with the error kept for staff. A
 * worker whose lease was taken over changes nothing.
 */
export async function markFailed(
  db: Db,
  message: Pick<ClaimedMessage, 'id' | 'attempts'>,
  workerId: string,
  error: string,
  next: AfterFailure,
): Promise<'pending' | 'failed' | 'lost-lease'> {
  const rows = await db
    .update(outbox)
    .set({ ...next, lastError: error, ...released })
    .where(
      and(
        eq(outbox.id, message.id),
        eq(outbox.status, 'sending'),
        eq(outbox.lockedBy, workerId),
        eq(outbox.attempts, message.attempts),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length > 0 ? next.status : 'lost-lease';
}

/** Gives back a claimed message that was not tried (its lease was running out), without counting an attempt. */
export async function releaseClaim(
  db: Db,
  message: Pick<ClaimedMessage, 'id' | 'attempts'>,
  workerId: string,
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', attempts: sql`${outbox.attempts} - 1`, ...released })
    .where(
      and(
        eq(outbox.id, message.id),
        eq(outbox.status, 'sending'),
        eq(outbox.lockedBy, workerId),
        eq(outbox.attempts, message.attempts),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/**
 * Gives up on messages whose last allowed attempt was claimed by a worker that never came
 * back: they are not sent again, and staff see why.
 */
export async function failAbandoned(db: Db, options: { maxAttempts: number; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const rows = await db
    .update(outbox)
    .set({
      status: 'failed',
      lastError: sql`coalesce(${outbox.lastError} || ' ', '') || 'The app stopped while sending the last attempt; it may or may not have gone out.'`,
      ...released,
    })
    .where(
      and(
        eq(outbox.status, 'sending'),
        lte(outbox.lockedUntil, now),
        sql`${outbox.attempts} >= ${options.maxAttempts}`,
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/** The messages staff may see: their teams' meetings' email, or everything for an administrator. */
function visibleTo(scope: TeamScope): SQL {
  return scope === 'all' ? sql`true` : inTeams(meetings.teamId, scope);
}

export const outboxFilters = ['all', 'waiting', 'failed', 'sent'] as const;
export type OutboxFilter = (typeof outboxFilters)[number];

function filterCondition(filter: OutboxFilter): SQL | undefined {
  switch (filter) {
    case 'waiting':
      return inArray(outbox.status, ['pending', 'sending']);
    case 'failed':
      return eq(outbox.status, 'failed');
    case 'sent':
      return eq(outbox.status, 'sent');
    case 'all':
      return undefined;
  }
}

export type OutboxListItem = Awaited<ReturnType<typeof listOutbox>>['rows'][number];

/** A page of messages, newest first; `hasMore` says whether another page follows. */
export async function listOutbox(
  db: Db,
  args: { scope: TeamScope; filter?: OutboxFilter; page?: number; pageSize?: number },
) {
  const pageSize = args.pageSize ?? 20;
  const page = Math.max(1, args.page ?? 1);
  const rows = await db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      bodyText: outbox.bodyText,
      hasCalendar: sql<boolean>`${outbox.icsAttachment} is not null`,
      status: outbox.status,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      meetingId: outbox.meetingId,
      personId: meetings.personId,
      /** The invitation whose link the body names (a marker, made into the link for the page), when it is of this meeting. */
      invitationId: invitations.id,
    })
    .from(outbox)
    .leftJoin(meetings, eq(meetings.id, outbox.meetingId))
    .leftJoin(invitations, and(eq(invitations.id, outbox.invitationId), eq(invitations.meetingId, outbox.meetingId)))
    .where(and(visibleTo(args.scope), filterCondition(args.filter ?? 'all')))
    .orderBy(desc(outbox.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize, page, pageSize };
}

/** How many of the visible messages wait, are being sent, or failed (sent ones are not counted: there are many). */
export async function outboxCounts(db: Db, scope: TeamScope): Promise<{ waiting: number; failed: number }> {
  const rows = await db
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .leftJoin(meetings, eq(meetings.id, outbox.meetingId))
    .where(and(visibleTo(scope), inArray(outbox.status, ['pending', 'sending', 'failed'])))
    .groupBy(outbox.status);
  const count = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { waiting: count('pending') + count('sending'), failed: count('failed') };
}

/** One message's status and team, for an action to check access before it changes anything. */
export async function findOutboxMessage(db: Db, id: number) {
  const [row] = await db
    .select({ id: outbox.id, status: outbox.status, teamId: meetings.teamId })
    .from(outbox)
    .leftJoin(meetings, eq(meetings.id, outbox.meetingId))
    .where(eq(outbox.id, id))
    .limit(1);
  return row;
}

/**
 * "Retry now": a failed message, or one waiting for its next try, is due at once with a fresh
 * round of attempts. The last error stays visible until the next attempt replaces it.
 */
export async function retryNow(db: Db, id: number, now: Date = new Date()): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, ...released })
    .where(
      and(
        eq(outbox.id, id),
        or(eq(outbox.status, 'failed'), and(eq(outbox.status, 'pending'), sql`${outbox.attempts} > 0`)),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/**
 * "Retry all failed" for the teams in scope: after the mail server or SMTP_URL is fixed, every
 * message that gave up is due again at once. Returns how many.
 */
export async function retryAllFailed(db: Db, scope: TeamScope, now: Date = new Date()): Promise<number> {
  const inScope =
    scope === 'all'
      ? undefined
      : inArray(outbox.meetingId, db.select({ id: meetings.id }).from(meetings).where(inTeams(meetings.teamId, scope)));
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, ...released })
    .where(and(eq(outbox.status, 'failed'), inScope))
    .returning({ id: outbox.id });
  return rows.length;
}
