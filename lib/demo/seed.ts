import { createHash, randomBytes } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, getISODay } from 'date-fns';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { invitationLinkMarker } from '@/lib/invitations/link-marker';
import { hashToken, tokenFor } from '@/lib/invitations/token';
import { placeDescription } from '@/lib/meetings/labels';
import { localDayKey, longDate, timeOfDay, timeRange, zoneAbbreviation } from '@/lib/time/format';
import { DAY_MS, MINUTE_MS } from '@/lib/time/units';
import { groupBy } from '@/lib/group-by';

/**
 * Demo data for development: a fictional team with practitioners, people, their networks and
 * core teams, and six months of past and four weeks of future meetings, relative to today.
 * Every name is invented.
 */
export const DEMO_PASSWORD = 'open-dialogue-demo';
export const DEMO_PRACTITIONER_EMAIL = 'alex.morgan@example.org';
export const DEMO_ADMIN_EMAIL = 'jo.whitfield@example.org';
/**
 * The demo data books meetings and absences no further ahead than this many days from the day it
 * is seeded: a test that needs free practitioners uses days after it (e2e/fixtures.ts).
 */
export const DEMO_DAYS_AHEAD = 28;
export const DEMO_TEAM_NAME = 'Riverside Open Dialogue Team';
const ZONE = 'Europe/London';
/** The team's default (teams.record_link_days): personal links open the notes this long after the meeting. */
const RECORD_LINK_DAYS = 90;

type Discipline = (typeof s.discipline.enumValues)[number];
type PractitionerSpec = {
  key: string;
  name: string;
  discipline: Discipline;
  role?: 'admin';
  lead?: boolean;
  timeZone?: string;
  /** ISO weekdays worked, and local hours. */
  days: number[];
  from: number;
  to: number;
};

const practitioners: PractitionerSpec[] = [
  {
    key: 'alex',
    name: 'Alex Morgan',
    discipline: 'nurse',
    lead: true,
    days: [1, 2, 3, 4, 5],
    from: 9 * 60,
    to: 17 * 60,
  },
  {
    key: 'sam',
    name: 'Sam Patel',
    discipline: 'peer_support_worker',
    days: [1, 2, 3, 4, 5],
    from: 9 * 60,
    to: 17 * 60,
  },
  { key: 'priya', name: 'Priya Shah', discipline: 'psychologist', days: [1, 2, 3, 4, 5], from: 9 * 60, to: 17 * 60 },
  {
    key: 'tom',
    name: 'Tom Reilly',
    discipline: 'social_worker',
    days: [1, 2, 3, 4, 5],
    from: 8 * 60 + 30,
    to: 16 * 60 + 30,
  },
  {
    key: 'maya',
    name: 'Maya Okafor',
    discipline: 'peer_support_worker',
    days: [2, 3, 4],
    from: 9 * 60 + 30,
    to: 15 * 60 + 30,
  },
  {
    key: 'jo',
    name: 'Jo Whitfield',
    discipline: 'psychiatrist',
    role: 'admin',
    days: [1, 2, 4, 5],
    from: 9 * 60,
    to: 17 * 60,
  },
  {
    key: 'chris',
    name: 'Chris Byrne',
    discipline: 'occupational_therapist',
    days: [1, 2, 3, 4],
    from: 9 * 60,
    to: 17 * 60,
  },
  {
    key: 'leah',
    name: 'Leah Novak',
    discipline: 'nurse',
    timeZone: 'Europe/Dublin',
    days: [1, 2, 3, 4, 5],
    from: 8 * 60,
    to: 16 * 60,
  },
];

const givenNames = [
  'Jamie',
  'Morgan',
  'Riley',
  'Casey',
  'Taylor',
  'Jordan',
  'Rowan',
  'Avery',
  'Quinn',
  'Harper',
  'Elliot',
  'Skye',
  'Reese',
  'Sasha',
  'Kit',
  'Nico',
  'Ari',
  'Dani',
  'Frankie',
  'Jesse',
  'Robin',
  'Sidney',
  'Toby',
  'Ellis',
  'Marley',
];
const familyNames = [
  'Ashworth',
  'Bellamy',
  'Carver',
  'Dunmore',
  'Ellery',
  'Fairley',
  'Garrick',
  'Hollis',
  'Ingram',
  'Jarvis',
  'Kendrick',
  'Lowther',
  'Marsden',
  'Norwood',
  'Oakley',
  'Pemberton',
  'Quarry',
  'Radcliffe',
  'Sherwood',
  'Thackeray',
  'Underhill',
  'Varley',
  'Whitlock',
  'Yardley',
  'Ackroyd',
];
/** The first demo person: the demo practitioner leads their core team, and their latest meetings wait to be recorded. */
export const DEMO_FIRST_PERSON = { givenName: givenNames[0]!, familyName: familyNames[0]! };
const memberGivenNames = [
  'Anne',
  'Ben',
  'Cara',
  'David',
  'Eve',
  'Frank',
  'Grace',
  'Hugh',
  'Isla',
  'Jack',
  'Kate',
  'Liam',
  'Mia',
  'Ned',
  'Orla',
  'Paul',
  'Rosa',
  'Sean',
  'Tess',
  'Will',
];
const streets = [
  'Elm Road',
  'Mill Lane',
  'Station Street',
  'Orchard Close',
  'Church Walk',
  'Canal Side',
  'Park View',
  'Hill Rise',
];

