import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { extendInvitations } from '@/db/queries/invitations';
import {
  auditEvents,
  invitations,
  meetingAttendance,
  meetingRecords,
  meetings,
  networkMembers,
  outbox,
  recordShareChoices,
  recordSignatures,
  recordStatements,
  recordWithholdings,
  teams,
} from '@/db/schema';
import type { RecordContent } from '@/db/schema/records';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { readerView } from '@/lib/records/reader-view';
import { DAY_MS, HOUR_MS } from '@/lib/time/units';
import { createInvitations } from './create-invitations';
import { invitationLinkMarker } from './link-marker';
import { openInvitation, postInvitation, renderInvitation } from './public';
import { reissueLink } from './reissue-link';
import { noNotesText, notedText, withheldText } from './record-page';
import { hashToken, tokenFor } from './token';

/**
 * A signed record read from personal links after a held meeting, on both engines: who reads
 * which sections (readerView and the rendered page), links turned off, the team withholding a
 * section, "this isn't how I see it" kept beside the record without changing it, how long
 * new and moved links work (the team's record_link_days), and the fresh link the team can send
 * once a reader's link has ended.
 */
const content: RecordContent = {
  voices: [
    { key: 'p:robin', name: 'Robin', words: 'I want to try sleeping without the tablets.' },
    { key: 'm:dana', name: 'Dana', words: 'I am frightened of the nights.' },
  ],
  reflections: { held: true, said: 'We heard how tired everyone is.', response: 'Dana said that was true.' },
  decisions: [
    {
      options: 'Keep them; stop them; halve them',
      decision: 'Robin tries two weeks without the sleeping tablets.',
      stances: [
        { key: 'p:robin', name: 'Robin', stance: 'agrees', words: '' },
        { key: 'm:dana', name: 'Dana', stance: 'disagrees', words: 'Not yet: not before the winter is over.' },
      ],
    },
  ],
  openQuestions: [{ question: 'Whether Robin goes back to college', revisitOn: '2027-01-12', resolved: false }],
  actions: [{ who: 'Sam', what: 'Find the part-time timetable', byWhen: null, done: false }],
  nextMeeting: { when: 'In two weeks', where: 'At home', who: 'Everyone today' },
};

