import { and, eq, like, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { invitations, meetings, networkMembers, outbox, rateLimits, teams, workingPatterns } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData as form } from '@/db/testing/form-data';
import { idle, type FormState } from '@/lib/actions/form-state';
import { readableTeams } from '@/lib/auth/permissions';
import { deliverDue } from '@/lib/mail/deliver';
import { outboxForStaff } from '@/lib/mail/outbox-for-staff';
import { linksIn } from '@/lib/mail/outbox-view';
import { partOf, startSmtpSink } from '@/lib/mail/testing/smtp-sink';
import { createMailTransport } from '@/lib/mail/transport';
import { invitationLinkMarker } from './link-marker';
import { enqueueDueReminders } from './notify';
import { hashToken, invitationLink, tokenFor } from './token';

/** Invitations through the app's own code: booking invites, the public page answers, moves and cancellations notify, reminders once. */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
vi.mock('next/headers', () => import('@/db/testing/next-mocks').then((m) => m.headers()));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));

const { bookMeetingAction, rescheduleMeetingAction, cancelMeetingAction, revokeLinkAction } =
  await import('@/app/(app)/people/[id]/meetings/actions');
const invitePage = await import('@/app/invite/[token]/route');
const inviteCalendar = await import('@/app/invite/[token]/calendar.ics/route');

const DAY = 86_400_000;
const HOUR = 3_600_000;

async function run(action: Promise<FormState>): Promise<{ ok: boolean; state?: FormState }> {
  try {
    return { ok: false, state: await action };
  } catch (error) {
    if ((error as Error).message.startsWith('redirect:')) return { ok: true };
    throw error;
  }
}

/** Every outbox row as the database holds it, each column of it, as JSON text with calendar lines unfolded. */
async function storedOutbox(db: Db): Promise<string> {
  const result = await db.execute(sql`select row_to_json(o)::text as row from outbox o order by o.id`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { row: string }[];
  // A calendar file folds its lines at 75 octets (CRLF and a space, written \r\n in JSON): a link may span one.
  return rows.map((r) => r.row.replace(/\\r\\n[ \t]/g, '')).join('\n');
}

const context = (token: string) => ({ params: Promise.resolve({ token }) });
const get = (token: string, ip = '10.0.0.1') =>
  invitePage.GET(
    new Request(`http://localhost/invite/${token}`, { headers: { 'x-forwarded-for': ip } }),
    context(token),
  );
const post = (token: string, fields: Record<string, string>) =>
  invitePage.POST(
    new Request(`http://localhost/invite/${token}`, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.0.0.2' },
    }),
    context(token),
  );

