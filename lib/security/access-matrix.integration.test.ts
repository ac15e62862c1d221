import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, TransactionRollbackError } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { createCalendarFeed } from '@/lib/calendar/create-feed';
import {
  absences,
  coreTeamAssignments,
  invitations,
  meetingAttendance,
  meetingRecords,
  networkMembers,
  outbox,
  recordSignatures,
  recordWithholdings,
  users,
  workingPatterns,
} from '@/db/schema';
import type { RecordContent } from '@/db/schema/records';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData } from '@/db/testing/form-data';
import { idle, type FormAction, type FormState } from '@/lib/actions/form-state';
import { hashPassword } from '@/lib/auth/password';
import { authOptions } from '@/lib/auth/options';
import { feedPath } from '@/lib/calendar/feed-token';
import { authSecret } from '@/lib/env';
import type { ErrorCode } from '@/lib/errors/app-error';
import { hashToken, tokenFor } from '@/lib/invitations/token';
import { fidelityElementOrder, scoreField } from '@/lib/records/fidelity';
import { DAY_MS, HOUR_MS } from '@/lib/time/units';
import { administrators, anyone, callers, signedIn, theTeam, type Caller, type CommonAnswer } from './access-callers';

/**
 * Every server action and every route handler, asked by each kind of caller: signed out, a
 * practitioner of another team, a practitioner of the team, its lead, an administrator, a
 * disabled user and the holder of a personal link. The table below says what each one gets;
 * the list of actions and handlers is read from the files on disk, so one added without a row
 * fails here until someone decides who may use it. (Pages are the same matrix in the browser:
 * e2e/access-matrix.spec.ts.)
 *
 * Each call runs in a transaction that is rolled back, so every caller meets the same records
 * and an action that succeeds (discharging the person, turning an account off, signing out
 * everywhere) changes nothing for the next one. The session is the real one: a next-auth cookie
 * read by lib/auth/session.ts from the (fake) request's cookies.
 */

const current = vi.hoisted(() => ({ db: undefined as unknown, cookies: {} as Record<string, string> }));
const fakeNextHeaders = vi.hoisted(() => ({
  cookies: async () => ({
    get: (name: string) => (name in current.cookies ? { name, value: current.cookies[name]! } : undefined),
    has: (name: string) => name in current.cookies,
    getAll: () => Object.entries(current.cookies).map(([name, value]) => ({ name, value })),
  }),
  headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.10', host: 'localhost:3000' }),
}));
vi.mock('next/headers', () => fakeNextHeaders);
vi.mock('@/db/connection', () => ({
  getDb: async () => current.db,
  getDatabase: async () => ({ db: current.db, engine: 'test' }),
}));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/navigation')>()),
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { redirectTo: to });
  },
}));
// next-auth's route handler is CommonJS and requires next/headers itself, past vi.mock: it gets
// the same fake request from Node's module cache.
{
  const require = createRequire(import.meta.url);
  const path = require.resolve('next/headers');
  require.cache[path] = { id: path, filename: path, loaded: true, exports: fakeNextHeaders } as NodeJS.Module;
}

// ——— Who asks, and what they may be told ———

/**
 * What a caller gets: sent to sign in (`unauthenticated`, or a route's redirect to /sign-in), not
 * found (as if it did not exist), forbidden (may see it but not do this), or allowed: it worked,
 * or it got past every access check and was refused for a reason of the domain, named after the
 * colon (a password, a rule of the record, a choice the form needs).
 */
type Answer = CommonAnswer | 'forbidden' | `allowed: ${ErrorCode}`;
type Answers = Record<Caller, Answer>;

/** A record's rules: only practitioners who came (the team's practitioner and lead did; the administrator did not). */
const whoCame: Answers = { ...theTeam, admin: 'forbidden' };
/** A secret link: only its holder; everyone else presents a link that is not theirs, or none. */
const linkHolder: Answers = { ...anyone('not found'), 'link holder': 'allowed' };

// ——— The world every call starts from ———

const PASSWORD = 'correct horse battery staple';

