import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreTeamAssignments, meetingAttendance, meetingRecords, networkMembers, recordSignatures } from '@/db/schema';
import type { Presence, RecordContent } from '@/db/schema/records';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { latestRecordsOfPerson } from '@/db/queries/records';
import { DAY_MS, HOUR_MS } from '@/lib/time/units';
import { defaultThresholds } from './flags';
import { strip } from './measures';
import { overdueForFlag, personContinuity } from './person';
import { teamReview } from './team';
import { teamExport } from './team-export';
import { loadTeamTrends } from './team-trends';
import { meetingsCsv, pseudonym } from './export';

/**
 * The team's flags, worked out in SQL over only its own rows, agree with the person-by-person
 * measures on the same meetings, on both engines; and the person's meetings come back with who
 * came, who missed, the core team of the day, peer workers and the network.
 */
const now = new Date();
const today = now.toISOString().slice(0, 10);
// Noon UTC, whole days back: the same hour where the team is, whatever the day the test runs.
const daysAgo = (d: number) => new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + 12 * HOUR_MS - d * DAY_MS);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

const content = (actions: RecordContent['actions']): RecordContent => ({
  voices: [],
  reflections: { held: true, said: '', response: '' },
  decisions: [],
  openQuestions: [],
  actions,
  nextMeeting: { when: '', where: '', who: '' },
});

