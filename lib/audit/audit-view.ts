import type { Db } from '@/db/client';
import { recordAudit, type AuditInput } from '@/db/queries/audit';
import { requestOrigin } from './origin';

/**
 * Leaves the audit event of something a user was just allowed to see or take away (a page, a
 * calendar file, an export), from this request's address: reads are audited like writes.
 */
export async function auditView(
  db: Db,
  actorId: string,
  event: Omit<AuditInput, 'actorId' | 'origin'> & { action: 'read' | 'export' },
): Promise<void> {
  await recordAudit(db, { ...event, actorId, origin: await requestOrigin() });
}