describe.each(engines)('invitations on %s', (engine) => {
  let database: TestDatabase;
  let personId: string;
  let practitioner: string;
  let mum: string;
  let friend: string;
  let noConsent: string;
  let insider: SessionUser;
  let outsider: SessionUser;
  const start = new Date(Math.ceil((Date.now() + 3 * DAY) / DAY) * DAY + 10 * HOUR);
  const fields = () => ({
    personId,
    kind: 'network',
    duration: '60',
    location: 'video',
    videoUrl: 'https://video.example.org/room-7',
    required: practitioner,
  });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    session.db = database.db;
    const { db } = database;
    const team = await makeTeam(db);
    await db.update(teams).set({ timeZone: 'Europe/London', name: 'Riverside team' }).where(eq(teams.id, team.id));
    practitioner = (await makeUser(db, { teamId: team.id, name: 'Alex Morgan' })).id;
    await db
      .insert(workingPatterns)
      .values(
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ userId: practitioner, weekday, startMinute: 0, endMinute: 1440 })),
      );
    personId = (await makePerson(db, team.id, { givenName: 'Robin', email: 'robin@example.org' })).id;
    const member = (values: Partial<typeof networkMembers.$inferInsert>) =>
      db
        .insert(networkMembers)
        .values({
          personId,
          givenName: 'X',
          relationship: 'friend',
          kind: 'friend',
          closeness: 'inner',
          mayBeInvited: true,
          ...values,
        })
        .returning({ id: networkMembers.id });
    mum = (
      await member({
        givenName: 'Maria',
        familyName: 'Secret-Surname',
        relationship: 'parent',
        kind: 'family',
        email: 'maria@example.org',
        phone: '07700 900123',
      })
    )[0]!.id;
    friend = (await member({ givenName: 'Finn', email: 'finn@example.org' }))[0]!.id;
    noConsent = (await member({ givenName: 'Nell', mayBeInvited: false, email: 'nell@example.org' }))[0]!.id;
    insider = (await findSessionUser(db, practitioner))!;
    outsider = (await findSessionUser(db, (await makeUser(db, { teamId: (await makeTeam(db)).id })).id))!;
    session.user = insider;
  });
  afterAll(async () => {
    await database?.close();
  });

  const invitationsOf = async () =>
    database.db
      .select()
      .from(invitations)
      .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
      .where(eq(meetings.personId, personId));

  it('refuses to invite someone who has not agreed, beside the field, and saves nothing', async () => {
    const result = await run(
      bookMeetingAction(idle, form({ ...fields(), start: start.toISOString(), invite: ['person', noConsent] })),
    );
    expect(result.state?.fieldErrors?.invite).toEqual(['Only people who agreed to be invited can be invited']);
    expect(result.state?.values?.videoUrl).toBe('https://video.example.org/room-7');
    expect(await database.db.select().from(meetings).where(eq(meetings.personId, personId))).toHaveLength(0);
  });

  it('books with two invitees and the person: one link each, stored only as a hash, each emailed through the outbox', async () => {
    expect(
      (
        await run(
          bookMeetingAction(idle, form({ ...fields(), start: start.toISOString(), invite: ['person', mum, friend] })),
        )
      ).ok,
    ).toBe(true);
    const rows = await invitationsOf();
    expect(rows).toHaveLength(3);
    for (const { invitations: inv } of rows) {
      expect(inv.tokenHash).toBe(hashToken(tokenFor(inv.id)));
      expect(inv.expiresAt).toEqual(new Date(start.getTime() + HOUR + 90 * DAY));
    }
    const mail = await database.db.select().from(outbox).where(like(outbox.dedupeKey, 'invitation:%'));
    expect(mail.map((m) => m.toAddress).sort()).toEqual(['finn@example.org', 'maria@example.org', 'robin@example.org']);
    const maria = mail.find((m) => m.toAddress === 'maria@example.org')!;
    const mariaInvitation = rows.find((r) => r.invitations.networkMemberId === mum)!.invitations;
    // The link's place names the invitation; the link itself is made as the email goes.
    expect(maria.bodyText).toContain(invitationLinkMarker(mariaInvitation.id));
    // No clinical content, and nobody else's contact details.
    expect(maria.bodyText).not.toMatch(/network meeting|crisis|finn@|robin@/i);
    const event = new ICAL.Component(ICAL.parse(maria.icsAttachment!)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe('Network meeting');
    expect(event.getAllProperties('attendee').map((a) => a.getParameter('partstat'))).toEqual(['NEEDS-ACTION']);
  });

  it('keeps no working link at rest: no column of any stored email holds a token or a link, only the invitation it names', async () => {
    const rows = await invitationsOf();
    const stored = await storedOutbox(database.db);
    expect(stored).toContain('maria@example.org');
    for (const { invitations: inv } of rows) {
      expect(stored).toContain(inv.id);
      expect(stored).not.toContain(tokenFor(inv.id));
      expect(stored).not.toContain(invitationLink(inv.id));
    }
    expect(stored).not.toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
  });

  it('shows the team’s staff each waiting email with its working link to copy, made as the outbox is shown; other teams see none', async () => {
    const mariaId = (await invitationsOf()).find((r) => r.invitations.networkMemberId === mum)!.invitations.id;
    const { rows } = await outboxForStaff(database.db, { scope: readableTeams(insider) });
    const maria = rows.find((m) => m.toAddress === 'maria@example.org')!;
    expect(linksIn(maria.bodyText)).toEqual(['https://video.example.org/room-7', invitationLink(mariaId)]);
    expect(maria.bodyText).not.toContain('{{invitation-link:');
    expect((await outboxForStaff(database.db, { scope: readableTeams(outsider) })).rows).toEqual([]);
  });

  it('delivers the invitations to a real SMTP server, each exactly once, with the link and the calendar file', async () => {
    const sink = await startSmtpSink();
    const transport = createMailTransport({ url: sink.url, from: 'Riverside team <meetings@example.org>' });
    try {
      await deliverDue(database.db, transport);
      await deliverDue(database.db, transport);
      const got = sink.received;
      expect(got.map((m) => m.envelopeTo[0]).sort()).toEqual([
        'finn@example.org',
        'maria@example.org',
        'robin@example.org',
      ]);
      const maria = got.find((m) => m.envelopeTo[0] === 'maria@example.org')!;
      expect(maria.mail.headers.subject).toMatch(/^Invitation: a meeting on/);
      expect(partOf(maria.mail, 'text/plain')?.body).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
      expect(partOf(maria.mail, 'text/calendar')?.body).toContain('METHOD:REQUEST');

      // The link is made as the message goes: in the text, the button and the calendar file, and it opens Maria's invitation.
      const mariaId = (await invitationsOf()).find((r) => r.invitations.networkMemberId === mum)!.invitations.id;
      const link = invitationLink(mariaId);
      const text = partOf(maria.mail, 'text/plain')!.body;
      expect(text).toContain(`\r\n${link}\r\n`);
      expect(partOf(maria.mail, 'text/html')?.body).toContain(`href="${link}"`);
      const calendar = partOf(maria.mail, 'text/calendar')!.body;
      expect(calendar.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
      const event = new ICAL.Component(ICAL.parse(calendar)).getFirstSubcomponent('vevent')!;
      expect(event.getFirstPropertyValue('url')).toBe(link);
      expect(event.getFirstPropertyValue('description')).toBe(`Your answer and the latest details: ${link}`);
      const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
      const opened = await get(token, '10.0.0.7');
      expect(opened.status).toBe(200);
      expect(await opened.text()).toContain('Hello Maria');

      // Sent, the stored copies still hold no link.
      const sent = await database.db.select().from(outbox).where(like(outbox.dedupeKey, 'invitation:%'));
      expect(sent.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
      const stored = await storedOutbox(database.db);
      expect(stored).not.toContain(token);
      expect(stored).not.toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    } finally {
      transport.close();
      await sink.stop();
    }
  });

  it('shows the invitation page for a link: when and where, who else (first names only), three answers, no script', async () => {
    const [maria] = (await invitationsOf()).filter((r) => r.invitations.networkMemberId === mum);
    const response = await get(tokenFor(maria!.invitations.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const page = await response.text();
    expect(page).toContain('Hello Maria');
    expect(page).toContain('https://video.example.org/room-7');
    expect(page).toContain('Finn (friend)');
    expect(page).toContain('Robin');
    expect(page).toMatch(/I’ll be there[\s\S]*Maybe[\s\S]*I can’t come/);
    expect(page).not.toMatch(/<script|Secret-Surname|finn@example|07700/);
  });

  it('speaks to the person as the one the meeting is for, on their page and in their email, never of a meeting "with" themselves', async () => {
    const [robin] = (await invitationsOf()).filter((r) => r.invitations.personId === personId);
    const response = await get(tokenFor(robin!.invitations.id));
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<h1>Your network meeting</h1>');
    expect(page).toContain('Hello Robin');
    expect(page).toContain('Will you be there?');
    expect(page).toContain('Maria (parent)');
    expect(page).not.toMatch(/meeting with Robin|Can you come|would like you to come/);
    const [mail] = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `invitation:${robin!.invitations.id}:0`));
    expect(mail!.subject).toMatch(/^Your network meeting with the Riverside team: /);
    expect(mail!.bodyText).toContain('Please let us know if you will be there');
    expect(`${mail!.subject}\n${mail!.bodyText}\n${mail!.bodyHtml}`).not.toMatch(
      /with Robin|Robin and the|if you can come/,
    );
  });

  it('records an answer with a message, which can be changed, and refuses a non-answer beside the buttons with the message kept', async () => {
    const [finn] = (await invitationsOf()).filter((r) => r.invitations.networkMemberId === friend);
    const token = tokenFor(finn!.invitations.id);
    const bad = await post(token, { message: 'I might be late' });
    expect(bad.status).toBe(422);
    const badPage = await bad.text();
    expect(badPage).toContain('Choose one of the three answers');
    expect(badPage).toContain('I might be late');
    const saved = await post(token, { response: 'tentative', message: 'I might be late' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/invite/${token}?saved=1`);
    expect((await post(token, { response: 'accepted', message: '' })).status).toBe(303);
    const [after] = await database.db.select().from(invitations).where(eq(invitations.id, finn!.invitations.id));
    expect(after).toMatchObject({ response: 'accepted', message: null });
    const ics = await (
      await inviteCalendar.GET(new Request(`http://localhost/invite/${token}/calendar.ics`), context(token))
    ).text();
    const attendee = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!.getFirstProperty('attendee')!;
    expect(attendee.getParameter('partstat')).toBe('ACCEPTED');
  });

  it('moves the meeting: old links show the new time, invitees are told once, calendar files carry the new SEQUENCE', async () => {
    const [meeting] = await database.db.select().from(meetings).where(eq(meetings.personId, personId));
    const later = new Date(start.getTime() + DAY);
    expect(
      (
        await run(
          rescheduleMeetingAction(
            idle,
            form({ ...fields(), meetingId: meeting!.id, scope: 'one', start: later.toISOString() }),
          ),
        )
      ).ok,
    ).toBe(true);
    const changed = await database.db.select().from(outbox).where(like(outbox.dedupeKey, 'changed:%'));
    expect(changed).toHaveLength(3);
    expect(changed[0]!.subject).toMatch(/^New time/);
    expect(changed.find((m) => m.toAddress === 'robin@example.org')!.subject).toMatch(
      /^New time: your network meeting is now on/,
    );
    expect(changed.find((m) => m.toAddress === 'maria@example.org')!.subject).toMatch(
      /^New time: the meeting is now on/,
    );
    const [maria] = (await invitationsOf()).filter((r) => r.invitations.networkMemberId === mum);
    expect(maria!.invitations.expiresAt).toEqual(new Date(later.getTime() + HOUR + 90 * DAY));
    const page = await (await get(tokenFor(maria!.invitations.id))).text();
    expect(page).toContain(
      later.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/London' }),
    );
    const event = new ICAL.Component(ICAL.parse(changed[0]!.icsAttachment!)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
  });

  it('queues each reminder exactly once, however often and however many instances run the job', async () => {
    const [meeting] = await database.db.select().from(meetings).where(eq(meetings.personId, personId));
    const [finn] = (await invitationsOf()).filter((r) => r.invitations.networkMemberId === friend);
    await database.db.update(invitations).set({ response: 'declined' }).where(eq(invitations.id, finn!.invitations.id));
    const dayBefore = new Date(meeting!.startsAt.getTime() - 23 * HOUR);
    const counts = await Promise.all([
      enqueueDueReminders(database.db, dayBefore),
      enqueueDueReminders(database.db, dayBefore),
      enqueueDueReminders(database.db, dayBefore),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await enqueueDueReminders(database.db, new Date(dayBefore.getTime() + HOUR))).toBe(0);
    const reminders = await database.db.select().from(outbox).where(like(outbox.dedupeKey, 'reminder:%'));
    // Robin and Maria; not Finn, who declined.
    expect(reminders.map((r) => r.toAddress).sort()).toEqual(['maria@example.org', 'robin@example.org']);
    // Too early: nothing.
    await database.db.delete(outbox).where(like(outbox.dedupeKey, 'reminder:%'));
    expect(await enqueueDueReminders(database.db, new Date(meeting!.startsAt.getTime() - 30 * HOUR))).toBe(0);
  });

  it('turns off one link for the team only; the page then reveals nothing, the same as an unknown link', async () => {
    const [meeting] = await database.db.select().from(meetings).where(eq(meetings.personId, personId));
    const [maria] = (await invitationsOf()).filter((r) => r.invitations.networkMemberId === mum);
    session.user = outsider;
    expect(
      (
        await run(
          revokeLinkAction(idle, form({ personId, meetingId: meeting!.id, invitationId: maria!.invitations.id })),
        )
      ).state?.message,
    ).toMatch(/could not find/);
    session.user = insider;
    expect(
      (
        await run(
          revokeLinkAction(idle, form({ personId, meetingId: meeting!.id, invitationId: maria!.invitations.id })),
        )
      ).state?.message,
    ).toMatch(
      /^The link is turned off, and the emails? with it that (was|were) still waiting to go (is|are) withdrawn\.$/,
    );
    // Nothing with the link is left to go out.
    const unsent = await database.db
      .select({ status: outbox.status })
      .from(outbox)
      .where(eq(outbox.invitationId, maria!.invitations.id));
    expect(unsent.filter((m) => m.status === 'pending' || m.status === 'failed')).toEqual([]);
    const revoked = await get(tokenFor(maria!.invitations.id), '10.0.0.9');
    const unknown = await get(tokenFor('00000000-0000-4000-8000-000000000000'), '10.0.0.9');
    expect(revoked.status).toBe(404);
    expect(await revoked.text()).toBe(await unknown.text());
  });

  it('cancels: invitees are told, and the link shows the meeting as cancelled; answers are closed', async () => {
    const [meeting] = await database.db.select().from(meetings).where(eq(meetings.personId, personId));
    expect(
      (await run(cancelMeetingAction(idle, form({ personId, meetingId: meeting!.id, reason: 'Robin is unwell' })))).ok,
    ).toBe(true);
    const cancelled = await database.db.select().from(outbox).where(like(outbox.dedupeKey, 'cancelled:%'));
    expect(cancelled.map((m) => m.toAddress).sort()).toEqual(['finn@example.org', 'robin@example.org']);
    expect(cancelled[0]!.bodyText).not.toContain('unwell');
    expect(cancelled.find((m) => m.toAddress === 'robin@example.org')!.bodyText).toContain(
      'Your network meeting with the Riverside team will not take place.',
    );
    const [robin] = (await invitationsOf()).filter((r) => r.invitations.personId === personId);
    const token = tokenFor(robin!.invitations.id);
    const cancelledPage = await (await get(token)).text();
    expect(cancelledPage).toContain('This meeting is cancelled');
    expect(cancelledPage).not.toContain('meeting with Robin');
    expect((await post(token, { response: 'accepted' })).status).toBe(409);
    const ics = await (
      await inviteCalendar.GET(new Request(`http://localhost/invite/${token}/calendar.ics`), context(token))
    ).text();
    expect(ics).toContain('METHOD:CANCEL');
  });

  it('rate limits links that do not work, per client address', async () => {
    await database.db.delete(rateLimits).where(like(rateLimits.key, 'invite%'));
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await get('A'.repeat(43), '10.9.9.9')).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // A working link still opens from there: a family behind a busy shared address keeps its invitation.
    const [working] = await database.db
      .select({ id: invitations.id })
      .from(invitations)
      .where(sql`${invitations.revokedAt} is null and ${invitations.expiresAt} > now()`)
      .limit(1);
    expect((await get(tokenFor(working!.id), '10.9.9.9')).status).toBe(200);
    // Another address is not affected.
    expect((await get('A'.repeat(43), '10.9.9.8')).status).toBe(404);
    expect(
      await database.db
        .select()
        .from(rateLimits)
        .where(and(eq(rateLimits.key, 'invite-miss:10.9.9.9'))),
    ).toHaveLength(1);
  });
});
