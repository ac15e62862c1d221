import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { DAY_MS } from '@/lib/time/units';
import type { Db } from '../client';
import {
  invitations,
  meetingAttendance,
  meetingPractitioners,
  meetingRecords,
  meetings,
  networkMembers,
  people,
  recordShareChoices,
  recordSignatures,
  recordStatements,
  recordWithholdings,
  teamMembers,
  users,
  presentValues,
  type Presence,
  type RecordContent,
  type RecordSection,
} from '../schema';
import type { PersonRef } from './people';

/** The meeting as its record needs it: the person's, on their team. */
export async function meetingForRecord(db: Db, person: PersonRef, meetingId: string) {
  const [row] = await db
    .select({
      id: meetings.id,
      personId: meetings.personId,
      teamId: meetings.teamId,
      kind: meetings.kind,
      status: meetings.status,
      statusReason: meetings.statusReason,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
      locationKind: meetings.locationKind,
      locationDetail: meetings.locationDetail,
    })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.personId, person.id), eq(meetings.teamId, person.teamId)))
    .limit(1);
  return row;
}

export type MeetingForRecord = NonNullable<Awaited<ReturnType<typeof meetingForRecord>>>;

/**
 * Everyone who was expected at a meeting or is recorded as having come: the practitioners booked,
 * the person and network members invited (one row each, however many links they had), and anyone
 * added afterwards, each with their recorded presence (null until recorded).
 */
export async function meetingParticipants(db: Db, meetingId: string) {
  const [booked, invited, recorded] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, discipline: users.discipline, role: meetingPractitioners.role })
      .from(meetingPractitioners)
      .innerJoin(users, eq(users.id, meetingPractitioners.userId))
      .where(eq(meetingPractitioners.meetingId, meetingId))
      .orderBy(asc(users.name)),
    db
      .selectDistinctOn([invitations.personId, invitations.networkMemberId], {
        personId: invitations.personId,
        networkMemberId: invitations.networkMemberId,
        personName: sql<
          string | null
        >`case when ${invitations.personId} is not null then coalesce(${people.preferredName}, ${people.givenName}) || ' ' || ${people.familyName} end`,
        memberName: sql<
          string | null
        >`${networkMembers.givenName} || coalesce(' ' || ${networkMembers.familyName}, '')`,
        relationship: networkMembers.relationship,
        maySeeSharedRecords: networkMembers.maySeeSharedRecords,
      })
      .from(invitations)
      .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
      .innerJoin(people, eq(people.id, meetings.personId))
      .leftJoin(networkMembers, eq(networkMembers.id, invitations.networkMemberId))
      .where(eq(invitations.meetingId, meetingId))
      .orderBy(invitations.personId, invitations.networkMemberId),
    db
      .select({
        userId: meetingAttendance.userId,
        personId: meetingAttendance.personId,
        networkMemberId: meetingAttendance.networkMemberId,
        presence: meetingAttendance.presence,
        invited: meetingAttendance.invited,
        coveringFor: meetingAttendance.coveringFor,
        userName: users.name,
        userDiscipline: users.discipline,
        memberName: sql<
          string | null
        >`${networkMembers.givenName} || coalesce(' ' || ${networkMembers.familyName}, '')`,
        relationship: networkMembers.relationship,
        maySeeSharedRecords: networkMembers.maySeeSharedRecords,
        personName: sql<
          string | null
        >`(select coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name from people p where p.id = ${meetingAttendance.personId})`,
      })
      .from(meetingAttendance)
      .leftJoin(users, eq(users.id, meetingAttendance.userId))
      .leftJoin(networkMembers, eq(networkMembers.id, meetingAttendance.networkMemberId))
      .where(eq(meetingAttendance.meetingId, meetingId)),
  ]);
  return { booked, invited, recorded };
}

export type AttendanceRow = {
  userId?: string;
  personId?: string;
  networkMemberId?: string;
  presence: Presence;
  invited: boolean;
  coveringFor?: string | null;
};

