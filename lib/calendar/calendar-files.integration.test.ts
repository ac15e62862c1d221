import { and, eq, isNull } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { auditEvents, calendarFeeds, meetingPractitioners, meetings, teamMembers, users } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData as form } from '@/db/testing/form-data';
import { idle } from '@/lib/actions/form-state';
import { hashFeedToken, newFeedToken } from './feed-token';

/**
 * Calendar files through the app's own route handlers and actions: the team-only download of
 * one meeting, and the secret feed's whole life (create, fetch, replace, turn off, disabled).
 */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'meetings.example.org', 'x-forwarded-proto': 'https' }),
}));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));

const { createCalendarFeedAction, revokeCalendarFeedAction } = await import('@/app/(app)/calendar/feed/actions');
const feedRoute = await import('@/app/api/calendar-feeds/[token]/route');
const downloadRoute = await import('@/app/(app)/people/[id]/meetings/[meetingId]/calendar.ics/route');

const DAY = 86_400_000;

function at(daysFromNow: number, hourUtc = 10): Date {
  const d = new Date(Date.now() + daysFromNow * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}

// Each fetch from its own address: these tests are about the feed, not its per-address limit
// on dead links (calendar-feed-limits.integration.test.ts is), which they would otherwise reach.
let fetches = 0;
async function fetchFeed(link: string) {
  const segment = new URL(link).pathname.split('/').pop()!;
  const from = `198.51.100.${(fetches++ % 250) + 1}`;
  return feedRoute.GET(new Request(link, { headers: { 'x-forwarded-for': from } }), {
    params: Promise.resolve({ token: segment }),
  });
}

async function download(personId: string, meetingId: string) {
  const url = `https://meetings.example.org/people/${personId}/meetings/${meetingId}/calendar.ics`;
  return downloadRoute.GET(new Request(url), { params: Promise.resolve({ id: personId, meetingId }) });
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe.each(engines)('calendar files on %s', (engine) => {
  let database: TestDatabase;
  let alice: SessionUser;
  let bob: SessionUser;
  let carol: SessionUser;
  let dave: SessionUser;
  let personId: string;
  let otherPersonId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    session.db = database.db;
    const { db } = database;
    const team = await makeTeam(db);
    const other = await makeTeam(db);
    const [a, b, c, d] = await Promise.all([
      makeUser(db, { teamId: team.id, name: 'Alice Ashdown', email: 'alice@example.org' }),
      makeUser(db, { teamId: team.id, name: 'Bob Brook', email: 'bob@example.org' }),
      makeUser(db, { teamId: other.id, name: 'Carol Croft' }),
      makeUser(db, { teamId: team.id, name: 'Dave Dale' }),
    ]);
    const sessionOf = async (id: string) => (await findSessionUser(db, id))!;
    [alice, bob, carol, dave] = await Promise.all([sessionOf(a.id), sessionOf(b.id), sessionOf(c.id), sessionOf(d.id)]);
    const person = await makePerson(db, team.id, { givenName: 'Robin', familyName: 'Secretname' });
    personId = person.id;
    otherPersonId = (await makePerson(db, other.id)).id;

    const meet = (
      key: string,
      args: Omit<Parameters<typeof makeMeeting>[1], 'teamId' | 'personId'> & { teamId?: string; personId?: string },
    ) => makeMeeting(db, { teamId: team.id, personId, ...args }).then((m) => (ids[key] = m.id));
    await meet('booked', { userIds: [a.id, b.id, d.id], startsAt: at(2) });
    await meet('cancelled', { userIds: [a.id], startsAt: at(3), status: 'cancelled' });
    await meet('bobOnly', { userIds: [b.id], startsAt: at(4) });
    await meet('held', { userIds: [a.id], startsAt: at(-10), status: 'held' });
    await meet('tooOld', { userIds: [a.id], startsAt: at(-40) });
    await meet('tooFar', { userIds: [a.id], startsAt: at(200) });
    await meet('otherTeam', { userIds: [c.id], startsAt: at(2), teamId: other.id, personId: otherPersonId });
    // The booked meeting: a crisis meeting at home, changed twice, with Bob optional and recorded absent.
    await db
      .update(meetings)
      .set({
        kind: 'crisis',
        locationKind: 'home',
        locationDetail: '12 Elm Road; back door, ring twice',
        sequence: 2,
        statusReason: 'Not a reason to share',
        createdBy: a.id,
      })
      .where(eq(meetings.id, ids.booked!));
    await db
      .update(meetingPractitioners)
      .set({ role: 'optional', attendance: 'absent' })
      .where(and(eq(meetingPractitioners.meetingId, ids.booked!), eq(meetingPractitioners.userId, b.id)));
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('downloading one meeting', () => {
    it('gives the team a calendar file: attachment, plain title, place, practitioners with role and PARTSTAT', async () => {
      session.user = alice;
      const response = await download(personId, ids.booked!);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="network-meeting-\d{4}-\d{2}-\d{2}\.ics"$/,
      );
      const text = await response.text();
      expect(text).not.toMatch(/Robin|Secretname|crisis|Not a reason/i);
      const { calendar, events } = parse(text);
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      const event = new ICAL.Event(events[0]!);
      expect(event.uid).toBe(`${ids.booked}@network-meetings`);
      expect(event.sequence).toBe(2);
      expect(event.summary).toBe('Network meeting');
      expect(event.location).toBe('Home visit · 12 Elm Road; back door, ring twice');
      expect(String(events[0]!.getFirstPropertyValue('url'))).toBe(
        `https://meetings.example.org/people/${personId}/meetings/${ids.booked}`,
      );
      expect(events[0]!.getFirstProperty('organizer')!.getFirstValue()).toBe('mailto:alice@example.org');
      const attendees = events[0]!
        .getAllProperties('attendee')
        .map((p) => [p.getParameter('cn'), p.getParameter('role'), p.getParameter('partstat')]);
      expect(attendees).toEqual([
        ['Alice Ashdown', 'REQ-PARTICIPANT', 'ACCEPTED'],
        ['Dave Dale', 'REQ-PARTICIPANT', 'ACCEPTED'],
        ['Bob Brook', 'OPT-PARTICIPANT', 'DECLINED'],
      ]);
    });

    it('cancels a cancelled meeting with METHOD:CANCEL', async () => {
      session.user = alice;
      const { calendar, events } = parse(await (await download(personId, ids.cancelled!)).text());
      expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
      expect(events[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    });

    it('leaves an audit event for the team', async () => {
      session.user = bob;
      expect((await download(personId, ids.bobOnly!)).status).toBe(200);
      const trail = await database.db
        .select({ detail: auditEvents.detail })
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, bob.id), eq(auditEvents.entityId, personId)));
      expect(trail.map((t) => t.detail)).toContainEqual({ view: 'meeting calendar file', meetingId: ids.bobOnly });
    });

    it('answers 404, the same as for nothing, to another team, the signed-out, and a meeting of someone else', async () => {
      session.user = alice;
      const nothing = await download(personId, '00000000-0000-4000-8000-000000000000');
      expect(nothing.status).toBe(404);
      const nothingBody = await nothing.text();
      session.user = carol;
      const otherTeam = await download(personId, ids.booked!);
      expect(otherTeam.status).toBe(404);
      expect(await otherTeam.text()).toBe(nothingBody);
      session.user = undefined;
      expect((await download(personId, ids.booked!)).status).toBe(404);
      session.user = alice;
      // A meeting of another team's person, asked for under a person Alice may see.
      expect((await download(personId, ids.otherTeam!)).status).toBe(404);
      expect((await download(otherPersonId, ids.otherTeam!)).status).toBe(404);
      expect((await download('not-an-id', ids.booked!)).status).toBe(404);
    });
  });

  describe('the calendar feed', () => {
    let firstLink: string;
    let secondLink: string;

    it('is made on request, shown once, and stored only as a hash', async () => {
      session.user = alice;
      const state = await createCalendarFeedAction(idle, form({}));
      expect(state.status).toBe('success');
      firstLink = state.data!.link!;
      expect(firstLink).toMatch(/^https:\/\/meetings\.example\.org\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
      const token = firstLink.slice(-47, -4);
      const rows = await database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, alice.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.tokenHash).toBe(hashFeedToken(token));
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(state.data!.feedId).toBe(rows[0]!.id);
    });

    it('shows the owner’s meetings in the window, cancelled ones marked, and nobody else’s', async () => {
      const response = await fetchFeed(firstLink);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const text = await response.text();
      expect(text).not.toMatch(/Robin|Secretname|crisis|Not a reason/i);
      const { calendar, events } = parse(text);
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(events.map((e) => [e.getFirstPropertyValue('uid'), e.getFirstPropertyValue('status')])).toEqual([
        [`${ids.held}@network-meetings`, 'CONFIRMED'],
        [`${ids.booked}@network-meetings`, 'CONFIRMED'],
        [`${ids.cancelled}@network-meetings`, 'CANCELLED'],
      ]);
      const booked = events[1]!;
      expect(booked.getAllProperties('attendee').map((p) => p.getParameter('cn'))).toEqual([
        'Alice Ashdown',
        'Dave Dale',
        'Bob Brook',
      ]);
      expect(new ICAL.Event(booked).sequence).toBe(2);
    });

    it('replaces: the old address stops at once, the new one works, one feed stays on', async () => {
      session.user = alice;
      const state = await createCalendarFeedAction(idle, form({}));
      expect(state.message).toMatch(/old one no longer works/);
      secondLink = state.data!.link!;
      expect(secondLink).not.toBe(firstLink);
      const old = await fetchFeed(firstLink);
      expect(old.status).toBe(404);
      expect(old.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect((await fetchFeed(secondLink)).status).toBe(200);
      const active = await database.db
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.userId, alice.id), isNull(calendarFeeds.revokedAt)));
      expect(active).toHaveLength(1);
    });

    it('keeps exactly one feed on when several are made at once', async () => {
      session.user = alice;
      const states = await Promise.all(Array.from({ length: 20 }, () => createCalendarFeedAction(idle, form({}))));
      expect(states.every((s) => s.status === 'success')).toBe(true);
      const active = await database.db
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.userId, alice.id), isNull(calendarFeeds.revokedAt)));
      expect(active).toHaveLength(1);
      const working = await Promise.all(states.map(async (s) => (await fetchFeed(s.data!.link!)).status));
      expect(working.filter((s) => s === 200)).toHaveLength(1);
      secondLink = states[working.indexOf(200)]!.data!.link!;
    });

    it('turns off: the address answers 404, and turning off again says there is none', async () => {
      session.user = alice;
      const state = await revokeCalendarFeedAction(idle, form({}));
      expect(state.status).toBe('success');
      expect((await fetchFeed(secondLink)).status).toBe(404);
      const again = await revokeCalendarFeedAction(idle, form({}));
      expect(again.status).toBe('error');
      expect(again.message).toMatch(/no calendar address to turn off/);
    });

    it('answers 404 for an unknown or malformed address', async () => {
      expect((await fetchFeed(`https://meetings.example.org/api/calendar-feeds/${newFeedToken()}.ics`)).status).toBe(
        404,
      );
      expect((await fetchFeed('https://meetings.example.org/api/calendar-feeds/nonsense.ics')).status).toBe(404);
    });

    it('stops for a practitioner whose access is turned off', async () => {
      session.user = bob;
      const link = (await createCalendarFeedAction(idle, form({}))).data!.link!;
      const { events } = parse(await (await fetchFeed(link)).text());
      expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([
        `${ids.booked}@network-meetings`,
        `${ids.bobOnly}@network-meetings`,
      ]);
      await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, bob.id));
      const refused = await fetchFeed(link);
      expect(refused.status).toBe(404);
      expect(await refused.text()).toMatch(/Not found/);
    });

    it('leaves out meetings of a team the practitioner has left', async () => {
      session.user = dave;
      const link = (await createCalendarFeedAction(idle, form({}))).data!.link!;
      expect(parse(await (await fetchFeed(link)).text()).events).toHaveLength(1);
      await database.db.delete(teamMembers).where(eq(teamMembers.userId, dave.id));
      expect(parse(await (await fetchFeed(link)).text()).events).toHaveLength(0);
    });

    it('records who made and turned off feeds', async () => {
      const trail = await database.db
        .select({ detail: auditEvents.detail })
        .from(auditEvents)
        .where(and(eq(auditEvents.entity, 'user'), eq(auditEvents.entityId, alice.id)));
      const kinds = trail.map((t) => t.detail?.calendarFeed);
      expect(kinds.filter((k) => k === 'created')).toHaveLength(1);
      expect(kinds.filter((k) => k === 'replaced')).toHaveLength(21);
      expect(kinds.filter((k) => k === 'revoked')).toHaveLength(1);
    });
  });
});
