import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvents, users } from '../schema';

export type AuditInput = {
  /** Null for someone with a personal link and no account. */
  actorId: string | null;
  teamId: string | null;
  action:
    | 'read'
    | 'create'
    | 'update'
    | 'deactivate'
    | 'reactivate'
    | 'discharge'
    | 're-refer'
    | 'assign'
    | 'end-assignment'
    | 'consent-change'
    | 'attendance'
    | 'save'
    | 'sign'
    | 'co-sign'
    | 'amend'
    | 'entered-in-error'
    | 'share'
    | 'withhold'
    | 'lift-withholding'
    | 'statement'
    | 'rate'
    | 'export'
    | 'retry';
  entity:
    | 'person'
    | 'network_member'
    | 'core_team'
    | 'user'
    | 'team'
    | 'working_pattern'
    | 'absence'
    | 'meeting'
    | 'meeting_record'
    | 'fidelity'
    | 'outbox_message';
  entityId: string;
  origin?: string | null;
  detail?: Record<string, unknown>;
};

/** Appends one audit event (the table refuses updates and deletes). */
export async function recordAudit(db: Db, event: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({ ...event, origin: event.origin ?? null });
}

/** Who has looked at or changed a record, newest first. */
export async function auditTrail(db: Db, entity: AuditInput['entity'], entityId: string, limit = 50) {
  return db
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      actorName: users.name,
      detail: auditEvents.detail,
      entity: auditEvents.entity,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}