/** Writes the attendance of a meeting as recorded now (a correction replaces the earlier entry). */
export async function saveAttendance(tx: Db, meetingId: string, recordedBy: string, rows: readonly AttendanceRow[]) {
  for (const row of rows) {
    const target = row.userId
      ? { col: meetingAttendance.userId, where: sql`${meetingAttendance.userId} is not null` }
      : row.personId
        ? { col: meetingAttendance.personId, where: sql`${meetingAttendance.personId} is not null` }
        : { col: meetingAttendance.networkMemberId, where: sql`${meetingAttendance.networkMemberId} is not null` };
    await tx
      .insert(meetingAttendance)
      .values({
        meetingId,
        userId: row.userId ?? null,
        personId: row.personId ?? null,
        networkMemberId: row.networkMemberId ?? null,
        presence: row.presence,
        invited: row.invited,
        coveringFor: row.coveringFor ?? null,
        recordedBy,
      })
      .onConflictDoUpdate({
        target: [meetingAttendance.meetingId, target.col],
        targetWhere: target.where,
        set: {
          presence: row.presence,
          coveringFor: row.coveringFor ?? null,
          recordedBy,
          recordedAt: sql`now()`,
        },
      });
  }
  // The booked practitioners' summary, which calendars read (came → accepted, else declined).
  await tx
    .update(meetingPractitioners)
    .set({
      attendance: sql`case when exists (select 1 from ${meetingAttendance} a where a.meeting_id = ${meetingPractitioners.meetingId} and a.user_id = ${meetingPractitioners.userId} and a.presence in ('came', 'came_late', 'left_early', 'remote')) then 'attended'::attendance
        when exists (select 1 from ${meetingAttendance} a where a.meeting_id = ${meetingPractitioners.meetingId} and a.user_id = ${meetingPractitioners.userId}) then 'absent'::attendance
        else 'unknown'::attendance end`,
    })
    .where(eq(meetingPractitioners.meetingId, meetingId));
  await tx
    .update(invitations)
    .set({
      attended: sql`(select a.presence in ('came', 'came_late', 'left_early', 'remote') from ${meetingAttendance} a where a.meeting_id = ${invitations.meetingId}
        and (a.person_id = ${invitations.personId} or a.network_member_id = ${invitations.networkMemberId}))`,
    })
    .where(eq(invitations.meetingId, meetingId));
}

/** Marks a meeting that has started held or not happened; false when it was cancelled or has not started. */
export async function setMeetingOutcome(
  tx: Db,
  meetingId: string,
  outcome: 'held' | 'did_not_happen',
  reason: string | null,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(meetings)
    .set({ status: outcome, statusReason: reason, sequence: sql`${meetings.sequence} + 1`, updatedAt: now })
    .where(
      and(
        eq(meetings.id, meetingId),
        inArray(meetings.status, ['scheduled', 'held', 'did_not_happen']),
        lte(meetings.startsAt, now),
      ),
    )
    .returning({ id: meetings.id });
  return rows.length === 1;
}

/** Whether a practitioner came to a meeting, as recorded. */
export async function practitionerCame(db: Db, meetingId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(meetingAttendance)
    .where(
      and(
        eq(meetingAttendance.meetingId, meetingId),
        eq(meetingAttendance.userId, userId),
        inArray(meetingAttendance.presence, [...presentValues]),
      ),
    )
    .limit(1);
  return rows.length === 1;
}

/** Every version of a meeting's record, oldest first, with who wrote and who signed each. */
export async function recordVersions(db: Db, meetingId: string) {
  const versions = await db
    .select({
      id: meetingRecords.id,
      version: meetingRecords.version,
      content: meetingRecords.content,
      readBackWithPerson: meetingRecords.readBackWithPerson,
      amendmentReason: meetingRecords.amendmentReason,
      enteredInErrorReason: meetingRecords.enteredInErrorReason,
      authorId: meetingRecords.authorId,
      authorName: users.name,
      createdAt: meetingRecords.createdAt,
    })
    .from(meetingRecords)
    .innerJoin(users, eq(users.id, meetingRecords.authorId))
    .where(eq(meetingRecords.meetingId, meetingId))
    .orderBy(asc(meetingRecords.version));
  const signatures = versions.length
    ? await db
        .select({
          recordId: recordSignatures.recordId,
          signerId: recordSignatures.signerId,
          signerName: users.name,
          kind: recordSignatures.kind,
          signedAt: recordSignatures.signedAt,
        })
        .from(recordSignatures)
        .innerJoin(users, eq(users.id, recordSignatures.signerId))
        .where(
          inArray(
            recordSignatures.recordId,
            versions.map((v) => v.id),
          ),
        )
        .orderBy(asc(recordSignatures.signedAt))
    : [];
  return versions.map((v) => ({ ...v, signatures: signatures.filter((s) => s.recordId === v.id) }));
}

