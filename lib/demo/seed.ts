import { createHash, randomBytes } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, getISODay } from 'date-fns';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { hashToken, invitationLink, tokenFor } from '@/lib/invitations/token';
import { placeDescription } from '@/lib/meetings/labels';
import { longDate, timeRange, zoneAbbreviation } from '@/lib/time/format';

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
        const endsAt = new Date(startsAt.getTime() + length * 60_000);
        const busyFrom = startsAt.getTime() - travel * 60_000;
        const busyTo = endsAt.getTime() + travel * 60_000;
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
            expiresAt: endsAt,
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

  await insertChunked(db, s.meetings, meetingRows);
  await insertChunked(db, s.meetingPractitioners, practitionerRows);
  const waiting = waitingInvitations(meetingRows, invitationRows, now);
  await insertChunked(db, s.invitations, invitationRows);
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
          invitationLink(invitation.id!),
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
