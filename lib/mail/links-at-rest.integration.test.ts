import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '@/db/queries/outbox';
import { outbox } from '@/db/schema';
import { migrationsFolder } from '@/db/migrate';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { calendarFile } from '@/lib/calendar/ics';
import { createInvitations } from '@/lib/invitations/create-invitations';
import { invitationLinkMarker } from '@/lib/invitations/link-marker';
import { invitationLink, tokenFor } from '@/lib/invitations/token';
import { deliverDue } from './deliver';
import { partOf, startSmtpSink, type SmtpSink } from './testing/smtp-sink';
import { createMailTransport } from './transport';

/** Stored email holds no working link: rows from before are mended by migration 0011, and a link is made only as a message goes. */
const FROM = 'Riverside team <meetings@example.org>';

/** A calendar file as the app wrote it before: the link in URL and, folded, in DESCRIPTION. */
const calendarWith = (link: string) =>
  calendarFile({
    method: 'REQUEST',
    now: new Date('2026-11-24T09:00:00Z'),
    events: [
      {
        uid: 'meeting-0b5e@network-meetings',
        sequence: 0,
        start: new Date('2026-12-01T10:00:00Z'),
        end: new Date('2026-12-01T11:00:00Z'),
        status: 'CONFIRMED',
        summary: 'Network meeting',
        url: link,
        description: `Your answer and the latest details: ${link}`,
        organizer: { name: 'Alex Morgan', email: 'alex@example.org' },
        attendees: [{ name: 'Anne', email: 'anne@example.net', partstat: 'NEEDS-ACTION' }],
      },
    ],
  });

describe.each(engines)('no working link at rest, on %s', (engine) => {
  let database: TestDatabase;
  let sink: SmtpSink;
  const meetingIds: string[] = [];
  const invitationIds: string[] = [];
  const transport = () => createMailTransport({ url: sink.url, from: FROM });
  const t0 = new Date('2026-11-24T09:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    sink = await startSmtpSink();
    const { db } = database;
    const team = await makeTeam(db);
    const user = await makeUser(db, { teamId: team.id });
    for (const startsAt of [new Date('2026-12-01T10:00:00Z'), new Date('2026-12-02T10:00:00Z')]) {
      const person = await makePerson(db, team.id);
      const meeting = await makeMeeting(db, { teamId: team.id, personId: person.id, userIds: [user.id], startsAt });
      meetingIds.push(meeting.id);
      const [invitation] = await createInvitations(db, meeting, { person: true, memberIds: [] });
      invitationIds.push(invitation!.id);
    }
  });
  afterAll(async () => {
    await sink?.stop();
    await database?.close();
  });

  it('replaces the links already stored with the marker of their invitation, and sends them working', async () => {
    const { db } = database;
    const [id] = invitationIds;
    const link = invitationLink(id!);
    // As stored before this release: the link itself in the text, the HTML and the calendar file.
    const old = await enqueue(db, {
      dedupeKey: `invitation:${id}:0`,
      toAddress: 'anne@example.net',
      subject: 'Invitation: a meeting',
      bodyText: `Please let us know if you can come, with one tap:\n${link}\n\nThis link is personal to you.`,
      bodyHtml: `<p><a href="${link}">Answer the invitation</a></p>`,
      icsAttachment: calendarWith(link),
      meetingId: meetingIds[0],
      invitationId: id,
      sendAfter: t0,
    });
    const orphan = await enqueue(db, {
      dedupeKey: 'orphan:0',
      toAddress: 'bea@example.net',
      subject: 'A link without its invitation',
      bodyText: `Your link: ${link}`,
      sendAfter: new Date(t0.getTime() + 3_600_000),
    });
    expect(calendarWith(link)).not.toContain(`details: ${link}`);

    const migration = await readFile(path.join(migrationsFolder, '0011_no_links_at_rest.sql'), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));

    const [stored, strayed] = await db
      .select()
      .from(outbox)
      .where(inArray(outbox.id, [old.id, orphan.id]));
    const atRest = JSON.stringify([stored, strayed]);
    expect(atRest).not.toContain(tokenFor(id!));
    expect(atRest).not.toMatch(/\/invite\//);
    const marker = invitationLinkMarker(id!);
    expect(stored!.bodyText).toBe(
      `Please let us know if you can come, with one tap:\n${marker}\n\nThis link is personal to you.`,
    );
    expect(stored!.bodyHtml).toBe(`<p><a href="${marker}">Answer the invitation</a></p>`);
    expect(stored!.icsAttachment).toContain(`URL:${marker}\r\n`);
    expect(stored!.icsAttachment).toContain(`DESCRIPTION:Your answer and the latest details: ${marker}\r\n`);
    expect(strayed!.bodyText).toBe('Your link: (link removed)');

    expect((await deliverDue(db, transport(), t0)).sent).toBe(1);
    const [got] = sink.received.filter((m) => m.envelopeTo[0] === 'anne@example.net');
    expect(partOf(got!.mail, 'text/plain')?.body).toContain(`\r\n${link}\r\n`);
    expect(partOf(got!.mail, 'text/html')?.body).toBe(`<p><a href="${link}">Answer the invitation</a></p>`);
    // Folded again as it was written, and read back with the same link.
    const calendar = partOf(got!.mail, 'text/calendar')!.body;
    expect(calendar).toBe(calendarWith(link));
    const event = new ICAL.Component(ICAL.parse(calendar)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('url')).toBe(link);
  });

  it('never sends a message whose marker names another invitation: it fails at once, saying why', async () => {
    const { db } = database;
    const [ours, another] = invitationIds;
    const { id } = await enqueue(db, {
      dedupeKey: 'mismatch:0',
      toAddress: 'cleo@example.net',
      subject: 'Someone else’s link',
      bodyText: `Your link: ${invitationLinkMarker(another!)}`,
      meetingId: meetingIds[0],
      invitationId: ours,
      sendAfter: t0,
    });
    expect(await deliverDue(db, transport(), t0)).toMatchObject({ sent: 0, failed: 1 });
    expect(sink.received.filter((m) => m.envelopeTo[0] === 'cleo@example.net')).toEqual([]);
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'The personal link in this message could not be made, so it was not sent.',
    });
  });
});