export type RecordVersion = Awaited<ReturnType<typeof recordVersions>>[number];

export async function insertRecordVersion(
  tx: Db,
  row: {
    meetingId: string;
    version: number;
    content: RecordContent;
    readBackWithPerson: boolean;
    authorId: string;
    amendmentReason?: string | null;
    enteredInErrorReason?: string | null;
  },
): Promise<{ id: string; createdAt: Date }> {
  const [inserted] = await tx
    .insert(meetingRecords)
    .values(row)
    .returning({ id: meetingRecords.id, createdAt: meetingRecords.createdAt });
  return inserted!;
}

export async function insertSignature(
  tx: Db,
  row: { recordId: string; signerId: string; kind: 'signed' | 'co_signed' },
): Promise<void> {
  await tx.insert(recordSignatures).values(row);
}

/** Locks the meeting's row while its record changes, so two saves cannot both take the next version. */
export async function lockMeeting(tx: Db, meetingId: string): Promise<void> {
  await tx.execute(sql`select 1 from ${meetings} where ${meetings.id} = ${meetingId} for update`);
}

/** The person's latest choice of sections network members who came may read (none until chosen). */
export async function sharedSections(db: Db, meetingId: string): Promise<RecordSection[]> {
  const [row] = await db
    .select({ sections: recordShareChoices.sections })
    .from(recordShareChoices)
    .where(eq(recordShareChoices.meetingId, meetingId))
    .orderBy(desc(recordShareChoices.recordedAt), desc(recordShareChoices.id))
    .limit(1);
  return row?.sections ?? [];
}

export async function insertShareChoice(tx: Db, meetingId: string, sections: RecordSection[], recordedBy: string) {
  await tx.insert(recordShareChoices).values({ meetingId, sections, recordedBy });
}

/** What the team keeps from the person now (not lifted). */
export async function activeWithholdings(db: Db, meetingId: string) {
  return db
    .select({
      id: recordWithholdings.id,
      section: recordWithholdings.section,
      reason: recordWithholdings.reason,
      reviewOn: recordWithholdings.reviewOn,
      withheldAt: recordWithholdings.withheldAt,
      withheldByName: users.name,
    })
    .from(recordWithholdings)
    .innerJoin(users, eq(users.id, recordWithholdings.withheldBy))
    .where(and(eq(recordWithholdings.meetingId, meetingId), isNull(recordWithholdings.liftedAt)))
    .orderBy(asc(recordWithholdings.withheldAt));
}

export type Withholding = Awaited<ReturnType<typeof activeWithholdings>>[number];

export async function insertWithholding(
  tx: Db,
  row: {
    meetingId: string;
    section: RecordSection | null;
    reason: (typeof recordWithholdings.reason.enumValues)[number];
    reviewOn: string;
    withheldBy: string;
  },
) {
  await tx.insert(recordWithholdings).values(row);
}

export async function liftWithholdingRow(tx: Db, meetingId: string, id: string, liftedBy: string): Promise<boolean> {
  const rows = await tx
    .update(recordWithholdings)
    .set({ liftedBy, liftedAt: sql`now()` })
    .where(
      and(
        eq(recordWithholdings.id, id),
        eq(recordWithholdings.meetingId, meetingId),
        isNull(recordWithholdings.liftedAt),
      ),
    )
    .returning({ id: recordWithholdings.id });
  return rows.length === 1;
}

/** Readers' "this isn't how I see it", oldest first, with who said it. */
export async function recordStatementsOf(db: Db, meetingId: string) {
  return db
    .select({
      id: recordStatements.id,
      section: recordStatements.section,
      words: recordStatements.words,
      createdAt: recordStatements.createdAt,
      invitationId: recordStatements.invitationId,
      byName: sql<string>`coalesce(${networkMembers.givenName} || coalesce(' ' || ${networkMembers.familyName}, ''), coalesce(${people.preferredName}, ${people.givenName}) || ' ' || ${people.familyName})`,
      byPerson: sql<boolean>`${invitations.personId} is not null`,
    })
    .from(recordStatements)
    .innerJoin(invitations, eq(invitations.id, recordStatements.invitationId))
    .leftJoin(networkMembers, eq(networkMembers.id, invitations.networkMemberId))
    .leftJoin(people, eq(people.id, invitations.personId))
    .where(eq(recordStatements.meetingId, meetingId))
    .orderBy(asc(recordStatements.createdAt));
}