/** Team A's records, named by what they are for, and what each caller brings. */
type World = Awaited<ReturnType<typeof makeWorld>>;
type Credentials = { cookies: Record<string, string>; email?: string; invitationToken?: string; feedToken?: string };

async function sessionCookie(user: { id: string; email: string; name: string; sessionVersion: number }) {
  const token = await authOptions().callbacks!.jwt!({
    token: { sub: undefined },
    user,
    account: null,
    trigger: 'signIn',
  });
  token.exp = Math.floor(Date.now() / 1000) + 3600;
  return encode({ token, secret: authSecret() });
}

const minimalContent: RecordContent = {
  voices: [],
  reflections: { held: null, said: '', response: '' },
  decisions: [],
  openQuestions: [],
  actions: [],
  nextMeeting: { when: '', where: '', who: '' },
};

async function makeWorld(db: Db) {
  const passwordHash = await hashPassword(PASSWORD);
  const teamA = await makeTeam(db);
  const teamB = await makeTeam(db);
  const alex = await makeUser(db, { teamId: teamA.id, name: 'Alex Morgan', passwordHash });
  const lee = await makeUser(db, { teamId: teamA.id, lead: true, name: 'Lee Lead', passwordHash });
  const ada = await makeUser(db, { role: 'admin', name: 'Ada Admin', passwordHash });
  const bo = await makeUser(db, { teamId: teamB.id, name: 'Bo Beyond', passwordHash });
  const dee = await makeUser(db, { teamId: teamA.id, name: 'Dee Disabled', passwordHash });
  // Free at any hour on any day, so a booking succeeds whenever the test runs.
  await db
    .insert(workingPatterns)
    .values(
      [alex, lee].flatMap((u) =>
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ userId: u.id, weekday, startMinute: 0, endMinute: 1440 })),
      ),
    );

  const person = await makePerson(db, teamA.id, { givenName: 'Robin', email: 'robin@example.org' });
  const member = (givenName: string) => ({
    personId: person.id,
    givenName,
    relationship: 'friend' as const,
    kind: 'friend' as const,
    closeness: 'inner' as const,
    mayBeInvited: true,
    maySeeSharedRecords: true,
    email: `${givenName.toLowerCase()}@example.net`,
  });
  const [dana, kit] = await db
    .insert(networkMembers)
    .values([member('Dana'), member('Kit')])
    .returning();
  const [assignment] = await db
    .insert(coreTeamAssignments)
    .values({ personId: person.id, userId: alex.id, role: 'lead', startsOn: '2025-12-01' })
    .returning();

  const now = Date.now();
  const dayAt10 = (days: number) => new Date(Math.ceil((now + days * DAY_MS) / DAY_MS) * DAY_MS + 10 * HOUR_MS);
  const both = [alex.id, lee.id];
  const upcoming = await makeMeeting(db, {
    teamId: teamA.id,
    personId: person.id,
    userIds: [alex.id],
    startsAt: dayAt10(3),
  });
  const toRecord = await makeMeeting(db, {
    teamId: teamA.id,
    personId: person.id,
    userIds: [alex.id],
    startsAt: new Date(now - 2 * HOUR_MS),
  });
  const drafted = await makeMeeting(db, {
    teamId: teamA.id,
    personId: person.id,
    userIds: both,
    startsAt: new Date(now - 2 * DAY_MS),
    status: 'held',
  });
  const signed = await makeMeeting(db, {
    teamId: teamA.id,
    personId: person.id,
    userIds: both,
    startsAt: new Date(now - 3 * DAY_MS),
    status: 'held',
  });
  for (const meeting of [drafted, signed])
    await db.insert(meetingAttendance).values([
      { meetingId: meeting.id, userId: alex.id, presence: 'came', recordedBy: alex.id },
      { meetingId: meeting.id, userId: lee.id, presence: 'came', recordedBy: alex.id },
      { meetingId: meeting.id, personId: person.id, presence: 'came', recordedBy: alex.id },
    ]);
  await db
    .insert(meetingRecords)
    .values({ meetingId: drafted.id, version: 1, content: minimalContent, authorId: alex.id });
  const [signedRecord] = await db
    .insert(meetingRecords)
    .values({ meetingId: signed.id, version: 1, content: minimalContent, authorId: alex.id })
    .returning();
  await db.insert(recordSignatures).values({ recordId: signedRecord!.id, signerId: alex.id, kind: 'signed' });
  const [withholding] = await db
    .insert(recordWithholdings)
    .values({
      meetingId: signed.id,
      section: 'decisions',
      reason: 'safeguarding_enquiry',
      reviewOn: '2027-06-01',
      withheldBy: lee.id,
    })
    .returning();

  // Robin's personal link (the link holder's), Kit's live one, and Dana's, turned off.
  const invitation = async (who: { personId: string } | { networkMemberId: string }, revoked = false) => {
    const id = randomUUID();
    await db.insert(invitations).values({
      id,
      meetingId: upcoming.id,
      ...who,
      tokenHash: hashToken(tokenFor(id)),
      expiresAt: new Date(upcoming.endsAt.getTime() + 90 * DAY_MS),
      revokedAt: revoked ? new Date() : null,
    });
    return id;
  };
  const robinInvitation = await invitation({ personId: person.id });
  const kitInvitation = await invitation({ networkMemberId: kit!.id });
  const danaInvitation = await invitation({ networkMemberId: dana!.id }, true);

  const [failed] = await db
    .insert(outbox)
    .values({
      toAddress: 'dana@example.net',
      subject: 'An invitation',
      bodyText: 'An invitation',
      meetingId: upcoming.id,
      status: 'failed',
      attempts: 10,
      lastError: 'The mail server refused this address: 550',
    })
    .returning();
  const [absence] = await db
    .insert(absences)
    .values({ userId: alex.id, startsAt: dayAt10(40), endsAt: dayAt10(41), reason: 'leave' })
    .returning();

  // Each signed-in user has a session and a calendar feed; Dee's access is turned off after both were made.
  const credentials = async (user: typeof alex): Promise<Credentials> => {
    const { token: feedToken } = await createCalendarFeed(
      { db, actor: { actorId: user.id, origin: 'test' } },
      { userId: user.id },
    );
    return { cookies: { 'next-auth.session-token': await sessionCookie(user) }, email: user.email, feedToken };
  };
  const who: Record<Caller, Credentials> = {
    'signed out': { cookies: {} },
    'another team': await credentials(bo),
    'the team': await credentials(alex),
    'team lead': await credentials(lee),
    admin: await credentials(ada),
    disabled: await credentials(dee),
    'link holder': { cookies: {}, invitationToken: tokenFor(robinInvitation) },
  };
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, dee.id));

  const isoDay = (days: number) => new Date(now + days * DAY_MS).toISOString().slice(0, 10);
  return {
    teamA,
    teamB,
    alex,
    lee,
    person,
    dana: dana!,
    assignment: assignment!,
    upcoming,
    toRecord,
    drafted,
    signed,
    withholding: withholding!,
    kitInvitation,
    danaInvitation,
    failedMessage: failed!.id,
    absence: absence!,
    who,
    /** A well-formed personal link that opens nothing. */
    madeUpToken: tokenFor(randomUUID()),
    at: (days: number) => dayAt10(days).toISOString(),
    isoDay,
  };
}

