import { randomUUID } from 'node:crypto';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import postgres from 'postgres';
import { hashToken, tokenWithSecret } from '../lib/invitations/token';
import {
  administrators,
  anyone,
  callers,
  signedIn,
  theTeam,
  type Caller,
  type CommonAnswer,
} from '../lib/security/access-callers';
import { e2eSecret } from '../playwright.config';
import { appPages, routeOf } from './app-pages';
import { demo, expect, postgresApp as app, test } from './fixtures';

/**
 * Every page of the app, asked for by each kind of caller: signed out, a practitioner of another
 * team, a practitioner of the team, its lead, an administrator, a disabled user and the holder of
 * a personal link (who has no session). The table says what each gets; the pages are read from
 * the page.tsx files, so a page added without a row fails here. (Server actions and route
 * handlers are the same matrix in lib/security/access-matrix.integration.test.ts.)
 *
 * Runs on the PostgreSQL instance, where the test makes its own two teams and accounts (with the
 * demo password), a person with a network member, a held meeting and a personal link, so it leans
 * on no demo record and signs in as no demo account.
 */
const databaseUrl = process.env.E2E_DATABASE_URL;

/**
 * What a caller gets: the page (200), sent to sign in (a redirect to /sign-in), not found (404,
 * or a secret link's page saying it no longer works), or sent on to another page of the app,
 * named by its route. Without a session proxy.ts sends the browser to sign in; a disabled user's
 * cookie gets past proxy.ts (it only looks for one) and the page's own check sends them to sign in.
 */
type Answer = CommonAnswer | `to /${string}`;
type Answers = Record<Caller, Answer>;

type World = Awaited<ReturnType<typeof makeWorld>>;
type PageRow = {
  path: (w: World, caller: Caller) => string;
  answers: Answers;
  /** How to read the answer, when the status alone does not say it. */
  answerOf?: (response: APIResponse, routes: string[]) => Promise<Answer | string>;
};

