import { bigserial, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outboxStatus } from './enums';
import { invitations, meetings } from './meetings';

/** Email waiting to go out: durable, retried with back-off, visible to staff. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** Makes "exactly once" cheap: a reminder or notice is enqueued at most once per key. */
    dedupeKey: text().unique(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    bodyHtml: text(),
    icsAttachment: text(),
    meetingId: uuid().references(() => meetings.id),
    invitationId: uuid().references(() => invitations.id),
    status: outboxStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    /**
     * The lease of the worker sending it now (status "sending"). A crashed worker's claim
     * expires at lockedUntil, and another instance picks the message up again.
     */
    lockedBy: text(),
    lockedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.status, t.nextAttemptAt), index().on(t.meetingId)],
);

export type OutboxMessage = typeof outbox.$inferSelect;
