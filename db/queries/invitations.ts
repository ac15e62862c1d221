import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { inviteeCame } from './records';
import { invitations, meetingPractitioners, meetings, networkMembers, people, teams, users } from '../schema';
import type { PersonRef } from './people';

export type Response = (typeof invitations.response.enumValues)[number];

/** Whom a meeting of this person can be sent to: the person, and their active network members with consent. */
export async function inviteOptions(db: Db, personId: string) {
  const [person] = await db
    .select({
      id: people.id,
      givenName: people.givenName,
      preferredName: people.preferredName,
      email: people.email,
      phone: people.phone,
    })
    .from(people)
    .where(eq(people.id, personId))
    .limit(1);
  const members = await db
    .select({
      id: networkMembers.id,
      givenName: networkMembers.givenName,
      familyName: networkMembers.familyName,
      relationship: networkMembers.relationship,
      closeness: networkMembers.closeness,
      email: networkMembers.email,
      phone: networkMembers.phone,
      mayBeInvited: networkMembers.mayBeInvited,
    })
    .from(networkMembers)
    .where(and(eq(networkMembers.personId, personId), eq(networkMembers.active, true)))
    .orderBy(asc(networkMembers.closeness), asc(networkMembers.givenName));
  return { person: person!, members };
}

/**
 * Of these network members, those of this person who are in the network and may be invited,
 * held (FOR SHARE) until the transaction ends: a withdrawal of consent at the same moment waits
 * for this booking, and then turns off the link it made.
 */
export async function invitableMembers(tx: Db, personId: string, memberIds: readonly string[]) {
  if (memberIds.length === 0) return [];
  return tx
    .select({ id: networkMembers.id })
    .from(networkMembers)
    .where(
      and(
        inArray(networkMembers.id, [...memberIds]),
        eq(networkMembers.personId, personId),
        eq(networkMembers.active, true),
        eq(networkMembers.mayBeInvited, true),
      ),
    )
    .for('share');
}

/**
 * Inserts invitations; one that would be a second live invitation of the same invitee to the
 * same meeting (two bookings racing) does nothing, by the partial unique indexes of migration
 * 0006, and RETURNING lists only the rows made.
 */
export async function insertInvitations(
  tx: Db,
  rows: (typeof invitations.$inferInsert)[],
): Promise<{ id: string; meetingId: string }[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(invitations)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: invitations.id, meetingId: invitations.meetingId });
}

/**
 * A meeting of this person, locked until the transaction ends, for inviting someone to it: a
 * move or a cancellation waits, so the new link's expiry and the meeting's state stay true.
 */
export async function meetingToInviteTo(tx: Db, person: PersonRef, meetingId: string) {
  const [meeting] = await tx
    .select({
      id: meetings.id,
      personId: meetings.personId,
      status: meetings.status,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
    })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.personId, person.id), eq(meetings.teamId, person.teamId)))
    .for('update');
  return meeting;
}

/** One invitation of a meeting, with whom it is for and whether a network member may still be invited. */
export async function invitationOfMeeting(db: Db, meetingId: string, invitationId: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
      personId: invitations.personId,
      networkMemberId: invitations.networkMemberId,
      inviteeGivenName: sql<string>`coalesce(${networkMembers.givenName}, ${people.preferredName}, ${people.givenName})`,
      memberActive: networkMembers.active,
      memberMayBeInvited: networkMembers.mayBeInvited,
    })
    .from(invitations)
    .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
    .innerJoin(people, eq(people.id, meetings.personId))
    .leftJoin(networkMembers, eq(networkMembers.id, invitations.networkMemberId))
    .where(and(eq(invitations.id, invitationId), eq(invitations.meetingId, meetingId)))
    .limit(1);
  return row;
}

/** Who is invited to a meeting, with their answers, for the team. Contact details only here, never on public pages. */
export async function meetingInvitations(db: Db, meetingId: string) {
  return db
    .select({
      id: invitations.id,
      response: invitations.response,
      respondedAt: invitations.respondedAt,
      message: invitations.message,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      networkMemberId: invitations.networkMemberId,
      personGivenName: people.givenName,
      memberGivenName: networkMembers.givenName,
      memberFamilyName: networkMembers.familyName,
      relationship: networkMembers.relationship,
      /** Whether a new link may be sent: the person always; a member while active and with consent. */
      mayBeInvitedAgain: sql<boolean>`${invitations.personId} is not null or (${networkMembers.active} and ${networkMembers.mayBeInvited})`,
      /** For who may read the notes after the meeting (`mayRead` in lib/records/rules.ts). */
      memberActive: sql<boolean>`coalesce(${networkMembers.active}, false)`,
      memberMayBeInvited: sql<boolean>`coalesce(${networkMembers.mayBeInvited}, false)`,
      maySeeSharedRecords: sql<boolean>`coalesce(${networkMembers.maySeeSharedRecords}, false)`,
      came: inviteeCame,
      email: sql<
        string | null
      >`coalesce(${networkMembers.email}, case when ${invitations.personId} is not null then ${people.email} end)`,
      phone: sql<
        string | null
      >`coalesce(${networkMembers.phone}, case when ${invitations.personId} is not null then ${people.phone} end)`,
    })
    .from(invitations)
    .leftJoin(networkMembers, eq(networkMembers.id, invitations.networkMemberId))
    .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
    .innerJoin(people, eq(people.id, meetings.personId))
    .where(eq(invitations.meetingId, meetingId))
    .orderBy(
      sql`${invitations.personId} is null`,
      asc(networkMembers.givenName),
      asc(invitations.networkMemberId),
      asc(invitations.createdAt),
    );
}

