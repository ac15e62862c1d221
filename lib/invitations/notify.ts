import { and, eq, gt, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { meetingForCalendar, meetingsForCalendar } from '@/db/queries/calendar-files';
import { liveInvitations, liveInvitationsOf } from '@/db/queries/invitations';
import { enqueue, enqueueAll, withdrawAllPending, type NewOutboxMessage } from '@/db/queries/outbox';
import { invitations, meetings, networkMembers, outbox, people, teams } from '@/db/schema';
import { invitationLinkMarker } from './link-marker';
import { noticeEmail, type NoticeKind } from './messages';
import type { PersonRef } from '@/db/queries/people';
import type { MeetingForCalendar } from '@/lib/calendar/meeting-event';

/** The first name the person goes by and their team's name: all a notice says about them. */
async function noticeContext(tx: Db, personId: string) {
  const [context] = await tx
    .select({
      teamName: teams.name,
      personGivenName: sql<string>`coalesce(${people.preferredName}, ${people.givenName})`,
    })
    .from(people)
    .innerJoin(teams, eq(teams.id, people.teamId))
    .where(eq(people.id, personId));
  return context!;
}

type Invitee = Awaited<ReturnType<typeof liveInvitationsOf>>[number];

/** One notice as an outbox row: the key names the invitee and the meeting's version (SEQUENCE). */
function noticeMessage(
  kind: NoticeKind,
  invitee: Invitee & { email: string },
  context: Awaited<ReturnType<typeof noticeContext>>,
  meeting: MeetingForCalendar,
): NewOutboxMessage {
  const email = noticeEmail({
    kind,
    invitee,
    personGivenName: context.personGivenName,
    teamName: context.teamName,
    meeting,
    link: invitationLinkMarker(invitee.id),
  });
  return {
    dedupeKey: `${kind}:${invitee.id}:${meeting.sequence}`,
    toAddress: invitee.email,
    subject: email.subject,
    bodyText: email.text,
    bodyHtml: email.html,
    icsAttachment: email.ics,
    meetingId: meeting.id,
    invitationId: invitee.id,
  };
}

/**
 * Tells every invitee with an email address about meetings of a person (invited, moved,
 * cancelled), inside the transaction that made the change: the message exists exactly when the
 * change does. The dedupe key names the meeting's version (its SEQUENCE), so one change is one
 * message each. Invitees without email get nothing here: staff copy their link from the meeting
 * page. However many meetings (a series of twelve), it costs the same five statements.
 */
export async function notifyInvitees(
  tx: Db,
  person: PersonRef,
  meetingIds: readonly string[],
  kind: Exclude<NoticeKind, 'reminder'>,
  only?: (invitationId: string) => boolean,
): Promise<number> {
  const found = await meetingsForCalendar(tx, person, meetingIds);
  if (found.length === 0) return 0;
  const byId = new Map(found.map((m) => [m.id, m]));
  const invitees = (await liveInvitationsOf(tx, [...byId.keys()])).filter((i) => !only || only(i.id));
  // A meeting that changed takes back the reminder of its version before.
  if (kind !== 'invitation') {
    await withdrawAllPending(
      tx,
      invitees.map((i) => `reminder:${i.id}:${byId.get(i.meetingId)!.sequence - 1}`),
    );
  }
  const addressed = invitees.filter((i): i is Invitee & { email: string } => i.email !== null);
  if (addressed.length === 0) return 0;
  const context = await noticeContext(tx, person.id);
  await enqueueAll(
    tx,
    addressed.map((invitee) => noticeMessage(kind, invitee, context, byId.get(invitee.meetingId)!)),
  );
  return addressed.length;
}

/**
 * Reminders, from a job every app instance runs: invitees who have not declined, of meetings
 * starting within the team's reminder window (24 hours by default), who were invited before
 * that window opened. Exactly once: the key `reminder:<invitation>:<sequence>` is unique in the
 * outbox, so two instances, or a restart, cannot enqueue one twice; a moved meeting has a new
 * sequence, so its reminder is for the new time.
 */
export async function enqueueDueReminders(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({
      invitationId: invitations.id,
      meetingId: meetings.id,
      personId: meetings.personId,
      teamId: meetings.teamId,
      sequence: meetings.sequence,
    })
    .from(invitations)
    .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
    .innerJoin(teams, eq(teams.id, meetings.teamId))
    .innerJoin(people, eq(people.id, meetings.personId))
    .leftJoin(networkMembers, eq(networkMembers.id, invitations.networkMemberId))
    .where(
      and(
        eq(meetings.status, 'scheduled'),
        gt(meetings.startsAt, now),
        lte(meetings.startsAt, sql`${now.toISOString()}::timestamptz + make_interval(hours => ${teams.reminderHours})`),
        sql`${invitations.createdAt} < ${meetings.startsAt} - make_interval(hours => ${teams.reminderHours})`,
        ne(invitations.response, 'declined'),
        isNull(invitations.revokedAt),
        sql`coalesce(${networkMembers.email}, case when ${invitations.personId} is not null then ${people.email} end) is not null`,
        sql`not exists (select 1 from ${outbox} where ${outbox.dedupeKey} = 'reminder:' || ${invitations.id} || ':' || ${meetings.sequence})`,
      ),
    )
    .limit(500);
  let count = 0;
  for (const row of due) {
    await db.transaction(async (tx) => {
      const meeting = await meetingForCalendar(tx, { id: row.personId, teamId: row.teamId }, row.meetingId);
      const invitee = (await liveInvitations(tx, row.meetingId)).find((i) => i.id === row.invitationId);
      if (!meeting || !invitee?.email || meeting.status !== 'scheduled') return;
      const context = await noticeContext(tx, row.personId);
      const result = await enqueue(
        tx,
        noticeMessage('reminder', { ...invitee, email: invitee.email }, context, meeting),
      );
      if (result.created) count++;
    });
  }
  return count;
}