type MemberTemplate = {
  relationship: (typeof s.relationship.enumValues)[number];
  kind: (typeof s.memberKind.enumValues)[number];
  closeness: (typeof s.closeness.enumValues)[number];
};
const memberTemplates: MemberTemplate[] = [
  { relationship: 'parent', kind: 'family', closeness: 'inner' },
  { relationship: 'partner', kind: 'family', closeness: 'inner' },
  { relationship: 'sibling', kind: 'family', closeness: 'inner' },
  { relationship: 'friend', kind: 'friend', closeness: 'middle' },
  { relationship: 'gp', kind: 'professional', closeness: 'outer' },
  { relationship: 'neighbour', kind: 'other', closeness: 'outer' },
  { relationship: 'friend', kind: 'friend', closeness: 'inner' },
  { relationship: 'employer', kind: 'professional', closeness: 'outer' },
];

/** A small seeded generator, so the demo looks the same on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}

function localInstant(day: Date, minuteOfDay: number, zone: string): Date {
  return new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    Math.floor(minuteOfDay / 60),
    minuteOfDay % 60,
    zone,
  );
}

function unusableTokenHash(): string {
  // Demo invitations get real-looking hashes of tokens nobody keeps.
  return createHash('sha256').update(randomBytes(32)).digest('hex');
}

async function insertChunked<T extends Record<string, unknown>>(db: Db, table: Parameters<Db['insert']>[0], rows: T[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(table).values(rows.slice(i, i + 500) as never);
  }
}

export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(s.users);
  return (rows[0]?.n ?? 0) === 0;
}

export async function seedDemoData(
  db: Db,
  now = new Date(),
): Promise<{ practitioners: number; people: number; meetings: number }> {
  const rand = random(20261124);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = new TZDate(now.getTime(), ZONE);
  const todayStart = new TZDate(today.getFullYear(), today.getMonth(), today.getDate(), ZONE);

  const [team] = await db
    .insert(s.teams)
    .values({ name: DEMO_TEAM_NAME, timeZone: ZONE, travelBufferMinutes: 30, reminderHours: 24 })
    .returning({ id: s.teams.id });
  if (!team) throw new Error('could not create the demo team');

  const users = await db
    .insert(s.users)
    .values(
      practitioners.map((p) => ({
        email: `${p.name.toLowerCase().replace(' ', '.')}@example.org`,
        name: p.name,
        passwordHash,
        role: p.role ?? ('practitioner' as const),
        discipline: p.discipline,
        timeZone: p.timeZone ?? ZONE,
      })),
    )
    .returning({ id: s.users.id });
  const byKey = new Map(practitioners.map((p, i) => [p.key, { ...p, id: users[i]!.id, zone: p.timeZone ?? ZONE }]));
  const staff = [...byKey.values()];
  const peers = staff.filter((p) => p.discipline === 'peer_support_worker');
  const others = staff.filter((p) => p.discipline !== 'peer_support_worker');

  await db.insert(s.teamMembers).values(staff.map((p) => ({ teamId: team.id, userId: p.id, lead: p.lead ?? false })));
  await db
    .insert(s.workingPatterns)
    .values(
      staff.flatMap((p) => p.days.map((weekday) => ({ userId: p.id, weekday, startMinute: p.from, endMinute: p.to }))),
    );

  // Absences: some leave ahead, some sickness and training behind.
  const absenceRows = [
    { who: 'priya', from: 12, days: 5, reason: 'leave' as const },
    { who: 'tom', from: -33, days: 2, reason: 'sickness' as const },
    { who: 'sam', from: 6, days: 1, reason: 'training' as const },
    { who: 'chris', from: -90, days: 10, reason: 'leave' as const },
    { who: 'leah', from: 20, days: 3, reason: 'leave' as const },
  ].map((a) => ({
    userId: byKey.get(a.who)!.id,
    startsAt: addDays(todayStart, a.from),
    endsAt: addDays(todayStart, a.from + a.days),
    reason: a.reason,
  }));
  await db.insert(s.absences).values(absenceRows);

  // People, their networks and core teams.
  const alex = byKey.get('alex')!;
  const personRows: (typeof s.people.$inferInsert)[] = [];
  const coreTeams: { lead: (typeof staff)[number]; coWorker: (typeof staff)[number]; peer: (typeof staff)[number] }[] =
    [];
  for (let i = 0; i < 25; i++) {
    const referredDaysAgo = rand.int(10, 200);
    const discharged = i >= 21;
    const lead = i % 2 === 0 ? alex : rand.pick(others.filter((o) => o.key !== 'alex'));
    const coWorker = rand.pick(others.filter((o) => o.id !== lead.id));
    const peer = peers[i % peers.length]!;
    coreTeams.push({ lead, coWorker, peer });
    personRows.push({
      teamId: team.id,
      givenName: givenNames[i]!,
      familyName: familyNames[i]!,
      pronouns: rand.pick(['she/her', 'he/him', 'they/them', null]),
      dateOfBirth: `${rand.int(1960, 2006)}-${String(rand.int(1, 12)).padStart(2, '0')}-${String(rand.int(1, 28)).padStart(2, '0')}`,
      phone: `07700 900${String(100 + i).padStart(3, '0')}`,
      email: `${givenNames[i]!.toLowerCase()}.${familyNames[i]!.toLowerCase()}@example.net`,
      address: `${rand.int(1, 120)} ${rand.pick(streets)}, Riverside`,
      preferredPlaces: rand.pick([
        'At home',
        'The community centre',
        'Somewhere outside, like the park café',
        'Home or video',
      ]),
      meetingPreferences: {
        weekdays: [1, 2, 3, 4, 5],
        fromMinute: rand.pick([9 * 60, 10 * 60]),
        toMinute: rand.pick([16 * 60, 17 * 60]),
      },
      interpreterLanguage: i === 7 ? 'Polish' : null,
      accessibilityNeeds: i === 3 ? 'Step-free access; prefers written summaries' : null,
      referralAt: addDays(now, -referredDaysAgo),
      firstContactUserId: lead.id,
      status: discharged ? 'discharged' : 'active',
      dischargedAt: discharged ? addDays(now, -rand.int(1, 9)) : null,
    });
  }
  const people = await db.insert(s.people).values(personRows).returning({
    id: s.people.id,
    referralAt: s.people.referralAt,
    status: s.people.status,
    dischargedAt: s.people.dischargedAt,
  });

  await db.insert(s.coreTeamAssignments).values(
    people.flatMap((person, i) => {
      const ct = coreTeams[i]!;
      const startsOn = person.referralAt.toISOString().slice(0, 10);
      const endsOn = person.dischargedAt ? person.dischargedAt.toISOString().slice(0, 10) : null;
      return [
        { personId: person.id, userId: ct.lead.id, role: 'lead' as const, startsOn, endsOn },
        { personId: person.id, userId: ct.coWorker.id, role: 'co_worker' as const, startsOn, endsOn },
        { personId: person.id, userId: ct.peer.id, role: 'peer' as const, startsOn, endsOn },
      ];
    }),
  );

  const memberRows: (typeof s.networkMembers.$inferInsert)[] = [];
  people.forEach((person, i) => {
    const count = rand.int(3, 8);
    for (let m = 0; m < count; m++) {
      const template = memberTemplates[m % memberTemplates.length]!;
      memberRows.push({
        personId: person.id,
        givenName: memberGivenNames[(i * 3 + m) % memberGivenNames.length]!,
        familyName: template.kind === 'family' ? familyNames[i]! : rand.pick(familyNames),
        relationship: template.relationship,
        kind: template.kind,
        closeness: template.closeness,
        email: `member${i}-${m}@example.net`,
        phone: `07700 901${String(i * 10 + m).padStart(3, '0')}`,
        preferredChannel: rand.pick(['email', 'sms', 'phone'] as const),
        // Most of the inner circle may be invited; the person said no for some.
        mayBeInvited: template.closeness !== 'outer' ? rand.chance(0.85) : template.kind === 'professional',
        maySeeSharedRecords: template.closeness === 'inner' && rand.chance(0.6),
      });
    }
  });
  const members = await db.insert(s.networkMembers).values(memberRows).returning({
    id: s.networkMembers.id,
    personId: s.networkMembers.personId,
    mayBeInvited: s.networkMembers.mayBeInvited,
    maySeeSharedRecords: s.networkMembers.maySeeSharedRecords,
    closeness: s.networkMembers.closeness,
  });
  await insertChunked(
    db,
    s.consentChanges,
    members.map((m) => ({
      networkMemberId: m.id,
      mayBeInvited: m.mayBeInvited,
      maySeeSharedRecords: m.maySeeSharedRecords,
      changedBy: alex.id,
    })),
  );

  // Meetings: each person from their referral, every few days, never double booking anyone.
  const busy = new Map<string, { from: number; to: number }[]>();
  const absent = absenceRows.map((a) => ({ userId: a.userId, from: a.startsAt.getTime(), to: a.endsAt.getTime() }));
  const slotMinutes = [9 * 60 + 30, 11 * 60, 13 * 60 + 30, 15 * 60];
  const isFree = (p: (typeof staff)[number], from: Date, to: Date, busyFrom: number, busyTo: number) => {
    const local = new TZDate(from.getTime(), p.zone);
    const localEnd = new TZDate(to.getTime(), p.zone);
    const startMinute = local.getHours() * 60 + local.getMinutes();
    const endMinute = localEnd.getHours() * 60 + localEnd.getMinutes();
    if (!p.days.includes(getISODay(local)) || startMinute < p.from || endMinute > p.to) return false;
    if (absent.some((a) => a.userId === p.id && a.from < busyTo && busyFrom < a.to)) return false;
    return !(busy.get(p.id) ?? []).some((b) => b.from < busyTo && busyFrom < b.to);
  };

  type MeetingRow = typeof s.meetings.$inferInsert & { id: string };
  const meetingRows: MeetingRow[] = [];
  const practitionerRows: (typeof s.meetingPractitioners.$inferInsert)[] = [];
  const invitationRows: (typeof s.invitations.$inferInsert)[] = [];
  const horizon = addDays(todayStart, DEMO_DAYS_AHEAD);

  people.forEach((person, i) => {
    const ct = coreTeams[i]!;
    const personMembers = members.filter((m) => m.personId === person.id && m.mayBeInvited && m.closeness !== 'outer');
    const end = person.dischargedAt ?? horizon;
    let day = new TZDate(person.referralAt.getTime(), ZONE);
    let first = true;
    while (day < end) {
      const crisis = first && i % 3 === 0;
      const kind = first ? (crisis ? 'crisis' : 'first') : rand.chance(0.15) ? 'review' : 'network';
      const locationKind = rand.pick(['home', 'home', 'community', 'clinic', 'video'] as const);
      const length = rand.pick([60, 60, 90]);
      const travel = locationKind === 'home' || locationKind === 'community' ? 30 : 0;
      const team3 = rand.chance(0.25);
      // Now and then someone outside the core team covers, so continuity is not perfect.
      const cover = rand.chance(0.12)
        ? rand.pick(others.filter((o) => o.id !== ct.lead.id && o.id !== ct.coWorker.id))
        : undefined;
      const chosen = [cover ?? ct.lead, ct.peer, ...(team3 ? [ct.coWorker] : [])];
      let booked = false;
      for (const minute of slotMinutes) {
        const startsAt = localInstant(day, minute, ZONE);
        const endsAt = new Date(startsAt.getTime() + length * MINUTE_MS);
        const busyFrom = startsAt.getTime() - travel * MINUTE_MS;
        const busyTo = endsAt.getTime() + travel * MINUTE_MS;
        if (startsAt < person.referralAt) continue;
        if (!chosen.every((p) => isFree(p, startsAt, endsAt, busyFrom, busyTo))) continue;
        const id = crypto.randomUUID();
        const past = endsAt < now;
        const roll = rand.next();
        const status = past
          ? roll < 0.85
            ? 'held'
            : roll < 0.93
              ? 'did_not_happen'
              : 'cancelled'
          : roll < 0.04
            ? 'cancelled'
            : 'scheduled';
        meetingRows.push({
          id,
          personId: person.id,
          teamId: team.id,
          kind,
          startsAt,
          endsAt,
          timeZone: ZONE,
          locationKind,
          locationDetail:
            locationKind === 'home'
              ? personRows[i]!.address
              : locationKind === 'community'
                ? rand.pick(['Riverside Community Centre', 'Park café, Mill Lane', 'The library meeting room'])
                : locationKind === 'clinic'
                  ? 'Riverside Health Centre, room 3'
                  : null,
          videoUrl: locationKind === 'video' ? `https://video.example.org/room/${id.slice(0, 8)}` : null,
          status,
          statusReason: status === 'cancelled' ? 'The person asked to move it' : null,
          createdBy: ct.lead.id,
          createdAt: addDays(startsAt, -rand.int(1, 10)),
        });
        for (const p of chosen) {
          if (status !== 'cancelled') busy.set(p.id, [...(busy.get(p.id) ?? []), { from: busyFrom, to: busyTo }]);
          practitionerRows.push({
            meetingId: id,
            userId: p.id,
            role: 'required',
            busyFrom: new Date(busyFrom),
            busyTo: new Date(busyTo),
            active: status !== 'cancelled',
            attendance: status === 'held' ? (rand.chance(0.95) ? 'attended' : 'absent') : 'unknown',
          });
        }
        const invitees = [
          { personId: person.id as string | null, networkMemberId: null as string | null },
          ...personMembers.map((m) => ({ personId: null, networkMemberId: m.id })),
        ];
        for (const invitee of invitees) {
          const response = past
            ? rand.pick(['accepted', 'accepted', 'accepted', 'declined', 'tentative'] as const)
            : rand.pick(['needs_action', 'needs_action', 'accepted', 'tentative', 'declined'] as const);
          invitationRows.push({
            meetingId: id,
            ...invitee,
            tokenHash: unusableTokenHash(),
            response,
            respondedAt: response === 'needs_action' ? null : addDays(startsAt, -1),
            attended:
              status === 'held' ? response === 'accepted' || (response === 'tentative' && rand.chance(0.5)) : null,
            // Links stay open for reading the notes after the meeting (teams.record_link_days, 90 by default).
            expiresAt: addDays(endsAt, RECORD_LINK_DAYS),
          });
        }
        booked = true;
        break;
      }
      first = false;
      const gap =
        person.status === 'active' && differenceInCalendarDays(end, day) < 40 ? rand.int(3, 8) : rand.int(5, 12);
      day = addDays(day, booked ? gap : 1);
    }
  });

  const afterwards = afterHeldMeetings({
    now,
    meetingRows,
    practitionerRows,
    invitationRows,
    staff,
    demoPractitionerId: alex.id,
    people: people.map((p, i) => ({
      id: p.id,
      givenName: personRows[i]!.givenName,
      familyName: personRows[i]!.familyName,
    })),
    members: members.map((m, i) => ({
      id: m.id,
      givenName: memberRows[i]!.givenName,
      familyName: memberRows[i]!.familyName ?? null,
      relationship: memberRows[i]!.relationship,
    })),
  });

  await insertChunked(db, s.meetings, meetingRows);
  await insertChunked(db, s.meetingPractitioners, practitionerRows);
  const waiting = waitingInvitations(meetingRows, invitationRows, now);
  await insertChunked(db, s.invitations, invitationRows);
  await insertChunked(db, s.meetingAttendance, afterwards.attendance);
  await insertChunked(db, s.meetingRecords, afterwards.records);
  // A co-signature needs the signature first (migration 0008): signatures, then co-signatures.
  await insertChunked(
    db,
    s.recordSignatures,
    afterwards.signatures.filter((r) => r.kind === 'signed'),
  );
  await insertChunked(
    db,
    s.recordSignatures,
    afterwards.signatures.filter((r) => r.kind === 'co_signed'),
  );
  await insertChunked(db, s.recordShareChoices, afterwards.shareChoices);
  await insertChunked(db, s.fidelityRatings, afterwards.fidelity);
  await db.insert(s.outbox).values(
    waiting.map(({ meeting, invitation }) => {
      const member = memberRows[members.findIndex((m) => m.id === invitation.networkMemberId)]!;
      const person = personRows[people.findIndex((p) => p.id === meeting.personId)]!;
      return {
        dedupeKey: `invitation:${invitation.id}:0`,
        toAddress: member.email!,
        subject: `Invitation: a meeting on ${longDate(meeting.startsAt, ZONE)}`,
        bodyText: [
          `Hello ${member.givenName},`,
          '',
          `${person.givenName} and the ${DEMO_TEAM_NAME} would like you to come to a meeting.`,
          '',
          `When: ${longDate(meeting.startsAt, ZONE)}, ${timeRange(meeting.startsAt, meeting.endsAt, ZONE)} ${zoneAbbreviation(meeting.startsAt, ZONE)}`,
          `Where: ${placeDescription(meeting.locationKind, meeting.locationDetail ?? null)}`,
          '',
          'Please let us know if you can come, with one tap:',
          invitationLinkMarker(invitation.id!),
          '',
          'This link is personal to you: please do not share it.',
        ].join('\n'),
        meetingId: meeting.id,
        invitationId: invitation.id!,
        nextAttemptAt: now,
        createdAt: now,
      };
    }),
  );
  return { practitioners: staff.length, people: people.length, meetings: meetingRows.length };
}

/**
 * A few invitations to the next booked meetings that wait in the outbox, as they do with no mail
 * server configured: their links work, so staff can try copying one into a text message.
 * Chooses without the random generator, so the rest of the demo stays the same.
 */
