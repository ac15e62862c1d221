import type { Db } from '@/db/client';
import { liveInvitations } from '@/db/queries/invitations';
import { enqueue } from '@/db/queries/outbox';
import { invitationLinkMarker } from '@/lib/invitations/link-marker';
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
      link: invitationLinkMarker(invitee.id),
      notice: version > 1 ? 'amended' : 'ready',
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

/**
 * Inside the transaction that sends a fresh link after a meeting: the email with the new link,
 * saying whether the notes are there yet. Invitees without email get nothing: staff copy the link.
 */
export async function sendNotesLink(tx: Db, meetingId: string, invitationId: string): Promise<boolean> {
  const invitee = (await liveInvitations(tx, meetingId)).find((i) => i.id === invitationId);
  if (!invitee?.email) return false;
  const email = notesReadyEmail({
    givenName: invitee.givenName,
    link: invitationLinkMarker(invitee.id),
    notice: (await wouldRead(tx, invitee.id)) ? 'new link' : 'new link, notes to come',
  });
  const queued = await enqueue(tx, {
    dedupeKey: `notes-link:${invitee.id}`,
    toAddress: invitee.email,
    subject: email.subject,
    bodyText: email.text,
    bodyHtml: email.html,
    meetingId,
    invitationId: invitee.id,
  });
  return queued.created;
}
