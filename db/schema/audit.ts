import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from './teams';

/** Who did what to which record, when and from where. Append-only (trigger in migration 0001). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    actorId: uuid().references(() => users.id),
    teamId: uuid().references(() => teams.id),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    origin: text(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index().on(t.entity, t.entityId, t.at), index().on(t.actorId, t.at)],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