/**
 * The invitation behind a link (found by the SHA-256 of its token), with who else is coming, in one statement: the page's whole read
 * before the meeting. With names (`others.invitees`): the first names and relationships of the
 * other invitees who have not declined, read only when this invitee may see them (the person
 * always; a network member only when the person shares names: lib/invitations/visibility.ts's
 * rule, written here so that otherwise the names never leave the database). Without: just whether
 * anyone else from the network is still invited. The practitioners' names always. Never contact
 * details.
 */
export async function invitationByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      response: invitations.response,
      message: invitations.message,
      respondedAt: invitations.respondedAt,
      expiresAt: invitations.expiresAt,
      revokedAt: invitations.revokedAt,
      networkMemberId: invitations.networkMemberId,
      /** The person the meeting is for, rather than someone from their network: the page speaks to them as such. */
      inviteeIsPerson: sql<boolean>`${invitations.personId} is not null`,
      inviteeGivenName: sql<string>`coalesce(${networkMembers.givenName}, ${people.preferredName}, ${people.givenName})`,
      inviteeEmail: sql<
        string | null
      >`coalesce(${networkMembers.email}, case when ${invitations.personId} is not null then ${people.email} end)`,
      personGivenName: sql<string>`coalesce(${people.preferredName}, ${people.givenName})`,
      inviteesSeeEachOther: people.inviteesSeeEachOther,
      meetingId: meetings.id,
      personId: meetings.personId,
      teamId: meetings.teamId,
      status: meetings.status,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
      locationKind: meetings.locationKind,
      locationDetail: meetings.locationDetail,
      videoUrl: meetings.videoUrl,
      teamName: teams.name,
      staff: sql<
        TeamMember[]
      >`(select coalesce(json_agg(json_build_object('name', u.name, 'discipline', u.discipline) order by u.name), '[]'::json)
        from meeting_practitioners mp join users u on u.id = mp.user_id
        where mp.meeting_id = ${meetings.id} and mp.role = 'required')`,
      othersInvited: sql<boolean>`exists (select 1 from invitations o
        where o.meeting_id = ${meetings.id} and o.id <> ${invitations.id} and o.revoked_at is null
          and o.response <> 'declined' and o.network_member_id is not null)`,
      otherInvitees: sql<
        OtherInvitee[] | null
      >`case when ${invitations.networkMemberId} is null or ${people.inviteesSeeEachOther} = 'names' then (
        select coalesce(json_agg(json_build_object(
            'givenName', coalesce(nm.given_name, ${people.preferredName}, ${people.givenName}),
            'relationship', nm.relationship, 'response', o.response)
          order by o.person_id is null, nm.given_name), '[]'::json)
        from invitations o left join network_members nm on nm.id = o.network_member_id
        where o.meeting_id = ${meetings.id} and o.id <> ${invitations.id} and o.revoked_at is null
          and o.response <> 'declined') end`,
    })
    .from(invitations)
    .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
    .innerJoin(people, eq(people.id, meetings.personId))
    .innerJoin(teams, eq(teams.id, meetings.teamId))
    .leftJoin(networkMembers, eq(networkMembers.id, invitations.networkMemberId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  if (!row) return undefined;
  const { staff, othersInvited, otherInvitees, ...invitation } = row;
  return { invitation, staff, othersInvited, otherInvitees };
}

export type InvitationLookup = NonNullable<Awaited<ReturnType<typeof invitationByTokenHash>>>;
export type InvitationView = InvitationLookup['invitation'];

type OtherInvitee = {
  givenName: string;
  relationship: (typeof networkMembers.relationship.enumValues)[number] | null;
  response: Response;
};
type TeamMember = { name: string; discipline: (typeof users.discipline.enumValues)[number] };

/** What an invitation page shows of the others: their names, or only whether anyone else from the network is invited. */
export type OthersComing = { staff: TeamMember[] } & (
  { namesShown: true; invitees: OtherInvitee[] } | { namesShown: false; othersInvited: boolean }
);

/** An invitee's answer; only while the link works and before the meeting starts. */
export async function recordResponse(
  db: Db,
  invitationId: string,
  response: Exclude<Response, 'needs_action'>,
  message: string | null,
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ response, message, respondedAt: now })
    .where(
      and(
        eq(invitations.id, invitationId),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
        sql`exists (select 1 from ${meetings} where ${meetings.id} = ${invitations.meetingId} and ${meetings.status} = 'scheduled' and ${meetings.startsAt} > ${now.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/** Ends one link at once (a lost phone, a changed mind): the page then says only that the link no longer works. */
export async function revokeInvitation(
  db: Db,
  meetingId: string,
  invitationId: string,
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.id, invitationId), eq(invitations.meetingId, meetingId), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/**
 * How many days after its end a meeting's personal links still open its notes: the meeting's
 * team's `record_link_days`. Read inside the booking's transaction, for new links' expiry.
 */
export async function recordLinkDaysOf(tx: Db, meetingId: string): Promise<number> {
  const [row] = await tx
    .select({ days: teams.recordLinkDays })
    .from(meetings)
    .innerJoin(teams, eq(teams.id, meetings.teamId))
    .where(eq(meetings.id, meetingId))
    .limit(1);
  if (!row) throw new Error(`No meeting ${meetingId} to invite to`);
  return row.days;
}

/**
 * A moved meeting's links stay valid until the new end plus the team's `record_link_days`
 * (whole days of 24 hours, as `createInvitations` counts them), for reading the notes after it.
 */
export async function extendInvitations(tx: Db, moved: readonly { id: string; endsAt: Date }[]) {
  if (moved.length === 0) return;
  // One statement for every moved meeting: each meeting's new end joined in as a row of values.
  const ends = sql.join(
    moved.map((m) => sql`(${m.id}::uuid, ${m.endsAt.toISOString()}::timestamptz)`),
    sql`, `,
  );
  await tx.execute(sql`
    update ${invitations} set expires_at = moved.ends_at + make_interval(hours => 24 * ${teams.recordLinkDays})
    from (values ${ends}) as moved(meeting_id, ends_at), ${meetings}, ${teams}
    where ${invitations.meetingId} = moved.meeting_id and ${meetings.id} = moved.meeting_id
      and ${teams.id} = ${meetings.teamId} and ${invitations.revokedAt} is null`);
}

/**
 * A practitioner's meetings in the coming days with invitees who have not answered yet, for
 * Today. Starts from their busy intervals (the (user_id, busy_from) index), like Today itself.
 */
export async function meetingsAwaitingAnswers(
  db: Db,
  args: { userId: string; teamIds: string[] },
  window: { from: Date; until: Date },
  limit = 10,
) {
  if (args.teamIds.length === 0) return [];
  return db
    .select({
      meetingId: meetings.id,
      personId: meetings.personId,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
      personName: sql<string>`coalesce(${people.preferredName}, ${people.givenName}) || ' ' || ${people.familyName}`,
      waiting: sql<number>`count(*)::int`,
    })
    .from(meetingPractitioners)
    .innerJoin(meetings, eq(meetings.id, meetingPractitioners.meetingId))
    .innerJoin(invitations, eq(invitations.meetingId, meetings.id))
    .innerJoin(people, eq(people.id, meetings.personId))
    .where(
      and(
        eq(meetingPractitioners.userId, args.userId),
        eq(meetingPractitioners.active, true),
        gt(meetingPractitioners.busyFrom, new Date(window.from.getTime() - 86_400_000)),
        lt(meetingPractitioners.busyFrom, window.until),
        gt(meetings.startsAt, window.from),
        inArray(meetings.teamId, args.teamIds),
        eq(meetings.status, 'scheduled'),
        eq(invitations.response, 'needs_action'),
        isNull(invitations.revokedAt),
      ),
    )
    .groupBy(
      meetings.id,
      meetings.personId,
      meetings.startsAt,
      meetings.timeZone,
      people.preferredName,
      people.givenName,
      people.familyName,
    )
    .orderBy(asc(meetings.startsAt))
    .limit(limit);
}

/**
 * Invitations of a meeting still in force (not turned off), with whom each is for and where to
 * send notices: one per invitee at most.
 */
export async function liveInvitations(db: Db, meetingId: string) {
  return liveInvitationsOf(db, [meetingId]);
}

/** The same for several meetings of one person at once, each row naming its meeting. */
export async function liveInvitationsOf(db: Db, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({
      id: invitations.id,
      meetingId: invitations.meetingId,
      response: invitations.response,
      isPerson: sql<boolean>`${invitations.personId} is not null`,
      networkMemberId: invitations.networkMemberId,
      givenName: sql<string>`coalesce(${networkMembers.givenName}, ${people.preferredName}, ${people.givenName})`,
      email: sql<
        string | null
      >`coalesce(${networkMembers.email}, case when ${invitations.personId} is not null then ${people.email} end)`,
    })
    .from(invitations)
    .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
    .innerJoin(people, eq(people.id, meetings.personId))
    .leftJoin(networkMembers, eq(networkMembers.id, invitations.networkMemberId))
    .where(and(inArray(invitations.meetingId, [...meetingIds]), isNull(invitations.revokedAt)));
}