// ——— Server actions ———

type Fields = Record<string, string | string[]>;
/** An action's row: the form it is sent (naming team A's records), and what each caller gets. */
type ActionRow = { fields: (w: World, caller: Credentials) => Fields; answers: Answers };

const person = (w: World) => ({ personId: w.person.id });
const meetingOf = (w: World, meeting: { id: string }) => ({ personId: w.person.id, meetingId: meeting.id });
const booking = (w: World) => ({
  ...person(w),
  kind: 'network',
  duration: '60',
  location: 'phone',
  required: w.alex.id,
});
const profile = {
  givenName: 'Robin',
  familyName: 'Matrix',
  referralAt: '2026-01-05T09:00',
};
const networkMember = {
  givenName: 'Sky',
  relationship: 'friend',
  kind: 'friend',
  closeness: 'middle',
  preferredChannel: 'post',
};
const practitionerDetails = (w: World) => ({
  userId: w.alex.id,
  name: 'Alex Morgan',
  email: w.alex.email,
  discipline: 'nurse',
  role: 'practitioner',
  timeZone: 'Europe/London',
});
const teamSettings = {
  timeZone: 'Europe/London',
  travelBufferMinutes: '30',
  reminderHours: '24',
  minimumNoticeHours: '2',
  recordLinkDays: '90',
  firstMeetingHours: '24',
  meetingGapDays: '14',
  signWithinDays: '3',
};