function waitingInvitations(
  meetingRows: (typeof s.meetings.$inferInsert & { id: string })[],
  invitationRows: (typeof s.invitations.$inferInsert)[],
  now: Date,
) {
  const upcoming = meetingRows
    .filter((m) => m.status === 'scheduled' && m.startsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const chosen: { meeting: (typeof upcoming)[number]; invitation: (typeof invitationRows)[number] }[] = [];
  for (const meeting of upcoming) {
    for (const invitation of invitationRows) {
      if (chosen.length === 3) return chosen;
      if (invitation.meetingId !== meeting.id || !invitation.networkMemberId || invitation.response !== 'needs_action')
        continue;
      invitation.id = crypto.randomUUID();
      invitation.tokenHash = hashToken(tokenFor(invitation.id));
      chosen.push({ meeting, invitation });
    }
  }
  return chosen;
}

type StaffMember = PractitionerSpec & { id: string; zone: string };
type Relationship = (typeof s.relationship.enumValues)[number];
type Random = ReturnType<typeof random>;
/** Someone who was at a held meeting, as its record names them. */
type Present = { key: string; name: string; kind: 'person' | 'member' | 'practitioner'; relationship?: Relationship };

// What a record says, in plain words. `{name}` is the person's given name.
const personWords = [
  'I slept a bit better this week, but the mornings are still the worst part.',
  'I do not want to go back to hospital. I want to try doing it this way.',
  'The voices were quieter when I kept busy. Walking helped.',
  'I feel like everyone is watching me to see if I am getting worse.',
  'I went to the shop on my own on Thursday. It was hard but I did it.',
  'I want people to stop asking me if I have taken the tablets.',
  'Some days I just need to stay in my room, and that is not always a bad sign.',
  'I would like to get back to college after the holidays, even part time.',
  'It helps when we talk at home. The clinic feels too formal.',
  'I was angry last week and I am sorry about the door. I did not know what else to do.',
];
const memberWords: Partial<Record<Relationship, string[]>> & { other: string[] } = {
  parent: [
    'I worry when {name} does not come down all day. I never know whether to knock.',
    'The house has been calmer since the last meeting. We have been eating together again.',
    'I am tired. I want to help, but I do not know what helps.',
    'I keep thinking it is my fault. It was good to hear {name} say it is not.',
  ],
  partner: [
    'I have been doing the school run every day and I am running on empty.',
    'We talked in the evenings this week, properly, for the first time in a while.',
    'When {name} does not sleep, I do not sleep either.',
  ],
  sibling: [
    'I did not know things had got so bad. I want to come more often.',
    'We used to go running together. I would like us to do that again.',
    'I feel stuck in the middle between {name} and Mum.',
  ],
  friend: [
    'I can come round on Wednesdays after work, if {name} wants that.',
    'I noticed {name} laughing at the weekend. It has been a while.',
    'I did not want to say the wrong thing, so I stayed away. I am sorry about that.',
  ],
  other: ['I am glad to be asked. I can help with lifts to appointments.'],
};
const practitionerWords = [
  'What struck me was how quiet the room went when we talked about college.',
  'I heard that the nights are the hardest, for {name} and for the family.',
  'I am wondering what a good week would look like, in {name}’s own words.',
  'I noticed how many people want to help, and how tired everyone is.',
  'I did not want to rush to a decision about the tablets today.',
  'It sounds like the walks are something {name} chose, and that matters.',
  'I am thinking about what it is like to be asked the same question by everyone.',
  'I heard worry and also hope in what was said today.',
];
const reflectionsSaid = [
  '{a} and {b} talked between themselves about how much the family is carrying, and how nobody has had a night off.',
  '{a} said how moving it was that everyone was so honest; {b} wondered aloud whether the tablets question belongs to {name} first.',
  '{a} and {b} talked about hearing two different worries: about safety, and about being watched.',
  '{a} said the walks seemed important; {b} noticed nobody had asked {name} what they enjoy.',
];
const reflectionsResponse = [
  '{name} said it was strange to hear people talk about them, but it felt kind.',
  '{name} said it helped to hear it put like that.',
  '{name} said they had not thought about the family being tired too.',
  '{name} was quiet, then said it was good to hear it said out loud.',
];
const decisionBank = [
  {
    options: 'Keep the tablets as they are; halve them; stop them.',
    decision: 'Keep the tablets as they are for now and talk about it again in two weeks.',
    disagree: {
      person: 'I want to stop them. They make me feel flat and heavy.',
      others: 'I think {name} should try halving them. {name} has been so flat since starting them.',
    },
    unsure: 'I do not know enough about the tablets to say.',
  },
  {
    options: 'Meet every week; meet every two weeks; meet when someone asks.',
    decision: 'Keep meeting every week until the end of the month, then decide together.',
    disagree: {
      person: 'Every week is too much for me. Every two weeks would be better.',
      others: 'Every week is too much for me with work. Every two weeks would be better.',
    },
    unsure: 'I can try every week, but I am not sure I can always come.',
  },
  {
    options: 'Meet at home; meet at the community centre; meet by video.',
    decision: 'Meet at home next time, with the option of video for anyone who cannot come.',
    disagree: {
      person: 'I would rather not have the meetings at home. It is the only place I can relax.',
      others: 'I would rather meet somewhere else. Home gets tense when everyone is there.',
    },
    unsure: 'Whatever {name} prefers. I do not mind either way.',
  },
  {
    options: 'Go back to college in January; wait until Easter; ask about a short course first.',
    decision: '{name} will ask the college about a short course first, and we will talk about January next time.',
    disagree: {
      person: 'I want to go back in January. Waiting makes it worse.',
      others: 'I think January is too soon. I worry it will all fall apart again.',
    },
    unsure: 'It sounds good, but I want to hear what the college says.',
  },
  {
    options: 'Tell the employer now; wait until the next meeting; do not tell them.',
    decision: 'Wait until the next meeting before saying anything to the employer.',
    disagree: {
      person: 'I want to tell them myself, this week.',
      others: 'I think they need to know now, or the job might go.',
    },
    unsure: 'I am not sure it is my place to say.',
  },
  {
    options: 'A crisis plan written today; next time; not at all.',
    decision: 'Write a short crisis plan together next time, in {name}’s words.',
    disagree: {
      person: 'I do not want a plan about me being ill. I want to talk about getting better.',
      others: 'I think we need the plan today, not next time. Last weekend frightened me.',
    },
    unsure: 'I see why it helps, but I do not know what I would put in it.',
  },
];
const openQuestionBank = [
  'What would help the nights be less frightening?',
  'Who else would {name} like to invite next time?',
  'What does the family need for themselves, apart from {name}?',
  'Does {name} want to see the psychiatrist about the tablets, or wait?',
  'What would a good week look like?',
  'How can the family ask about the tablets without it feeling like checking up?',
];
const actionBank: { kind: Present['kind']; what: string }[] = [
  { kind: 'practitioner', what: 'Ring the GP surgery about the repeat prescription' },
  { kind: 'practitioner', what: 'Send everyone the date of the next meeting by text' },
  { kind: 'practitioner', what: 'Find out about the carers’ group at the library' },
  { kind: 'person', what: 'Try the walk to the shop twice this week' },
  { kind: 'person', what: 'Write down three things to talk about next time' },
  { kind: 'person', what: 'Ask the college about the short course' },
  { kind: 'member', what: 'Take an evening off, and let someone else cook' },
  { kind: 'member', what: 'Come round on Wednesday after work' },
];
const fidelityNotes = [
  'We ran short of time for reflections.',
  'Hard to stay with the uncertainty when the family wanted an answer.',
  'Everyone spoke in their own words; the family led.',
  'I talked too much at the start.',
];
const shareChoiceBank: s.RecordSection[][] = [
  ['decisions', 'actions', 'next_meeting'],
  ['voices', 'decisions', 'actions', 'next_meeting'],
  ['actions', 'next_meeting'],
  [...s.recordSections],
];

/** Picks from word banks without repeating a line within one record. */
function freshPicker(rand: Random) {
  const used = new Set<string>();
  return (bank: readonly string[]): string => {
    for (let tries = 0; tries < 4; tries++) {
      const line = rand.pick(bank);
      if (!used.has(line)) {
        used.add(line);
        return line;
      }
    }
    return rand.pick(bank);
  };
}

const firstName = (name: string) => name.split(' ')[0]!;
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** An invented but plausible record: a voice for each who came, in their own words; decisions with everyone's stance. */
function recordContent(
  rand: Random,
  meeting: { startsAt: Date },
  present: Present[],
  personGiven: string,
  next: Pick<typeof s.meetings.$inferInsert, 'startsAt' | 'locationKind' | 'locationDetail'> | undefined,
  now: Date,
): s.RecordContent {
  const fresh = freshPicker(rand);
  const name = { name: personGiven };
  const day = (days: number) => localDayKey(addDays(meeting.startsAt, days), ZONE);
  const staffThere = present.filter((p) => p.kind === 'practitioner');
  const networkThere = present.filter((p) => p.kind !== 'practitioner');

  const voices = present.map((p) => ({
    key: p.key,
    name: p.name,
    words: fill(
      fresh(
        p.kind === 'person'
          ? personWords
          : p.kind === 'member'
            ? (memberWords[p.relationship!] ?? memberWords.other)
            : practitionerWords,
      ),
      name,
    ),
  }));

  const [a, b] = staffThere;
  const reflections =
    a && b && rand.chance(0.9)
      ? {
          held: true,
          said: fill(fresh(reflectionsSaid), { ...name, a: firstName(a.name), b: firstName(b.name) }),
          response: fill(fresh(reflectionsResponse), name),
        }
      : { held: false, said: '', response: '' };

  const first = rand.int(0, decisionBank.length - 1);
  const decisions = Array.from({ length: rand.int(1, 2) }, (_, n) => {
    const choice = decisionBank[(first + n) % decisionBank.length]!;
    // Now and then someone from the network disagrees, or is unsure, in their own words.
    const disagreeing = rand.chance(0.2) ? rand.pick(networkThere) : undefined;
    const unsure = rand.chance(0.15) ? rand.pick(networkThere) : undefined;
    return {
      options: fill(choice.options, name),
      decision: fill(choice.decision, name),
      stances: present.map((p) =>
        p === disagreeing
          ? {
              key: p.key,
              name: p.name,
              stance: 'disagrees' as const,
              words: fill(p.kind === 'person' ? choice.disagree.person : choice.disagree.others, name),
            }
          : p === unsure
            ? { key: p.key, name: p.name, stance: 'unsure' as const, words: fill(choice.unsure, name) }
            : { key: p.key, name: p.name, stance: 'agrees' as const, words: '' },
      ),
    };
  });

  const openQuestions = Array.from({ length: rand.int(0, 2) }, () => ({
    question: fill(fresh(openQuestionBank), name),
    revisitOn: rand.chance(0.5) ? day(rand.int(14, 28)) : null,
    resolved: false,
  }));

  const older = now.getTime() - meeting.startsAt.getTime() > 21 * DAY_MS;
  const firstAction = rand.int(0, actionBank.length - 1);
  const actions = Array.from({ length: rand.int(1, 2) }, (_, n) => {
    const action = actionBank[(firstAction + n * 3) % actionBank.length]!;
    const doer = rand.pick(present.filter((p) => p.kind === action.kind)) ?? rand.pick(staffThere);
    return {
      who: doer!.name,
      what: action.what,
      byWhen: rand.chance(0.7) ? day(rand.int(7, 21)) : null,
      done: older && rand.chance(0.9),
    };
  });

  const networkNames = networkThere.map((p) => firstName(p.name));
  const nextMeeting = next
    ? {
        when: `${longDate(next.startsAt, ZONE)}, ${timeOfDay(next.startsAt, ZONE)}`,
        where: placeDescription(next.locationKind ?? 'home', next.locationDetail ?? null),
        who: `${listOf(networkNames)}, with ${listOf(staffThere.map((p) => firstName(p.name)))}`,
      }
    : {
        when: `To be agreed with ${personGiven} by phone`,
        where: 'To be agreed',
        who: `Whoever ${personGiven} would like there`,
      };

  return { voices, reflections, decisions, openQuestions, actions, nextMeeting };
}

/**
 * After each held meeting: who came (kept in step with meeting_practitioners.attendance and
 * invitations.attended), and for most a signed record written with the network, sometimes
 * co-signed, the person's choice of what to share, and the practitioners' own fidelity ratings.
 * The first person's latest held meetings with the demo practitioner are left to record (two not
 * written, one a draft), so Today has something to show. A generator of its own keeps the
 * meetings as they were.
 */
function afterHeldMeetings(input: {
  now: Date;
  meetingRows: (typeof s.meetings.$inferInsert & { id: string })[];
  practitionerRows: (typeof s.meetingPractitioners.$inferInsert)[];
  invitationRows: (typeof s.invitations.$inferInsert)[];
  staff: StaffMember[];
  demoPractitionerId: string;
  people: { id: string; givenName: string; familyName: string }[];
  members: { id: string; givenName: string; familyName: string | null; relationship: Relationship }[];
}) {
  const { now } = input;
  const rand = random(20261125);
  const staffById = new Map(input.staff.map((p) => [p.id, p]));
  const personById = new Map(input.people.map((p) => [p.id, p]));
  const memberById = new Map(input.members.map((m) => [m.id, m]));
  const practitionersOf = groupBy(input.practitionerRows, (r) => r.meetingId);
  const invitationsOf = groupBy(input.invitationRows, (r) => r.meetingId);
  const meetingsOf = groupBy(
    input.meetingRows
      .filter((m) => m.status !== 'cancelled')
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    (m) => m.personId,
  );
  // The first person's latest held meetings with the demo practitioner, who came to them.
  const toRecord = (meetingsOf.get(input.people[0]!.id) ?? [])
    .filter((m) => m.status === 'held')
    .reverse()
    .map((m) => (practitionersOf.get(m.id) ?? []).find((b) => b.userId === input.demoPractitionerId))
    .filter((b) => b !== undefined)
    .slice(0, 3);
  for (const b of toRecord) b.attendance = 'attended';
  const notWritten = new Set(toRecord.slice(0, 2).map((b) => b.meetingId));
  const draftOnly = toRecord[2]?.meetingId;

  const attendance: (typeof s.meetingAttendance.$inferInsert)[] = [];
  const records: (typeof s.meetingRecords.$inferInsert)[] = [];
  const signatures: (typeof s.recordSignatures.$inferInsert)[] = [];
  const shareChoices: (typeof s.recordShareChoices.$inferInsert)[] = [];
  const fidelity: (typeof s.fidelityRatings.$inferInsert)[] = [];

  for (const meeting of input.meetingRows) {
    if (meeting.status !== 'held') continue;
    const endsAt = meeting.endsAt;
    const later = (after: Date, fromMinutes: number, toMinutes: number) =>
      new Date(Math.min(now.getTime(), after.getTime() + rand.int(fromMinutes, toMinutes) * MINUTE_MS));
    const person = personById.get(meeting.personId)!;
    const booked = practitionersOf.get(meeting.id) ?? [];
    // Someone from the team came to every held meeting.
    if (!booked.some((b) => b.attendance === 'attended')) booked[0]!.attendance = 'attended';

    const present: Present[] = [];
    const rows: Omit<typeof s.meetingAttendance.$inferInsert, 'recordedBy' | 'recordedAt'>[] = [];
    for (const invitation of invitationsOf.get(meeting.id) ?? []) {
      if (invitation.personId) {
        // The person came to their own network meeting (in the room, or now and then by phone).
        invitation.attended = true;
        if (invitation.response === 'declined') invitation.response = 'accepted';
        rows.push({ meetingId: meeting.id, personId: person.id, presence: rand.chance(0.9) ? 'came' : 'remote' });
        present.unshift({ key: `p:${person.id}`, name: `${person.givenName} ${person.familyName}`, kind: 'person' });
      } else if (invitation.networkMemberId) {
        const member = memberById.get(invitation.networkMemberId)!;
        const came = invitation.attended === true;
        rows.push({
          meetingId: meeting.id,
          networkMemberId: member.id,
          presence: came ? (rand.chance(0.85) ? 'came' : 'remote') : rand.chance(0.6) ? 'apologies' : 'no_word',
        });
        if (came)
          present.push({
            key: `m:${member.id}`,
            name: member.familyName ? `${member.givenName} ${member.familyName}` : member.givenName,
            kind: 'member',
            relationship: member.relationship,
          });
      }
    }
    const staffThere: StaffMember[] = [];
    for (const b of booked) {
      const p = staffById.get(b.userId)!;
      const came = b.attendance === 'attended';
      const roll = rand.next();
      rows.push({
        meetingId: meeting.id,
        userId: p.id,
        presence: !came ? 'apologies' : roll < 0.86 ? 'came' : roll < 0.93 ? 'came_late' : 'left_early',
      });
      if (came) {
        staffThere.push(p);
        present.push({ key: `u:${p.id}`, name: p.name, kind: 'practitioner' });
      }
    }
    const author = staffThere[0]!;
    const recordedAt = later(endsAt, 15, 120);
    for (const row of rows) attendance.push({ ...row, recordedBy: author.id, recordedAt });

    const draft = meeting.id === draftOnly;
    // Most are written; a few recent ones wait on Today's list, more of the older ones were never written.
    const recent = now.getTime() - endsAt.getTime() < 60 * DAY_MS;
    if (notWritten.has(meeting.id) || (!draft && !rand.chance(recent ? 0.96 : 0.85))) continue;
    const personMeetings = meetingsOf.get(meeting.personId)!;
    const next = personMeetings[personMeetings.indexOf(meeting) + 1];
    const recordId = crypto.randomUUID();
    const createdAt = later(endsAt, 30, 36 * 60);
    records.push({
      id: recordId,
      meetingId: meeting.id,
      version: 1,
      content: recordContent(rand, meeting, present, person.givenName, next, now),
      readBackWithPerson: rand.chance(0.85),
      authorId: author.id,
      createdAt,
    });
    if (!draft) {
      const signedAt = later(createdAt, 5, 40);
      signatures.push({ recordId, signerId: author.id, kind: 'signed', signedAt });
      const coSigner = staffThere[1];
      if (coSigner && rand.chance(0.55))
        signatures.push({ recordId, signerId: coSigner.id, kind: 'co_signed', signedAt: later(signedAt, 60, 30 * 60) });
      if (rand.chance(0.6))
        shareChoices.push({
          meetingId: meeting.id,
          sections: rand.pick(shareChoiceBank),
          recordedBy: author.id,
          recordedAt: later(signedAt, 1, 60),
        });
    }
    if (!rand.chance(0.7)) continue;
    const networkCame = present.some((p) => p.kind === 'member');
    for (const rater of staffThere) {
      const ratedAt = later(endsAt, 60, 48 * 60);
      for (const element of s.fidelityElements) {
        const roll = rand.next();
        const score =
          element === 'two_or_more_practitioners'
            ? staffThere.length >= 2
              ? 3
              : 1
            : element === 'network_participation' && !networkCame
              ? roll < 0.5
                ? null
                : 1
              : roll < 0.05
                ? null
                : roll < 0.15
                  ? 1
                  : roll < 0.55
                    ? 2
                    : 3;
        fidelity.push({
          meetingId: meeting.id,
          raterId: rater.id,
          element,
          score,
          note: rand.chance(0.03) ? rand.pick(fidelityNotes) : null,
          ratedAt,
        });
      }
    }
  }
  return { attendance, records, signatures, shareChoices, fidelity };
}