const sectionHeadings = (html: string) => [...html.matchAll(/<h3 id="[^"]+">(.*?)<\/h3>/g)].map((m) => m[1]);
const request = (token: string, fields?: Record<string, string>) =>
  new Request(`http://localhost/invite/${token}`, {
    ...(fields
      ? {
          method: 'POST',
          body: new URLSearchParams(fields),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.0.0.9' },
        }
      : { headers: { 'x-forwarded-for': '10.0.0.9' } }),
  });

describe.each(engines)('the notes read from personal links on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A held meeting with who came, a signed record, and the person's choice to share only the decisions. */
  async function setting() {
    const { db } = database;
    const team = await makeTeam(db);
    const alex = await makeUser(db, { teamId: team.id, name: 'Alex Morgan' });
    const person = await makePerson(db, team.id, { givenName: 'Robin' });
    const member = (givenName: string, maySeeSharedRecords: boolean) => ({
      personId: person.id,
      givenName,
      relationship: 'friend' as const,
      kind: 'friend' as const,
      closeness: 'inner' as const,
      mayBeInvited: true,
      maySeeSharedRecords,
      email: `${givenName.toLowerCase()}@example.org`,
    });
    const [dana, kit, finn] = await db
      .insert(networkMembers)
      .values([member('Dana', true), member('Kit', false), member('Finn', true)])
      .returning({ id: networkMembers.id });
    const meeting = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alex.id],
      startsAt: new Date(Date.now() - 3 * HOUR_MS),
      status: 'held',
    });
    const links = await db
      .insert(invitations)
      .values(
        [
          { personId: person.id },
          { networkMemberId: dana!.id },
          { networkMemberId: kit!.id },
          { networkMemberId: finn!.id },
        ].map((who) => {
          const id = crypto.randomUUID();
          return {
            id,
            meetingId: meeting.id,
            ...who,
            tokenHash: hashToken(tokenFor(id)),
            response: 'accepted' as const,
            expiresAt: new Date(meeting.endsAt.getTime() + 90 * DAY_MS),
          };
        }),
      )
      .returning({ id: invitations.id });
    const [robinLink, danaLink, kitLink, finnLink] = links.map((l) => ({ id: l.id, token: tokenFor(l.id) }));
    await db.insert(meetingAttendance).values([
      { meetingId: meeting.id, userId: alex.id, presence: 'came', recordedBy: alex.id },
      { meetingId: meeting.id, personId: person.id, presence: 'came', recordedBy: alex.id },
      { meetingId: meeting.id, networkMemberId: dana!.id, presence: 'came_late', recordedBy: alex.id },
      { meetingId: meeting.id, networkMemberId: kit!.id, presence: 'came', recordedBy: alex.id },
      { meetingId: meeting.id, networkMemberId: finn!.id, presence: 'apologies', recordedBy: alex.id },
    ]);
    const [record] = await db
      .insert(meetingRecords)
      .values({ meetingId: meeting.id, version: 1, content, authorId: alex.id })
      .returning({ id: meetingRecords.id });
    await db.insert(recordSignatures).values({ recordId: record!.id, signerId: alex.id, kind: 'signed' });
    await db.insert(recordShareChoices).values({ meetingId: meeting.id, sections: ['decisions'], recordedBy: alex.id });
    return {
      db,
      team,
      alex,
      person,
      meeting,
      recordId: record!.id,
      robin: robinLink!,
      dana: danaLink!,
      kit: kitLink!,
      finn: finnLink!,
    };
  }

  /** The page as the link's holder sees it now (through openInvitation, like the route). */
  async function pageOf(token: string, options: { noted?: boolean } = {}) {
    const { db } = database;
    const opened = await openInvitation(db, request(token), token);
    if (!opened.ok) throw new Error(`link refused: ${opened.response.status}`);
    return renderInvitation(db, opened.lookup, `/invite/${token}`, options);
  }

  it('lets the person read every section, decisions first, with the link’s end said plainly', async () => {
    const s = await setting();
    const view = await readerView(s.db, s.robin.id);
    expect(view).toMatchObject({ state: 'record', recordId: s.recordId, version: 1, amended: false, withheld: false });
    if (view.state !== 'record') throw new Error('expected a record');
    expect([...view.sections].sort()).toEqual(
      ['actions', 'decisions', 'next_meeting', 'open_questions', 'reflections', 'voices'].sort(),
    );
    const html = await pageOf(s.robin.token);
    expect(html).toContain('<h1>This meeting has taken place</h1>');
    expect(sectionHeadings(html)).toEqual([
      'What was decided',
      'What is still open',
      'Who will do what',
      'Next meeting',
      'Reflections',
      'What each person said',
    ]);
    expect(html).toContain('In Dana’s own words:</p><blockquote class="words">Not yet: not before the winter is over.');
    expect(html).toContain('I am frightened of the nights.');
    expect(html).toContain('This link opens these notes until');
    expect(html).not.toContain('<script');
    expect(html).not.toContain(noNotesText);
    // Reading it is audited, as every read of a record is.
    const reads = await s.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'read'),
          eq(auditEvents.entity, 'meeting_record'),
          eq(auditEvents.entityId, s.meeting.id),
        ),
      );
    expect(reads.map((r) => r.detail)).toEqual([{ invitationId: s.robin.id, version: 1 }]);
  });

  it('lets a network member who came, with the person’s consent, read only the shared decisions', async () => {
    const s = await setting();
    const view = await readerView(s.db, s.dana.id);
    expect(view).toMatchObject({ state: 'record', sections: ['decisions'], withheld: false });
    const html = await pageOf(s.dana.token);
    expect(sectionHeadings(html)).toEqual(['What was decided']);
    expect(html).toContain('Robin tries two weeks without the sleeping tablets.');
    expect(html).not.toMatch(/I am frightened of the nights|I want to try sleeping|Find the part-time timetable/);
    expect(html.match(/<form\b/g)).toHaveLength(1);
  });

  it('shows nothing to a member without that consent, or to one who did not come, and never says why', async () => {
    const s = await setting();
    for (const link of [s.kit, s.finn]) {
      expect(await readerView(s.db, link.id)).toEqual({ state: 'nothing' });
      const html = await pageOf(link.token);
      expect(html).toContain(noNotesText);
      expect(html).not.toMatch(/<form|Robin tries two weeks|Notes appear here|consent|shared/);
      expect(sectionHeadings(html)).toEqual([]);
    }
  });

  it('refuses a link that was turned off', async () => {
    const s = await setting();
    await s.db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, s.dana.id));
    const opened = await openInvitation(s.db, request(s.dana.token), s.dana.token);
    expect(opened.ok).toBe(false);
    if (opened.ok) throw new Error('expected a refusal');
    expect(opened.response.status).toBe(404);
    const page = await opened.response.text();
    expect(page).toContain('This link no longer works');
    expect(page).not.toContain('Robin tries');
    expect(await readerView(s.db, s.robin.id)).toMatchObject({ state: 'record' });
  });

  it('hides a withheld section from the person, saying part is kept back, and from the member', async () => {
    const s = await setting();
    await s.db.insert(recordWithholdings).values({
      meetingId: s.meeting.id,
      section: 'decisions',
      reason: 'harm_to_someone_else',
      reviewOn: '2027-01-31',
      withheldBy: s.alex.id,
    });
    const view = await readerView(s.db, s.robin.id);
    expect(view).toMatchObject({ state: 'record', withheld: true });
    if (view.state !== 'record') throw new Error('expected a record');
    expect(view.sections).not.toContain('decisions');
    const html = await pageOf(s.robin.token);
    expect(html).toContain(withheldText);
    expect(sectionHeadings(html)).not.toContain('What was decided');
    expect(html).not.toContain('Robin tries two weeks');
    // Nothing about the reason reaches the page.
    expect(html).not.toMatch(/harm|2027-01-31/);

    expect(await readerView(s.db, s.dana.id)).toEqual({ state: 'nothing' });
    const dana = await pageOf(s.dana.token);
    expect(dana).toContain(noNotesText);
    expect(dana).not.toContain(withheldText);
    expect(dana).not.toContain('Robin tries two weeks');
  });

  it('keeps a statement beside the record, dated and audited, and leaves the record as it was', async () => {
    const s = await setting();
    const before = await s.db.select().from(meetingRecords).where(eq(meetingRecords.meetingId, s.meeting.id));
    const words = 'I did not agree to two weeks: I said I would think about it.';
    const response = await postInvitation(
      s.db,
      request(s.dana.token, { intent: 'statement', section: 'decisions', words: `  ${words}  ` }),
      s.dana.token,
      `/invite/${s.dana.token}`,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/invite/${s.dana.token}?noted=1`);
    const kept = await s.db.select().from(recordStatements).where(eq(recordStatements.meetingId, s.meeting.id));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ recordId: s.recordId, invitationId: s.dana.id, section: 'decisions', words });
    expect(kept[0]!.createdAt).toBeInstanceOf(Date);
    const audit = await s.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'statement'), eq(auditEvents.entityId, s.dana.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.origin).toBe('10.0.0.9');
    expect(await s.db.select().from(meetingRecords).where(eq(meetingRecords.meetingId, s.meeting.id))).toEqual(before);
    expect(await readerView(s.db, s.dana.id)).toMatchObject({ state: 'record', recordId: s.recordId, version: 1 });
    expect(await pageOf(s.dana.token, { noted: true })).toContain(notedText);
  });

  it('refuses empty, over-long or unreadable statements, keeping the words typed, and stores nothing', async () => {
    const s = await setting();
    const post = (link: { token: string }, fields: Record<string, string>) =>
      postInvitation(
        s.db,
        request(link.token, { intent: 'statement', ...fields }),
        link.token,
        `/invite/${link.token}`,
      );

    const empty = await post(s.robin, { section: 'voices', words: '   ' });
    expect(empty.status).toBe(422);
    const emptyPage = await empty.text();
    expect(emptyPage).toContain('<p class="error" id="say-voices-error">Write how you see it, in your own words</p>');

    const long = 'x'.repeat(2_001);
    const tooLong = await post(s.robin, { section: 'actions', words: long });
    expect(tooLong.status).toBe(422);
    const tooLongPage = await tooLong.text();
    expect(tooLongPage).toContain('Please keep your words under 2,000 characters');
    expect(tooLongPage).toContain(`aria-invalid="true">${long}</textarea>`);

    const made = await post(s.robin, { section: 'everything', words: 'Hello' });
    expect(made.status).toBe(422);

    // Dana may read only the decisions; Kit reads nothing at all.
    const notHers = await post(s.dana, { section: 'voices', words: 'That is not what I said.' });
    expect(notHers.status).toBe(409);
    expect(await notHers.text()).not.toContain('I am frightened of the nights.');
    expect((await post(s.kit, { section: 'decisions', words: 'No.' })).status).toBe(409);

    expect(await s.db.select().from(recordStatements).where(eq(recordStatements.meetingId, s.meeting.id))).toEqual([]);
  });

  it('still refuses answers after the meeting, as before', async () => {
    const s = await setting();
    const response = await postInvitation(
      s.db,
      request(s.robin.token, { response: 'declined', message: '' }),
      s.robin.token,
      `/invite/${s.robin.token}`,
    );
    expect(response.status).toBe(409);
    const [row] = await s.db.select().from(invitations).where(eq(invitations.id, s.robin.id));
    expect(row!.response).toBe('accepted');
  });

  it('makes new links last to the meeting’s end plus the team’s days, and moves them with the meeting', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    await db.update(teams).set({ recordLinkDays: 30 }).where(eq(teams.id, team.id));
    const alex = await makeUser(db, { teamId: team.id });
    const person = await makePerson(db, team.id);
    const [maria] = await db
      .insert(networkMembers)
      .values({
        personId: person.id,
        givenName: 'Maria',
        relationship: 'parent',
        kind: 'family',
        closeness: 'inner',
        mayBeInvited: true,
      })
      .returning({ id: networkMembers.id });
    const meeting = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alex.id],
      startsAt: new Date('2027-03-20T10:00:00Z'),
    });
    // Booked on 1 March 2027, whatever the day the test runs (a link made after the meeting counts from then).
    vi.useFakeTimers({ now: new Date('2027-03-01T09:00:00Z'), toFake: ['Date'] });
    const made = await db
      .transaction((tx) => createInvitations(tx, meeting, { person: true, memberIds: [maria!.id] }))
      .finally(() => vi.useRealTimers());
    expect(made).toHaveLength(2);
    const expiries = async () =>
      (await db.select().from(invitations).where(eq(invitations.meetingId, meeting.id))).map((r) => r.expiresAt);
    // 30 days of 24 hours after the end, across the change to summer time.
    expect(await expiries()).toEqual([new Date('2027-04-19T11:00:00Z'), new Date('2027-04-19T11:00:00Z')]);

    const newEnd = new Date('2027-05-01T15:30:00Z');
    await db.transaction((tx) => extendInvitations(tx, [{ id: meeting.id, endsAt: newEnd }]));
    expect(await expiries()).toEqual([new Date('2027-05-31T15:30:00Z'), new Date('2027-05-31T15:30:00Z')]);
  });
  const reissue = (s: Awaited<ReturnType<typeof setting>>, invitationId: string) =>
    reissueLink(
      { db: s.db, actor: { actorId: s.alex.id, origin: '10.0.0.1' } },
      { person: s.person, meetingId: s.meeting.id, invitationId },
    );

  it('sends a reader a fresh link once theirs has passed its reading period: it opens the notes for another period', async () => {
    const s = await setting();
    await expect(reissue(s, s.dana.id)).rejects.toThrow(
      'Dana’s link still works: copy it from the list, or turn it off first.',
    );
    await s.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - HOUR_MS) })
      .where(eq(invitations.id, s.dana.id));
    expect((await openInvitation(s.db, request(s.dana.token), s.dana.token)).ok).toBe(false);

    const started = Date.now();
    const newId = await reissue(s, s.dana.id);
    const rows = await s.db
      .select()
      .from(invitations)
      .where(eq(invitations.networkMemberId, (await memberOf(s.dana.id))!));
    expect(rows.filter((r) => r.revokedAt === null).map((r) => r.id)).toEqual([newId]);
    const fresh = rows.find((r) => r.id === newId)!;
    expect(fresh.expiresAt.getTime()).toBeGreaterThanOrEqual(started + 90 * DAY_MS);
    expect(fresh.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 90 * DAY_MS);
    // The old link stays dead; the new one opens the shared decisions and nothing else.
    expect((await openInvitation(s.db, request(s.dana.token), s.dana.token)).ok).toBe(false);
    const html = await pageOf(tokenFor(newId));
    expect(sectionHeadings(html)).toEqual(['What was decided']);
    expect(html).toContain('This link opens these notes until');

    // The email says where to read, and nothing of what was said or decided.
    const [email] = await s.db.select().from(outbox).where(eq(outbox.invitationId, newId));
    expect(email).toMatchObject({
      toAddress: 'dana@example.org',
      subject: 'A new link to the notes from your meeting',
    });
    expect(email!.bodyText).toContain(invitationLinkMarker(newId));
    expect(email!.bodyText).toContain('You can read the notes here');
    expect(email!.bodyText).not.toMatch(/tablets|Robin tries|frightened/);
    const audit = await s.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'update'), eq(auditEvents.entityId, s.person.id)));
    expect(audit.map((a) => a.detail)).toEqual([
      { meetingId: s.meeting.id, reissuedInvitation: newId, replaces: s.dana.id },
    ]);
  });

  it('sends the person a fresh link in place of one turned off after the meeting', async () => {
    const s = await setting();
    await s.db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, s.robin.id));
    const newId = await reissue(s, s.robin.id);
    expect(await readerView(s.db, newId)).toMatchObject({ state: 'record', recordId: s.recordId });
  });

  it('sends no fresh link to someone who may not read the notes, or for a meeting that did not happen', async () => {
    const s = await setting();
    const past = new Date(Date.now() - HOUR_MS);
    await s.db.update(invitations).set({ expiresAt: past }).where(eq(invitations.meetingId, s.meeting.id));
    await expect(reissue(s, s.kit.id)).rejects.toThrow('Kit may not read the notes of this meeting');
    await expect(reissue(s, s.finn.id)).rejects.toThrow('Finn may not read the notes of this meeting');
    // Dana whose consent to be invited is withdrawn reads nothing, so gets no new link either.
    await s.db
      .update(networkMembers)
      .set({ mayBeInvited: false })
      .where(eq(networkMembers.id, (await memberOf(s.dana.id))!));
    await expect(reissue(s, s.dana.id)).rejects.toThrow('Dana may not read the notes of this meeting');

    const other = await setting();
    await other.db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, other.robin.id));
    await other.db
      .update(meetings)
      .set({ status: 'did_not_happen', statusReason: 'Robin was in hospital' })
      .where(eq(meetings.id, other.meeting.id));
    await expect(reissue(other, other.robin.id)).rejects.toThrow('This meeting did not happen');
    // Nothing was made or sent.
    expect(await s.db.select().from(invitations).where(eq(invitations.meetingId, s.meeting.id))).toHaveLength(4);
    expect(await s.db.select().from(outbox).where(eq(outbox.meetingId, s.meeting.id))).toEqual([]);
  });

  async function memberOf(invitationId: string) {
    const [row] = await database.db
      .select({ id: invitations.networkMemberId })
      .from(invitations)
      .where(eq(invitations.id, invitationId));
    return row?.id ?? undefined;
  }
});
