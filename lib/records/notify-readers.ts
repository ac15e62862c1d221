import type { Db } from '@/db/client';
import { liveInvitations } from '@/db/queries/invitations';
import { enqueue } from '@/db/queries/outbox';
import { invitationLink } from '@/lib/invitations/token';
import { notesReadyEmail } from './notes-ready-email';
import { wouldRead } from './reader-view';

/**
 * Inside the transaction that signs or amends a record: an email to each reader with a live
 * link who may read some of it, saying only that notes are ready (no clinical content).
 */
export async function notifyReaders(tx: Db, meetingId: string, version: number): Promise<number> {
  let sent = 0;
  for (const invitee of await liveInvitations(tx, meetingId)) {
    if (!invitee.email || !(await wouldRead(tx, invitee.id))) continue;
    const email = notesReadyEmail({
      givenName: invitee.givenName,
      link: invitationLink(invitee.id),
      amended: version > 1,
    });
    const queued = await enqueue(tx, {
      dedupeKey: `notes:${invitee.id}:${version}`,
      toAddress: invitee.email,
      subject: email.subject,
      bodyText: email.text,
      bodyHtml: email.html,
      meetingId,
      invitationId: invitee.id,
    });
    if (queued.created) sent++;
  }
  return sent;
}