/**
 * Every export of every file that starts with 'use server', by file. An administrator is on no
 * team, so a person added by one has no team to go to; everyone else's person goes to their own
 * team, so the other team's practitioner may add one too.
 */
const actionRows: Record<string, Record<string, ActionRow>> = {
  'app/(app)/account/actions.ts': {
    signOutEverywhereAction: { fields: () => ({}), answers: signedIn('allowed') },
  },
  'app/(app)/admin/practitioners/[userId]/absences/actions.ts': {
    addAbsenceAction: {
      fields: (w) => ({ userId: w.alex.id, reason: 'training', firstDay: w.isoDay(60), lastDay: w.isoDay(61) }),
      answers: administrators,
    },
    removeAbsenceAction: {
      fields: (w) => ({ userId: w.alex.id, absenceId: w.absence.id }),
      answers: administrators,
    },
  },
  'app/(app)/admin/practitioners/[userId]/working-pattern/actions.ts': {
    saveWorkingPatternAction: { fields: (w) => ({ userId: w.alex.id }), answers: administrators },
  },
  'app/(app)/admin/practitioners/actions.ts': {
    addPractitionerAction: {
      fields: (w) => ({
        name: 'Noor New',
        email: 'noor.new@example.org',
        discipline: 'nurse',
        role: 'practitioner',
        timeZone: 'Europe/London',
        teamIds: w.teamA.id,
      }),
      answers: administrators,
    },
    newLinkAction: { fields: (w) => ({ userId: w.alex.id }), answers: administrators },
    updateDetailsAction: { fields: practitionerDetails, answers: administrators },
    setAccessAction: { fields: (w) => ({ userId: w.alex.id, access: 'disable' }), answers: administrators },
    addMembershipAction: { fields: (w) => ({ userId: w.alex.id, teamId: w.teamB.id }), answers: administrators },
    setLeadAction: { fields: (w) => ({ userId: w.alex.id, teamId: w.teamA.id, lead: 'on' }), answers: administrators },
    removeMembershipAction: { fields: (w) => ({ userId: w.alex.id, teamId: w.teamA.id }), answers: administrators },
  },
  'app/(app)/admin/teams/actions.ts': {
    createTeamAction: { fields: () => ({ name: 'Matrix Team', ...teamSettings }), answers: administrators },
    updateTeamAction: {
      fields: (w) => ({ teamId: w.teamA.id, name: w.teamA.name, ...teamSettings }),
      answers: administrators,
    },
  },
  'app/(app)/calendar/feed/actions.ts': {
    // One's own address: everyone with a session has one.
    createCalendarFeedAction: { fields: () => ({}), answers: signedIn('allowed') },
    revokeCalendarFeedAction: { fields: () => ({}), answers: signedIn('allowed') },
  },
  'app/(app)/outbox/actions.ts': {
    retryMessageAction: { fields: (w) => ({ messageId: String(w.failedMessage) }), answers: theTeam },
    // Each user's own teams' failed messages (none for the other team: "No failed messages to retry").
    retryAllFailedAction: { fields: () => ({}), answers: signedIn('allowed') },
  },
  'app/(app)/people/[id]/core-team/actions.ts': {
    assignCoreTeamAction: {
      fields: (w) => ({ ...person(w), userId: w.lee.id, role: 'co_worker', startsOn: '2026-01-05' }),
      answers: theTeam,
    },
    endAssignmentAction: {
      fields: (w) => ({ ...person(w), assignmentId: w.assignment.id, endsOn: w.isoDay(0) }),
      answers: theTeam,
    },
  },
  'app/(app)/people/[id]/meetings/[meetingId]/fidelity/actions.ts': {
    rateFidelityAction: {
      fields: (w) => ({
        ...meetingOf(w, w.drafted),
        ...Object.fromEntries(fidelityElementOrder.map((e) => [scoreField(e), '2'])),
      }),
      answers: whoCame,
    },
  },
  'app/(app)/people/[id]/meetings/[meetingId]/record/actions.ts': {
    // Marking who came is for anyone of the team, not only those who came.
    recordAttendanceAction: {
      fields: (w) => ({ ...meetingOf(w, w.toRecord), outcome: 'held', [`presence.u:${w.alex.id}`]: 'came' }),
      answers: theTeam,
    },
    saveRecordAction: { fields: (w) => ({ ...meetingOf(w, w.drafted), basedOn: '1' }), answers: whoCame },
    signRecordAction: {
      fields: (w) => ({ ...meetingOf(w, w.drafted), version: '1', kind: 'signed', password: PASSWORD }),
      answers: whoCame,
    },
    amendRecordAction: {
      fields: (w) => ({
        ...meetingOf(w, w.signed),
        basedOn: '1',
        amendmentReason: 'Alex’s words were left out',
        password: PASSWORD,
        [`voice.u:${w.alex.id}`]: 'What I said at the meeting.',
      }),
      answers: whoCame,
    },
    enteredInErrorAction: {
      fields: (w) => ({ ...meetingOf(w, w.signed), errorReason: 'Written for the wrong meeting' }),
      answers: whoCame,
    },
    // The person's choice, and the team's withholding, are recorded by anyone of the team.
    chooseSharingAction: { fields: (w) => ({ ...meetingOf(w, w.signed), 'share.decisions': 'on' }), answers: theTeam },
    withholdAction: {
      fields: (w) => ({
        ...meetingOf(w, w.signed),
        section: 'all',
        withholdReason: 'serious_harm_to_person',
        reviewOn: w.isoDay(30),
      }),
      answers: theTeam,
    },
    liftWithholdingAction: {
      fields: (w) => ({ ...meetingOf(w, w.signed), withholdingId: w.withholding.id }),
      answers: theTeam,
    },
  },
  'app/(app)/people/[id]/meetings/actions.ts': {
    bookMeetingAction: { fields: (w) => ({ ...booking(w), start: w.at(5) }), answers: theTeam },
    bookSeriesAction: {
      fields: (w) => ({ ...booking(w), repeat: 'weekly', 'occurrence-0': w.at(6), 'occurrence-1': w.at(13) }),
      answers: theTeam,
    },
    rescheduleMeetingAction: {
      fields: (w) => ({ ...booking(w), meetingId: w.upcoming.id, start: w.at(7) }),
      answers: theTeam,
    },
    bookCrisisAction: {
      fields: (w) => ({ ...person(w), option: `${w.at(1)}|${w.alex.id},${w.lee.id}`, location: 'phone' }),
      answers: theTeam,
    },
    cancelMeetingAction: {
      fields: (w) => ({ ...meetingOf(w, w.upcoming), reason: 'Robin is unwell' }),
      answers: theTeam,
    },
    revokeLinkAction: {
      fields: (w) => ({ ...meetingOf(w, w.upcoming), invitationId: w.kitInvitation }),
      answers: theTeam,
    },
  },
  'app/(app)/people/[id]/meetings/link-actions.ts': {
    reissueLinkAction: {
      fields: (w) => ({ ...meetingOf(w, w.upcoming), invitationId: w.danaInvitation }),
      answers: theTeam,
    },
  },
  'app/(app)/people/[id]/network/actions.ts': {
    addNetworkMemberAction: { fields: (w) => ({ ...person(w), ...networkMember }), answers: theTeam },
    updateNetworkMemberAction: {
      fields: (w) => ({ ...person(w), memberId: w.dana.id, ...networkMember, givenName: 'Dana' }),
      answers: theTeam,
    },
    setNetworkMemberActiveAction: {
      fields: (w) => ({ ...person(w), memberId: w.dana.id, active: 'false' }),
      answers: theTeam,
    },
  },
  'app/(app)/people/actions.ts': {
    createPersonAction: { fields: () => profile, answers: { ...signedIn('allowed'), admin: 'allowed: invalid_input' } },
    updatePersonAction: { fields: (w) => ({ ...person(w), ...profile }), answers: theTeam },
    changeStatusAction: { fields: (w) => ({ ...person(w), status: 'discharged' }), answers: theTeam },
  },
  'app/(auth)/welcome/[token]/actions.ts': {
    // A set-password link is the only credential; nobody here holds one (a personal link is not one).
    setPasswordAction: {
      fields: (w, caller) => ({
        token: caller.invitationToken ?? w.madeUpToken,
        password: PASSWORD,
        confirm: PASSWORD,
      }),
      answers: anyone('not found'),
    },
  },
};