/** Every page, by its route (route groups left out). */
const pageRows: Record<string, PageRow> = {
  // Straight on to Today; a disabled user's cookie gets that far, and Today sends them to sign in.
  '/': { path: () => '/', answers: { ...anyone('to /today'), 'signed out': 'sign in', 'link holder': 'sign in' } },
  '/account': { path: () => '/account', answers: signedIn('allowed') },
  '/admin': { path: () => '/admin', answers: administrators },
  '/admin/practitioners': { path: () => '/admin/practitioners', answers: administrators },
  '/admin/practitioners/[userId]': { path: (w) => `/admin/practitioners/${w.practitioner}`, answers: administrators },
  '/admin/practitioners/[userId]/absences': {
    path: (w) => `/admin/practitioners/${w.practitioner}/absences`,
    answers: administrators,
  },
  '/admin/practitioners/[userId]/working-pattern': {
    path: (w) => `/admin/practitioners/${w.practitioner}/working-pattern`,
    answers: administrators,
  },
  '/admin/practitioners/invite': { path: () => '/admin/practitioners/invite', answers: administrators },
  '/admin/teams': { path: () => '/admin/teams', answers: administrators },
  '/admin/teams/[teamId]': { path: (w) => `/admin/teams/${w.teamA}`, answers: administrators },
  '/admin/teams/new': { path: () => '/admin/teams/new', answers: administrators },
  // Team A's week: one's own week is anyone's.
  '/calendar': { path: (w) => `/calendar?view=team&team=${w.teamA}`, answers: theTeam },
  '/calendar/feed': { path: () => '/calendar/feed', answers: signedIn('allowed') },
  // One team goes straight to its review (each their own); an administrator chooses among all.
  '/continuity': {
    path: () => '/continuity',
    answers: { ...signedIn('to /continuity/[teamId]'), admin: 'allowed' },
  },
  '/continuity/[teamId]': { path: (w) => `/continuity/${w.teamA}`, answers: theTeam },
  '/continuity/[teamId]/trends': { path: (w) => `/continuity/${w.teamA}/trends`, answers: theTeam },
  '/outbox': { path: () => '/outbox', answers: signedIn('allowed') },
  '/people': { path: () => '/people', answers: signedIn('allowed') },
  '/people/[id]': { path: (w) => `/people/${w.person}`, answers: theTeam },
  '/people/[id]/access': { path: (w) => `/people/${w.person}/access`, answers: theTeam },
  '/people/[id]/core-team': { path: (w) => `/people/${w.person}/core-team`, answers: theTeam },
  '/people/[id]/edit': { path: (w) => `/people/${w.person}/edit`, answers: theTeam },
  '/people/[id]/meetings/[meetingId]': { path: (w) => `/people/${w.person}/meetings/${w.meeting}`, answers: theTeam },
  '/people/[id]/meetings/[meetingId]/attendance': {
    path: (w) => `/people/${w.person}/meetings/${w.meeting}/attendance`,
    answers: theTeam,
  },
  // An administrator who did not come reads that only those who came rate it.
  '/people/[id]/meetings/[meetingId]/fidelity': {
    path: (w) => `/people/${w.person}/meetings/${w.meeting}/fidelity`,
    answers: theTeam,
  },
  '/people/[id]/meetings/[meetingId]/record': {
    path: (w) => `/people/${w.person}/meetings/${w.meeting}/record`,
    answers: theTeam,
  },
  '/people/[id]/meetings/crisis': { path: (w) => `/people/${w.person}/meetings/crisis`, answers: theTeam },
  '/people/[id]/meetings/new': { path: (w) => `/people/${w.person}/meetings/new`, answers: theTeam },
  // A series to check, as the booking page sends it (without one, it goes back to the booking page).
  '/people/[id]/meetings/series': {
    path: (w) =>
      `/people/${w.person}/meetings/series?${new URLSearchParams({
        kind: 'network',
        duration: '60',
        location: 'phone',
        required: w.practitioner,
        repeat: 'weekly',
        count: '3',
        start: new Date(Math.ceil(Date.now() / 86_400_000 + 40) * 86_400_000 + 10 * 3_600_000).toISOString(),
      })}`,
    answers: theTeam,
  },
  '/people/[id]/network/[memberId]': { path: (w) => `/people/${w.person}/network/${w.member}`, answers: theTeam },
  '/people/[id]/network/new': { path: (w) => `/people/${w.person}/network/new`, answers: theTeam },
  '/people/new': { path: () => '/people/new', answers: signedIn('allowed') },
  '/today': { path: () => '/today', answers: signedIn('allowed') },
  // The signed-in are sent on to Today; a disabled user is signed out, so sees the form.
  '/sign-in': {
    path: () => '/sign-in',
    answers: { ...anyone('to /today'), 'signed out': 'allowed', disabled: 'allowed', 'link holder': 'allowed' },
  },
  // Public, reached by a set-password link: nobody here holds one (a personal link is not one),
  // so everyone is told the link no longer works, signed in or not.
  '/welcome/[token]': {
    path: (w, caller) => `/welcome/${caller === 'link holder' ? w.linkToken : w.madeUpToken}`,
    answers: anyone('not found'),
    answerOf: async (response, routes) => {
      if (response.status() !== 200) return answerOf(response, routes);
      return (await response.text()).includes('This link no longer works') ? 'not found' : 'allowed';
    },
  },
};

async function answerOf(response: APIResponse, routes: string[]): Promise<Answer | string> {
  const status = response.status();
  if (status === 200) return 'allowed';
  if (status === 404) return 'not found';
  if (status >= 300 && status < 400) {
    const to = new URL(response.headers()['location'] ?? '', app).pathname;
    return to === '/sign-in' ? 'sign in' : `to ${routeOf(to, routes)}`;
  }
  return `status ${status}`;
}