export async function insertStatement(
  tx: Db,
  row: { meetingId: string; recordId: string; invitationId: string; section: RecordSection; words: string },
) {
  await tx.insert(recordStatements).values(row);
}

/**
 * The newest version of the record of each of a person's held meetings (none marked entered in
 * error), newest meeting first: where open actions and questions are read from.
 */
export async function latestRecordsOfPerson(db: Db, personId: string, limit = 60) {
  return db
    .selectDistinctOn([meetings.startsAt, meetings.id], {
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      content: meetingRecords.content,
      signed: sql<boolean>`exists (select 1 from record_signatures s where s.record_id = ${meetingRecords.id})`,
    })
    .from(meetings)
    .innerJoin(meetingRecords, eq(meetingRecords.meetingId, meetings.id))
    .where(
      and(
        eq(meetings.personId, personId),
        eq(meetings.status, 'held'),
        sql`not exists (select 1 from meeting_records e where e.meeting_id = ${meetings.id} and e.entered_in_error_reason is not null)`,
      ),
    )
    .orderBy(desc(meetings.startsAt), meetings.id, desc(meetingRecords.version))
    .limit(limit);
}

/**
 * A practitioner's meetings that ended and still need recording: not yet marked held or not
 * happened, or held without a signed record. Starts from their own bookings (the (user_id,
 * busy_from) index), over the last 60 days.
 */