describe.each(engines)('continuity on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function setting() {
    const { db } = database;
    const team = await makeTeam(db);
    const [ana, ben, cal] = await Promise.all([
      makeUser(db, { teamId: team.id, name: 'Ana Lead' }),
      makeUser(db, { teamId: team.id, name: 'Ben Peer', discipline: 'peer_support_worker' }),
      makeUser(db, { teamId: team.id, name: 'Cal Cover' }),
    ]);
    // Robin: five held meetings a week apart, the core team Ana and Ben, drifting at the end.
    const robin = await makePerson(db, team.id, { givenName: 'Robin', referralAt: daysAgo(37) });
    await db.insert(coreTeamAssignments).values([
      { personId: robin.id, userId: ana.id, role: 'lead', startsOn: dayOf(daysAgo(40)) },
      { personId: robin.id, userId: ben.id, role: 'peer', startsOn: dayOf(daysAgo(40)) },
    ]);
    const [mum] = await db
      .insert(networkMembers)
      .values({ personId: robin.id, givenName: 'Mum', relationship: 'parent', kind: 'family', closeness: 'inner' })
      .returning();
    const plan: { days: number; came: string[]; missed: string[]; mum: boolean }[] = [
      { days: 35, came: [ana.id, ben.id], missed: [], mum: true },
      { days: 28, came: [ana.id, ben.id], missed: [], mum: true },
      { days: 21, came: [ana.id, cal.id], missed: [ben.id], mum: false },
      { days: 14, came: [cal.id], missed: [ana.id], mum: false },
      { days: 7, came: [cal.id, ben.id], missed: [], mum: false },
    ];
    const meetingIds: string[] = [];
    for (const p of plan) {
      const m = await makeMeeting(db, {
        teamId: team.id,
        personId: robin.id,
        userIds: [...p.came, ...p.missed],
        startsAt: daysAgo(p.days),
        status: 'held',
      });
      meetingIds.push(m.id);
      const rows: (typeof meetingAttendance.$inferInsert)[] = [
        ...p.came.map((userId) => ({ userId, presence: 'came' as Presence })),
        ...p.missed.map((userId) => ({ userId, presence: 'apologies' as Presence })),
        { personId: robin.id, presence: 'came' as Presence },
        { networkMemberId: mum!.id, presence: (p.mum ? 'came' : 'no_word') as Presence },
      ].map((r) => ({ ...r, meetingId: m.id, recordedBy: ana.id }));
      await db.insert(meetingAttendance).values(rows);
    }
    // Records: the first signed with an action now past its date; the second marks it done; the
    // fourth (14 days ago) unsigned with a new action past its date; the last (7 days ago) none.
    const record = async (meetingId: string, actions: RecordContent['actions'], sign: boolean) => {
      const [r] = await db
        .insert(meetingRecords)
        .values({ meetingId, version: 1, content: content(actions), authorId: ana.id })
        .returning();
      if (sign) await db.insert(recordSignatures).values({ recordId: r!.id, signerId: ana.id, kind: 'signed' });
    };
    const late = dayOf(daysAgo(20));
    await record(meetingIds[0]!, [{ who: 'Ana', what: 'Ring the college', byWhen: late, done: false }], true);
    await record(meetingIds[1]!, [{ who: ' ana ', what: 'Ring  the college', byWhen: late, done: true }], true);
    await record(meetingIds[2]!, [], true);
    await record(meetingIds[3]!, [{ who: 'Cal', what: 'Find the timetable', byWhen: late, done: false }], false);

    // Sam: referred three days ago, nothing held yet. Kim: discharged, not in the review.
    const sam = await makePerson(db, team.id, { givenName: 'Sam', referralAt: daysAgo(3) });
    await makePerson(db, team.id, { givenName: 'Kim', referralAt: daysAgo(90), status: 'discharged' });
    // Another team's person, whose rows the review never reads.
    const other = await makeTeam(db);
    await makePerson(db, other.id, { givenName: 'Other', referralAt: daysAgo(90) });
    return { db, team, ana, ben, cal, robin, sam, mum: mum!, meetingIds };
  }

  it('gives each person the flags their own meetings give them, reading only the team’s rows', async () => {
    const s = await setting();
    // Lee: Ana on the core team; only Cal, on his own, came to the last three meetings (in the
    // afternoons, after Robin's).
    const lee = await makePerson(s.db, s.team.id, { givenName: 'Lee', referralAt: daysAgo(30) });
    await s.db
      .insert(coreTeamAssignments)
      .values({ personId: lee.id, userId: s.ana.id, role: 'lead', startsOn: dayOf(daysAgo(30)) });
    for (const days of [21, 14, 7]) {
      const m = await makeMeeting(s.db, {
        teamId: s.team.id,
        personId: lee.id,
        userIds: [s.cal.id],
        startsAt: new Date(daysAgo(days).getTime() + 3 * HOUR_MS),
        status: 'held',
      });
      await s.db.insert(meetingAttendance).values([
        { meetingId: m.id, userId: s.cal.id, presence: 'came', recordedBy: s.cal.id },
        { meetingId: m.id, personId: lee.id, presence: 'came', recordedBy: s.cal.id },
      ]);
    }
    const input = { thresholds: defaultThresholds, now, today };
    const review = await teamReview(s.db, s.team.id, input);
    expect(review.map((r) => r.givenName).sort()).toEqual(['Lee', 'Robin', 'Sam']);

    const robin = review.find((r) => r.id === s.robin.id)!;
    // Referred 48 hours before the first meeting; Ana, Ben and Cal across the last four; Mum not
    // at the last three; the records of 14 and 7 days ago unsigned; Cal's action past its date
    // (Ana's was marked done in a later record, in other spacing and case).
    expect(robin.flags).toEqual(['late_first', 'many_practitioners', 'no_network', 'unsigned', 'overdue_action']);
    expect(robin.lastPractitioners).toBe(2);
    expect(review.find((r) => r.id === s.sam.id)!.flags).toEqual(['late_first']);
    // Robin's last two had Ben of the core team, and he is a peer worker; Lee's had neither,
    // and none of Lee's meetings has a record yet.
    expect(review.find((r) => r.id === lee.id)!.flags).toEqual([
      'late_first',
      'few_practitioners',
      'no_core',
      'no_peer',
      'no_network',
      'unsigned',
    ]);

    // The same figures, person by person, from every meeting and the person's open items.
    for (const row of review) {
      const person = [s.robin, s.sam, lee].find((p) => p.id === row.id)!;
      const overdue = overdueForFlag(await latestRecordsOfPerson(s.db, person.id), today, now);
      const mine = await personContinuity(s.db, person, { ...input, overdueActions: overdue });
      expect(mine.flags).toEqual(row.flags);
    }
  });

  it('reads who came, who missed, the core team of the day, the peer worker and the network', async () => {
    const s = await setting();
    const c = await personContinuity(s.db, s.robin, { thresholds: defaultThresholds, now, today, overdueActions: 0 });
    expect(c.meetings.map((m) => m.id)).toEqual(s.meetingIds);
    const third = c.meetings[2]!;
    expect(third.came).toEqual([s.ana.id, s.cal.id].sort());
    expect(third.missed).toEqual([s.ben.id]);
    expect(third.coreTeam).toEqual([s.ana.id, s.ben.id].sort());
    expect(c.meetings[0]!.peersCame).toEqual([s.ben.id]);
    expect(c.meetings[0]!.membersCame).toEqual([s.mum.id]);
    expect(c.meetings.every((m) => m.personCame)).toBe(true);
    expect(c.practitioners.find((p) => p.id === s.ben.id)).toMatchObject({ name: 'Ben Peer', peer: true });
    expect(c.core.map((x) => x.current)).toEqual([true, true]);

    const figures = strip({ all: c.meetings, referralAt: s.robin.referralAt });
    expect(figures).toMatchObject({
      meetings: 5,
      gaps: { count: 4, median: 7, longest: 7 },
      core: { any: { n: 4, of: 5 }, whole: { n: 2, of: 5 }, peer: { n: 3, of: 5 } },
      knownTeam: { n: 3, of: 4 },
    });
    expect(figures.referralToFirstHours).toBe(48);
  });

  it('exports and charts the same meetings and flags, with pseudonyms unless names are chosen', async () => {
    const s = await setting();
    const input = { thresholds: defaultThresholds, now, today };
    const review = await teamReview(s.db, s.team.id, input);
    const exported = await teamExport(s.db, s.team.id, { ...input, names: false });
    // Kim, discharged, is in the export too.
    expect(exported).toHaveLength(3);
    const robin = exported.find((p) => p.id === s.robin.id)!;
    expect(robin.label).toBe(pseudonym(s.team.id, s.robin.id));
    expect(robin.meetings).toHaveLength(5);
    expect(robin.flags).toEqual(review.find((r) => r.id === s.robin.id)!.flags);
    expect(meetingsCsv(exported).trimEnd().split('\r\n')).toHaveLength(6);
    const named = await teamExport(s.db, s.team.id, { ...input, names: true });
    expect(named.find((p) => p.id === s.robin.id)!.label).toBe(`Robin ${s.robin.familyName}`);

    const { trends, practitioners } = await loadTeamTrends(s.db, s.team.id, {
      ...input,
      months: 3,
      withPractitioners: true,
    });
    // Five meetings, each old enough to judge; the three signed were signed today, so none in time.
    expect(trends.signedWithin.reduce((n, p) => n + p.n, 0)).toBe(5);
    expect(trends.signedWithin.every((p) => p.n === 0 || p.value === 0)).toBe(true);
    expect(trends.coreAny.reduce((n, p) => n + p.n, 0)).toBe(5);
    expect(practitioners.find((p) => p.userId === s.ana.id)).toMatchObject({
      name: 'Ana Lead',
      came: 3,
      people: 1,
      asCore: 5,
      asCoreCame: 3,
    });
    const { practitioners: none } = await loadTeamTrends(s.db, s.team.id, {
      ...input,
      months: 3,
      withPractitioners: false,
    });
    expect(none).toEqual([]);
  });
});