/** Two teams, five accounts with the demo password, and team A's person, meeting and personal link. */
async function makeWorld() {
  const sql = postgres(databaseUrl!, { max: 1 });
  try {
    const stamp = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
    const [teamA] = await sql`insert into teams (name) values (${`Matrix A ${stamp}`}) returning id`;
    const [teamB] = await sql`insert into teams (name) values (${`Matrix B ${stamp}`}) returning id`;
    const account = async (key: string, team: string | null, options: { lead?: boolean; admin?: boolean } = {}) => {
      const email = `matrix-${key}-${stamp}@example.org`;
      const [user] = await sql`insert into users (email, name, password_hash, role)
        select ${email}, ${`Matrix ${key}`}, password_hash, ${options.admin ? 'admin' : 'practitioner'}
        from users where email = ${demo.practitioner} returning id`;
      if (team)
        await sql`insert into team_members (team_id, user_id, lead) values (${team}, ${user!.id}, ${options.lead ?? false})`;
      return { id: user!.id as string, email };
    };
    const users = {
      'another team': await account('other', teamB!.id),
      'the team': await account('practitioner', teamA!.id),
      'team lead': await account('lead', teamA!.id, { lead: true }),
      admin: await account('admin', null, { admin: true }),
      disabled: await account('disabled', teamA!.id),
    };
    const [person] = await sql`insert into people (team_id, given_name, family_name, referral_at)
      values (${teamA!.id}, 'Robin', ${`Matrix${stamp}`}, now() - interval '10 days') returning id`;
    const [member] =
      await sql`insert into network_members (person_id, given_name, relationship, kind, closeness, may_be_invited, may_see_shared_records)
      values (${person!.id}, 'Dana', 'parent', 'family', 'inner', true, true) returning id`;
    // Held two days ago; the practitioner and the lead came, the administrator did not.
    const [meeting] =
      await sql`insert into meetings (person_id, team_id, kind, starts_at, ends_at, location_kind, location_detail, status)
      values (${person!.id}, ${teamA!.id}, 'network', now() - interval '2 days', now() - interval '2 days' + interval '1 hour',
        'clinic', 'Room 2', 'held') returning id, starts_at, ends_at`;
    for (const who of [users['the team'], users['team lead']]) {
      await sql`insert into meeting_practitioners (meeting_id, user_id, busy_from, busy_to)
        values (${meeting!.id}, ${who.id}, ${meeting!.starts_at}, ${meeting!.ends_at})`;
      await sql`insert into meeting_attendance (meeting_id, user_id, presence, recorded_by)
        values (${meeting!.id}, ${who.id}, 'came', ${who.id})`;
    }
    const invitationId = randomUUID();
    const linkToken = tokenWithSecret(e2eSecret, invitationId);
    await sql`insert into invitations (id, meeting_id, person_id, token_hash, response, expires_at)
      values (${invitationId}, ${meeting!.id}, ${person!.id}, ${hashToken(linkToken)}, 'accepted', now() + interval '90 days')`;
    return {
      teamA: teamA!.id as string,
      person: person!.id as string,
      member: member!.id as string,
      meeting: meeting!.id as string,
      practitioner: users['the team'].id,
      users,
      linkToken,
      madeUpToken: tokenWithSecret(e2eSecret, randomUUID()),
      disable: () => sql`update users set disabled_at = now() where id = ${users.disabled.id}`,
      end: () => sql.end(),
    };
  } catch (error) {
    await sql.end();
    throw error;
  }
}

test.describe('access matrix: every page as every caller', () => {
  test.beforeAll(() => {
    if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests with `npm test`');
  });

  test('every page has a row', () => {
    expect(Object.keys(pageRows).sort(), 'the rows of pageRows (received) against the pages on disk').toEqual(
      appPages(),
    );
  });

  test('each caller gets what the table says, on every page', async ({ playwright }) => {
    test.setTimeout(240_000);
    const routes = appPages();
    const world = await makeWorld();
    const contexts: APIRequestContext[] = [];
    try {
      /** A client of its own: with a session, signed in as next-auth's form does, with the right password. */
      const client = async (email?: string) => {
        const context = await playwright.request.newContext({ baseURL: app });
        contexts.push(context);
        if (email) {
          const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
          const response = await context.post('/api/auth/callback/credentials', {
            form: { email, password: demo.password, csrfToken, json: 'true' },
          });
          const { url } = (await response.json()) as { url: string };
          expect(new URL(url).searchParams.get('error'), `signing in as ${email}`).toBeNull();
        }
        return context;
      };
      const as: Record<Caller, APIRequestContext> = {
        'signed out': await client(),
        'another team': await client(world.users['another team'].email),
        'the team': await client(world.users['the team'].email),
        'team lead': await client(world.users['team lead'].email),
        admin: await client(world.users.admin.email),
        disabled: await client(world.users.disabled.email),
        'link holder': await client(),
      };
      // Signed in while allowed, then turned off: the cookie stays, the access does not.
      await world.disable();

      for (const route of Object.keys(pageRows).sort()) {
        const row = pageRows[route]!;
        const answers: Record<string, string> = {};
        for (const caller of callers) {
          const response = await as[caller].get(row.path(world, caller), { maxRedirects: 0 });
          answers[caller] = await (row.answerOf ?? answerOf)(response, routes);
        }
        expect.soft(answers, route).toEqual(row.answers);
      }
    } finally {
      await Promise.all(contexts.map((c) => c.dispose()));
      await world.end();
    }
  });
});