export async function meetingsToRecord(db: Db, userId: string, teamIds: string[], now: Date, limit = 20) {
  if (teamIds.length === 0) return [];
  return db
    .select({
      id: meetings.id,
      personId: meetings.personId,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
      status: meetings.status,
      kind: meetings.kind,
      givenName: people.givenName,
      preferredName: people.preferredName,
      familyName: people.familyName,
      hasDraft: sql<boolean>`exists (select 1 from meeting_records r where r.meeting_id = ${meetings.id})`,
    })
    .from(meetingPractitioners)
    .innerJoin(meetings, eq(meetings.id, meetingPractitioners.meetingId))
    .innerJoin(people, eq(people.id, meetings.personId))
    .where(
      and(
        eq(meetingPractitioners.userId, userId),
        gt(meetingPractitioners.busyFrom, new Date(now.getTime() - 60 * DAY_MS)),
        lt(meetingPractitioners.busyFrom, now),
        lte(meetings.endsAt, now),
        inArray(meetings.teamId, teamIds),
        sql`(${meetings.status} = 'scheduled' or (${meetings.status} = 'held'
          and not exists (select 1 from meeting_records r join record_signatures s on s.record_id = r.id where r.meeting_id = ${meetings.id})
          and not exists (select 1 from meeting_records e where e.meeting_id = ${meetings.id} and e.entered_in_error_reason is not null)))`,
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(limit);
}

/** The invitees who may read a meeting's record, for the notice that notes are ready (live links only). */
export async function recordReaders(db: Db, meetingId: string) {
  return db
    .select({
      invitationId: invitations.id,
      personId: invitations.personId,
      networkMemberId: invitations.networkMemberId,
      maySeeSharedRecords: networkMembers.maySeeSharedRecords,
      memberActive: networkMembers.active,
    })
    .from(invitations)
    .leftJoin(networkMembers, eq(networkMembers.id, invitations.networkMemberId))
    .where(
      and(eq(invitations.meetingId, meetingId), isNull(invitations.revokedAt), sql`${invitations.expiresAt} > now()`),
    );
}

export async function isNetworkMemberOf(db: Db, personId: string, memberId: string): Promise<boolean> {
  const rows = await db
    .select({ id: networkMembers.id })
    .from(networkMembers)
    .where(and(eq(networkMembers.id, memberId), eq(networkMembers.personId, personId)))
    .limit(1);
  return rows.length === 1;
}

export async function isTeamMember(db: Db, teamId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
    .limit(1);
  return rows.length === 1;
}

/** Whether the holder of an invitation (in the outer query) came to its meeting, in person or remotely. */
export const inviteeCame = sql<boolean>`exists (select 1 from ${meetingAttendance} where ${meetingAttendance.meetingId} = ${invitations.meetingId}
  and (${meetingAttendance.networkMemberId} = ${invitations.networkMemberId} or ${meetingAttendance.personId} = ${invitations.personId})
  and ${inArray(meetingAttendance.presence, [...presentValues])})`;

/** Who holds a personal link, as the record's sharing rules weigh them (with its network member joined). */
const readerColumns = {
  invitationId: invitations.id,
  meetingId: invitations.meetingId,
  isPerson: sql<boolean>`${invitations.personId} is not null`,
  networkMemberId: invitations.networkMemberId,
  maySeeSharedRecords: sql<boolean>`coalesce(${networkMembers.maySeeSharedRecords}, false)`,
  mayBeInvited: sql<boolean>`coalesce(${networkMembers.mayBeInvited}, false)`,
  active: sql<boolean>`coalesce(${networkMembers.active}, false)`,
  came: inviteeCame,
};

/** The reader behind one personal link, as the record's sharing rules need them. */
export async function readerOfInvitation(db: Db, invitationId: string) {
  const [row] = await db
    .select(readerColumns)
    .from(invitations)
    .leftJoin(networkMembers, eq(networkMembers.id, invitations.networkMemberId))
    .where(eq(invitations.id, invitationId))
    .limit(1);
  return row;
}

type SignatureJson = { signerId: string; kind: 'signed' | 'co_signed'; signedAt: string };
type VersionJson = {
  id: string;
  version: number;
  authorId: string;
  content: RecordContent;
  amendmentReason: string | null;
  enteredInErrorReason: string | null;
  signatures: SignatureJson[];
};

/**
 * The reader behind one personal link with what the sharing rules weigh for their meeting's
 * record, in one statement: every version (with its signatures, earliest first), the sections the
 * person shares now, and the sections withheld now.
 */
export async function readerRecordOfInvitation(db: Db, invitationId: string) {
  const [row] = await db
    .select({
      ...readerColumns,
      versions: sql<VersionJson[]>`(select coalesce(json_agg(json_build_object(
          'id', r.id, 'version', r.version, 'authorId', r.author_id, 'content', r.content,
          'amendmentReason', r.amendment_reason, 'enteredInErrorReason', r.entered_in_error_reason,
          'signatures', (select coalesce(json_agg(json_build_object('signerId', s.signer_id, 'kind', s.kind, 'signedAt', s.signed_at)
            order by s.signed_at), '[]'::json) from record_signatures s where s.record_id = r.id))
        order by r.version), '[]'::json)
        from meeting_records r where r.meeting_id = ${invitations.meetingId})`,
      shared: sql<RecordSection[]>`coalesce((select to_json(c.sections) from record_share_choices c
        where c.meeting_id = ${invitations.meetingId} order by c.recorded_at desc, c.id desc limit 1), '[]'::json)`,
      withheld: sql<RecordSection[]>`(select coalesce(json_agg(w.section order by w.withheld_at), '[]'::json)
        from record_withholdings w where w.meeting_id = ${invitations.meetingId} and w.lifted_at is null)`,
    })
    .from(invitations)
    .leftJoin(networkMembers, eq(networkMembers.id, invitations.networkMemberId))
    .where(eq(invitations.id, invitationId))
    .limit(1);
  if (!row) return undefined;
  return {
    ...row,
    versions: row.versions.map((v) => ({
      ...v,
      signatures: v.signatures.map((sig) => ({ ...sig, signedAt: new Date(sig.signedAt) })),
    })),
  };
}

/** Who could be added as having come without an invitation: the person's network and the team's practitioners. */
export async function addableAttendees(db: Db, person: PersonRef) {
  const [members, practitioners] = await Promise.all([
    db
      .select({
        id: networkMembers.id,
        name: sql<string>`${networkMembers.givenName} || coalesce(' ' || ${networkMembers.familyName}, '')`,
        relationship: networkMembers.relationship,
      })
      .from(networkMembers)
      .where(and(eq(networkMembers.personId, person.id), eq(networkMembers.active, true)))
      .orderBy(asc(networkMembers.givenName)),
    db
      .select({ id: users.id, name: users.name, discipline: users.discipline })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, person.teamId), isNull(users.disabledAt)))
      .orderBy(asc(users.name)),
  ]);
  return { members, practitioners };
}