// ——— Route handlers ———

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type RouteRow = {
  call: (handler: Handler, w: World, caller: Credentials) => Promise<Response>;
  answers: Answers;
  /** How to read the answer, when the status alone does not say it. */
  answerOf?: (response: Response) => Promise<Answer | string>;
};

const get = (url: string, params: Record<string, string | string[]>) => (handler: Handler) =>
  handler(new Request(`http://localhost:3000${url}`, { headers: { 'x-forwarded-for': '192.0.2.10' } }), {
    params: Promise.resolve(params),
  });
const tokenOf = (w: World, caller: Credentials) => caller.invitationToken ?? w.madeUpToken;

/** next-auth: a request the way the browser sends it, with the caller's cookies. */
const authRequest = (path: string, init: { method?: string; body?: URLSearchParams } = {}) =>
  new NextRequest(`http://localhost:3000/api/auth/${path}`, {
    method: init.method ?? 'GET',
    body: init.body,
    headers: {
      'x-forwarded-for': '192.0.2.10',
      cookie: Object.entries(current.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
  });
const authContext = (path: string) => ({ params: Promise.resolve({ nextauth: path.split('/') }) });

/** Each route handler's methods, by route (groups left out) and method. */
const routeRows: Record<string, RouteRow> = {
  '/continuity/[teamId]/export/[file] GET': {
    call: (handler, w) =>
      get(`/continuity/${w.teamA.id}/export/people.csv`, { teamId: w.teamA.id, file: 'people.csv' })(handler),
    // A route handler answers 404 to the signed-out too: proxy.ts sends browsers to sign in first.
    answers: { ...theTeam, 'signed out': 'not found', disabled: 'not found', 'link holder': 'not found' },
  },
  '/people/[id]/meetings/[meetingId]/calendar.ics GET': {
    call: (handler, w) =>
      get(`/people/${w.person.id}/meetings/${w.upcoming.id}/calendar.ics`, {
        id: w.person.id,
        meetingId: w.upcoming.id,
      })(handler),
    answers: { ...theTeam, 'signed out': 'not found', disabled: 'not found', 'link holder': 'not found' },
  },
  '/api/auth/[...nextauth] GET': {
    // Who the session says they are, as the browser's next-auth client asks.
    call: (handler) => handler(authRequest('session'), authContext('session')),
    // next-auth's own endpoint asks the database through the jwt callback (lib/auth/options.ts),
    // as every page does: a disabled user's cookie is told nothing, and its cookie is cleared.
    answers: signedIn('allowed'),
    answerOf: async (response) => {
      if (response.status !== 200) return `status ${response.status}`;
      const session = (await response.json()) as { user?: { id?: string } };
      return session.user?.id ? 'allowed' : 'sign in';
    },
  },
  '/api/auth/[...nextauth] POST': {
    // Signing in with one's own email and the right password; the signed-out and the link
    // holder have no account, so an email nobody has.
    call: async (handler, _w, caller) => {
      const csrf = await handler(authRequest('csrf'), authContext('csrf'));
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      for (const cookie of csrf.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [name, ...value] = pair!.split('=');
        current.cookies[name!] = decodeURIComponent(value.join('='));
      }
      return handler(
        authRequest('callback/credentials', {
          method: 'POST',
          body: new URLSearchParams({
            email: caller.email ?? 'nobody@example.org',
            password: PASSWORD,
            csrfToken,
            json: 'true',
          }),
        }),
        authContext('callback/credentials'),
      );
    },
    answers: { ...anyone('allowed'), 'signed out': 'sign in', disabled: 'sign in', 'link holder': 'sign in' },
    // A refused sign-in is a 401 naming the error (CredentialsSignin), with no session cookie.
    answerOf: async (response) => {
      if (response.status !== 200 && response.status !== 401) return `status ${response.status}`;
      const started = response.headers
        .getSetCookie()
        .some((c) => c.startsWith('next-auth.session-token=') && !c.startsWith('next-auth.session-token=;'));
      const { url } = (await response.json()) as { url: string };
      return started && !new URL(url).searchParams.has('error') ? 'allowed' : 'sign in';
    },
  },
  '/api/calendar-feeds/[token] GET': {
    // Each brings their own calendar address: a disabled user's stops; a personal link is not one.
    call: (handler, w, caller) => {
      const token = caller.feedToken ?? caller.invitationToken ?? w.madeUpToken;
      return get(feedPath(token), { token: `${token}.ics` })(handler);
    },
    answers: {
      ...anyone('allowed'),
      'signed out': 'not found',
      disabled: 'not found',
      'link holder': 'not found',
    },
  },
  '/api/health GET': { call: (handler) => get('/api/health', {})(handler), answers: anyone('allowed') },
  '/invite/[token] GET': {
    call: (handler, w, caller) => get(`/invite/${tokenOf(w, caller)}`, { token: tokenOf(w, caller) })(handler),
    answers: linkHolder,
  },
  '/invite/[token] POST': {
    call: (handler, w, caller) =>
      handler(
        new Request(`http://localhost:3000/invite/${tokenOf(w, caller)}`, {
          method: 'POST',
          body: new URLSearchParams({ response: 'accepted', message: '' }),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.10' },
        }),
        { params: Promise.resolve({ token: tokenOf(w, caller) }) },
      ),
    answers: linkHolder,
  },
  '/invite/[token]/calendar.ics GET': {
    call: (handler, w, caller) =>
      get(`/invite/${tokenOf(w, caller)}/calendar.ics`, { token: tokenOf(w, caller) })(handler),
    answers: linkHolder,
  },
};

// ——— What is on disk ———

const root = fileURLToPath(new URL('../..', import.meta.url));
const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

const sources = ['app', 'components', 'lib'].flatMap(filesUnder).sort();
const directive = /(['"])use server\1/;
/** Files whose first line is 'use server': every export is a server action. */
const actionFiles = sources.filter((f) => /^\s*(['"])use server\1/.test(readFileSync(join(root, f), 'utf8')));
/** Server actions written inside a component or page, which this matrix could not reach. */
const inlineActions = sources.filter(
  (f) => !actionFiles.includes(f) && directive.test(readFileSync(join(root, f), 'utf8')),
);
const actionModules = Object.fromEntries(
  await Promise.all(
    actionFiles.map(
      async (f) => [f, (await import(/* @vite-ignore */ join(root, f))) as Record<string, unknown>] as const,
    ),
  ),
);
const actionsOnDisk = Object.entries(actionModules).flatMap(([file, module]) =>
  Object.keys(module).map((name) => `${file} ${name}`),
);

/** `app/(app)/people/[id]/route.ts` serves `/people/[id]`: route groups are not part of the address. */
const routeFiles = filesUnder('app').filter((f) => f.endsWith('/route.ts'));
const routeOf = (file: string) =>
  `/${file
    .split('/')
    .slice(1, -1)
    .filter((s) => !/^\(.+\)$/.test(s))
    .join('/')}`;
const routeModules = Object.fromEntries(
  await Promise.all(
    routeFiles.map(
      async (f) => [routeOf(f), (await import(/* @vite-ignore */ join(root, f))) as Record<string, unknown>] as const,
    ),
  ),
);
const routesOnDisk = Object.entries(routeModules).flatMap(([route, module]) =>
  Object.keys(module)
    .filter((name) => httpMethods.includes(name))
    .map((method) => `${route} ${method}`),
);

const actionKeys = Object.entries(actionRows).flatMap(([file, rows]) =>
  Object.keys(rows).map((name) => `${file} ${name}`),
);

describe('the access matrix covers', () => {
  it('every server action on disk, each with a row, and no row for one that is gone', () => {
    expect(actionsOnDisk.length).toBeGreaterThan(40);
    expect([...actionKeys].sort(), 'the rows of actionRows (received) against the actions on disk').toEqual(
      [...actionsOnDisk].sort(),
    );
  });

  it('every route handler on disk, each method with a row, and no row for one that is gone', () => {
    expect(routesOnDisk.length).toBeGreaterThan(5);
    expect(Object.keys(routeRows).sort(), 'the rows of routeRows (received) against the handlers on disk').toEqual(
      [...routesOnDisk].sort(),
    );
  });

  it('no server action written inside a component or a page, where no row could reach it', () => {
    expect(inlineActions).toEqual([]);
  });
});

// ——— Every row, as every caller ———

type Outcome = FormState | { redirectTo: string };

function answerOfState(outcome: Outcome): Answer | string {
  if ('redirectTo' in outcome || outcome.status === 'success') return 'allowed';
  switch (outcome.code) {
    case 'unauthenticated':
      return 'sign in';
    case 'not_found':
      return 'not found';
    case 'forbidden':
      return 'forbidden';
    case undefined:
    case 'internal':
      // Never an answer the matrix expects: a form this test sends wrong, or a failure.
      return `failed: ${outcome.message ?? ''}`;
    default:
      return `allowed: ${outcome.code}`;
  }
}

async function answerOfResponse(response: Response): Promise<Answer | string> {
  const { status } = response;
  if (status >= 200 && status < 300) return 'allowed';
  if (status >= 300 && status < 400) {
    const location = new URL(response.headers.get('location') ?? '', 'http://localhost:3000');
    return location.pathname === '/sign-in' ? 'sign in' : 'allowed';
  }
  if (status === 401) return 'sign in';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not found';
  return `status ${status}`;
}

describe.each(engines)('the access matrix on %s', (engine) => {
  let database: TestDatabase;
  let world: World;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    current.db = database.db;
    world = await makeWorld(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Runs one call as one caller, then rolls back whatever it wrote. */
  async function as<T>(caller: Caller, call: (credentials: Credentials) => Promise<T>): Promise<T> {
    let result: T | undefined;
    await database.db
      .transaction(async (tx) => {
        current.db = tx;
        current.cookies = { ...world.who[caller].cookies };
        try {
          result = await call(world.who[caller]);
        } finally {
          current.db = database.db;
          current.cookies = {};
        }
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    return result as T;
  }

  it.each(actionKeys)('%s', async (key) => {
    const [file, name] = key.split(' ') as [string, string];
    const row = actionRows[file]![name]!;
    const action = actionModules[file]?.[name] as FormAction | undefined;
    expect(action, `${key} is not on disk`).toBeTypeOf('function');
    const answers: Record<string, string> = {};
    for (const caller of callers) {
      answers[caller] = await as(caller, async (credentials) => {
        try {
          return answerOfState(await action!(idle, formData(row.fields(world, credentials))));
        } catch (error) {
          const redirectTo = (error as { redirectTo?: string }).redirectTo;
          if (redirectTo) return answerOfState({ redirectTo });
          throw error;
        }
      });
    }
    expect(answers).toEqual(row.answers);
  });

  it.each(Object.keys(routeRows))('%s', async (key) => {
    const [route, method] = key.split(' ') as [string, string];
    const row = routeRows[key]!;
    const handler = routeModules[route]?.[method] as Handler | undefined;
    expect(handler, `${key} is not on disk`).toBeTypeOf('function');
    const answers: Record<string, string> = {};
    for (const caller of callers) {
      answers[caller] = await as(caller, async (credentials) => {
        const response = await row.call(handler!, world, credentials);
        return (row.answerOf ?? answerOfResponse)(response);
      });
    }
    expect(answers).toEqual(row.answers);
  });
});
