import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { createInvitations } from '@/lib/invitations/create-invitations';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { auditEvents, invitations, networkMembers, people } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData as form } from '@/db/testing/form-data';
import { idle } from '@/lib/actions/form-state';
import { tokenFor } from './token';

/**
 * "Who else is coming, as the person allows": the setting on the person's edit page decides
 * whether network members see each other's names on their invitation page. Pages are fetched
 * through the route itself; the setting is changed through the edit form's action.
 */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({
  currentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error('redirect:/sign-in');
    return session.user;
  },
}));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
vi.mock('next/headers', () =>
  import('@/db/testing/next-mocks').then((m) => m.headers({ 'x-forwarded-for': '203.0.113.7' })),
);
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));

const { updatePersonAction } = await import('@/app/(app)/people/actions');
const { openPersonRecord } = await import('@/lib/people/access');
const invitePage = await import('@/app/invite/[token]/route');

const DAY = 86_400_000;

/** The "Who else is invited" part of an invitation page. */
function whoElse(page: string): string {
  const at = page.indexOf('<h2>Who else is invited</h2>');
  expect(at).toBeGreaterThan(0);
  return page.slice(at, page.indexOf('</div>', at));
}

describe.each(engines)('who else is invited, as the person allows, on %s', (engine) => {
  let database: TestDatabase;
  let person: { id: string; teamId: string };
  let tokens: { robin: string; maria: string; finn: string };
  let insider: SessionUser;
  let outsider: SessionUser;
  const profile = { givenName: 'Robin', familyName: 'Quiet', referralAt: '2026-01-05T09:00' };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    session.db = database.db;
    const { db } = database;
    const team = await makeTeam(db, 'Riverside team');
    const alex = await makeUser(db, { teamId: team.id, name: 'Alex Morgan' });
    insider = (await findSessionUser(db, alex.id))!;
    outsider = (await findSessionUser(db, (await makeUser(db, { teamId: (await makeTeam(db)).id })).id))!;
    const p = await makePerson(db, team.id, { givenName: 'Robin', familyName: 'Quiet' });
    person = { id: p.id, teamId: team.id };
    const member = async (givenName: string, relationship: 'parent' | 'friend') =>
      (
        await db
          .insert(networkMembers)
          .values({
            personId: p.id,
            givenName,
            relationship,
            kind: relationship === 'parent' ? 'family' : 'friend',
            closeness: 'inner',
            mayBeInvited: true,
          })
          .returning()
      )[0]!.id;
    const mum = await member('Maria', 'parent');
    const friend = await member('Finn', 'friend');
    const meeting = await makeMeeting(db, {
      teamId: team.id,
      personId: p.id,
      userIds: [alex.id],
      startsAt: new Date(Math.ceil((Date.now() + 3 * DAY) / DAY) * DAY + 10 * 3_600_000),
    });
    await db.transaction((tx) =>
      createInvitations(
        tx,
        { id: meeting.id, personId: p.id, endsAt: meeting.endsAt },
        { person: true, memberIds: [mum, friend] },
      ),
    );
    const rows = await db.select().from(invitations).where(eq(invitations.meetingId, meeting.id));
    const link = (test: (r: (typeof rows)[number]) => boolean) => tokenFor(rows.find(test)!.id);
    tokens = {
      robin: link((r) => r.personId !== null),
      maria: link((r) => r.networkMemberId === mum),
      finn: link((r) => r.networkMemberId === friend),
    };
  });
  afterAll(async () => {
    await database?.close();
  });

  let ip = 0;
  const page = async (token: string) => {
    // A fresh address each time, so the rate limits never interfere.
    const response = await invitePage.GET(
      new Request(`http://localhost/invite/${token}`, { headers: { 'x-forwarded-for': `10.1.0.${ip++}` } }),
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(200);
    return response.text();
  };
  const edit = (values: Record<string, string>) =>
    updatePersonAction(idle, form({ ...profile, personId: person.id, ...values }));
  const saved = async (values: Record<string, string>) =>
    expect(edit(values)).rejects.toThrow(`redirect:/people/${person.id}`);
  const stored = async () =>
    (await database.db.select({ v: people.inviteesSeeEachOther }).from(people).where(eq(people.id, person.id)))[0]!.v;

  it('shows network members the first names and relationships of the others by default', async () => {
    expect(await stored()).toBe('names');
    const maria = whoElse(await page(tokens.maria));
    expect(maria).toContain('<li>Robin</li>');
    expect(maria).toContain('<li>Finn (friend)</li>');
    expect(maria).toContain('<li>Alex (from the team)</li>');
    expect(maria).not.toContain('Their names are not shown');
  });

  it('refuses a choice that is not on the form beside the field, keeping what was typed and what was stored', async () => {
    session.user = insider;
    const bad = await edit({ inviteesSeeEachOther: 'everyone', preferredPlaces: 'The park café' });
    expect(bad.status).toBe('error');
    expect(bad.fieldErrors?.inviteesSeeEachOther).toEqual(['Choose what people from the network see about each other']);
    expect(bad.values).toMatchObject({ inviteesSeeEachOther: 'everyone', preferredPlaces: 'The park café' });
    expect(await stored()).toBe('names');
    // Another team cannot change it at all.
    session.user = outsider;
    expect((await edit({ inviteesSeeEachOther: 'hidden' })).message).toMatch(/could not find/);
    expect(await stored()).toBe('names');
  });

  it("hides the others' names from network members once set to 'hidden', with the change audited", async () => {
    session.user = insider;
    await saved({ inviteesSeeEachOther: 'hidden' });
    expect(await stored()).toBe('hidden');
    // The edit page and the person's page read it back.
    expect((await openPersonRecord(person.id, 'edit')).person.inviteesSeeEachOther).toBe('hidden');
    const changes = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, person.id), eq(auditEvents.action, 'update')));
    expect(changes.map((c) => c.detail)).toContainEqual({ inviteesSeeEachOther: { from: 'names', to: 'hidden' } });
    expect(changes.every((c) => c.actorId === insider.id)).toBe(true);

    const mariaPage = await page(tokens.maria);
    const maria = whoElse(mariaPage);
    expect(maria).toContain('<li>Alex (from the team)</li>');
    expect(maria).toContain('Some other people in Robin’s life are invited too. Their names are not shown here.');
    expect(maria).not.toMatch(/Finn|friend|<li>Robin/);
    expect(mariaPage).not.toContain('Finn');
    // Finn cannot see Maria either.
    const finnPage = await page(tokens.finn);
    expect(finnPage).not.toMatch(/Maria|parent/);
    expect(whoElse(finnPage)).toContain('Their names are not shown here.');
  });

  it('still shows the person everyone invited to their own meeting', async () => {
    const robin = whoElse(await page(tokens.robin));
    expect(robin).toContain('<li>Finn (friend)</li>');
    expect(robin).toContain('<li>Maria (parent)</li>');
    expect(robin).toContain('<li>Alex (from the team)</li>');
    expect(robin).not.toContain('Their names are not shown');
  });

  it('says no others are invited once the only other network member has declined, and keeps the choice when the form leaves it out', async () => {
    await database.db
      .update(invitations)
      .set({ response: 'declined' })
      .where(
        eq(
          invitations.networkMemberId,
          (
            await database.db
              .select({ id: networkMembers.id })
              .from(networkMembers)
              .where(eq(networkMembers.givenName, 'Finn'))
          )[0]!.id,
        ),
      );
    const maria = whoElse(await page(tokens.maria));
    expect(maria).toContain('<li>Alex (from the team)</li>');
    expect(maria).not.toContain('Some other people');
    // A form without the field (the new-person form) never quietly turns names back on.
    session.user = insider;
    await saved({});
    expect(await stored()).toBe('hidden');
  });

  it("shows the names again when set back to 'names'", async () => {
    await database.db.update(invitations).set({ response: 'needs_action' }).where(eq(invitations.response, 'declined'));
    session.user = insider;
    await saved({ inviteesSeeEachOther: 'names' });
    expect(await stored()).toBe('names');
    const maria = whoElse(await page(tokens.maria));
    expect(maria).toContain('<li>Finn (friend)</li>');
    expect(maria).toContain('<li>Robin</li>');
  });
});
