import type { Db } from '@/db/client';
import { listOutbox } from '@/db/queries/outbox';
import { fillInvitationLinks } from '@/lib/invitations/link-marker';

/**
 * A page of the outbox as staff read it, each body as its recipient gets it. A stored body holds
 * no working link, only a marker naming the invitation; the link is made here, for the
 * messages listOutbox lets these teams see, and only for an invitation to the message's own
 * meeting, so staff can still copy it into a text message.
 */
export async function outboxForStaff(db: Db, args: Parameters<typeof listOutbox>[1]) {
  const page = await listOutbox(db, args);
  return {
    ...page,
    rows: page.rows.map((row) => ({ ...row, bodyText: fillInvitationLinks(row.bodyText, row.invitationId, 'text') })),
  };
}
