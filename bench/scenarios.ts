import type postgres from 'postgres';
import { hashToken, tokenWithSecret } from '../lib/invitations/token';
import { sectionLabel } from '../lib/records/content';
import { BENCH_SECRET } from './server';
import { visibleText, type BenchPractitioner } from './sign-in';

/**
 * What `npm run bench` measures. Each scenario runs on its own, closed-loop, for BENCH_SECONDS
 * after a warm-up. To add one (caseload, person page, slot search, invitation page, …) append
 * it here; `prepare` may query the bench database for ids the paths need, e.g.
 *
 *   let personIds: string[] = [];
 *   { name: 'Person page', method: 'GET', signedIn: true, connections: 16,
 *     cpuTarget: { of: 'sign-in', max: 2 }, unloadedP95Ms: 50, mix: 'page',
 *     prepare: async ({ sql, practitioner }) => { personIds = (await sql`…`).map((r) => r.id) },
 *     path: (_, n) => `/people/${personIds[n % personIds.length]}`, check: (html) => … }
 */
export type BenchContext = {
  baseUrl: string;
  /** The bench database, for picking ids in `prepare`. */
  sql: postgres.Sql;
  /** The signed-in practitioner (the one with the most meetings in the next 14 days). */
  practitioner: BenchPractitioner;
  /** Cookie header value with the practitioner's session. */
  cookie: string;
};

export type Reference = 'health' | 'sign-in';

export type Scenario = {
  name: string;
  method: 'GET' | 'POST';
  /** A fixed path, or one per request; n counts the scenario's requests from 0. */
  path: string | ((ctx: BenchContext, n: number) => string);
  /** For POST: the form or JSON to send, per request. */
  body?: (ctx: BenchContext, n: number) => { contentType: string; text: string };
  /** Sends the practitioner's session cookie (false for public pages such as invitations). */
  signedIn: boolean;
  connections: number;
  /**
   * A reference scenario shows what the framework itself costs on this machine; the others'
   * targets are multiples of a reference's app CPU per request, measured in the same run.
   */
  reference?: Reference;
  /**
   * Targets (issue 14); a miss is reported, it does not fail the run. `cpuTarget`: app CPU per
   * request at most `max` times the reference's; `maxStatements`: SQL statements per request
   * (every statement the app sends, from pg_stat_statements); `unloadedP95Ms`: p95 at one
   * connection, what a user waits when the machine is not saturated.
   */
  cpuTarget?: { of: Reference; max: number };
  maxStatements?: number;
  unloadedP95Ms?: number;
  /**
   * Its place in the capacity statement's mix: an everyday signed-in page, the booking page with
   * its slot search, or the continuity review (opened now and then, e.g. at a team meeting).
   */
  mix?: 'page' | 'slot-search' | 'review';
  prepare?: (ctx: BenchContext) => Promise<void>;
  /** Undefined when the response body is right, otherwise what is wrong. */
  check: (body: string, ctx: BenchContext) => string | undefined;
};

/** People on the practitioner's team, filled in by `prepare` (a different person per request). */
let teamPeople: { id: string; givenName: string }[] = [];
const person = (n: number) => teamPeople[n % teamPeople.length]!;

async function loadTeamPeople({ sql, practitioner }: BenchContext) {
  if (teamPeople.length) return;
  teamPeople = await sql<{ id: string; givenName: string }[]>`
    select id, given_name as "givenName" from people
    where team_id = ${practitioner.teamId} and status = 'active' order by id limit 200`;
}

/** Personal links to invitations of coming meetings across the trust, made usable for the bench run. */
let inviteTokens: string[] = [];

async function prepareInvitationLinks({ sql }: BenchContext) {
  if (inviteTokens.length) return;
  const rows = await sql<{ id: string }[]>`
    select i.id from invitations i join meetings m on m.id = i.meeting_id
    where m.status = 'scheduled' and m.starts_at > now() + interval '1 day' and i.revoked_at is null
    order by i.id limit 2000`;
  inviteTokens = rows.map((r) => tokenWithSecret(BENCH_SECRET, r.id));
  const hashes = inviteTokens.map(hashToken);
  await sql`update invitations set token_hash = u.hash, expires_at = greatest(expires_at, now() + interval '30 days')
    from (select unnest(${sql.array(rows.map((r) => r.id))}::uuid[]) as id, unnest(${sql.array(hashes)}::text[]) as hash) u
    where invitations.id = u.id`;
}

export const invitationPath = (n: number) => `/invite/${inviteTokens[n % inviteTokens.length]}`;

/** The latest held meeting with a signed record of each person on the practitioner's team. */
let teamRecords: { personId: string; meetingId: string }[] = [];

async function loadTeamRecords(ctx: BenchContext) {
  if (teamRecords.length) return;
  await loadTeamPeople(ctx);
  teamRecords = await ctx.sql<{ personId: string; meetingId: string }[]>`
    select p.id as "personId", m.id as "meetingId"
    from unnest(${ctx.sql.array(teamPeople.map((t) => t.id))}::uuid[]) p(id)
      cross join lateral (
        select m.id from meetings m
        where m.person_id = p.id and m.status = 'held' and exists (
          select 1 from meeting_records r join record_signatures s on s.record_id = r.id where r.meeting_id = m.id)
        order by m.starts_at desc limit 1
      ) m`;
}

/**
 * The person's own links to held meetings that ended in the last 60 days and have a signed record
 * (across the trust), made usable for the bench run: after the meeting a link opens its notes
 * until the meeting's end plus the team's record_link_days.
 */
let sharedRecordTokens: string[] = [];

async function prepareSharedRecordLinks({ sql }: BenchContext) {
  if (sharedRecordTokens.length) return;
  const rows = await sql<{ id: string }[]>`
    select i.id from invitations i join meetings m on m.id = i.meeting_id
    where i.person_id is not null and i.revoked_at is null and m.status = 'held'
      and m.ends_at > now() - interval '60 days' and m.ends_at < now()
      and exists (select 1 from meeting_records r join record_signatures s on s.record_id = r.id where r.meeting_id = m.id)
    order by i.id limit 2000`;
  sharedRecordTokens = rows.map((r) => tokenWithSecret(BENCH_SECRET, r.id));
  const hashes = sharedRecordTokens.map(hashToken);
  await sql`update invitations set token_hash = u.hash,
      expires_at = greatest(invitations.expires_at, m.ends_at + make_interval(days => t.record_link_days))
    from (select unnest(${sql.array(rows.map((r) => r.id))}::uuid[]) as id, unnest(${sql.array(hashes)}::text[]) as hash) u,
      meetings m, teams t
    where invitations.id = u.id and m.id = invitations.meeting_id and t.id = m.team_id`;
}

export const scenarios: Scenario[] = [
  {
    // Reference: the smallest route there is (one `select 1`), at the invitation page's 32
    // connections: what Next.js itself and the load generator cost here, before any of our work.
    name: 'Reference: /api/health',
    method: 'GET',
    path: '/api/health',
    signedIn: false,
    connections: 32,
    reference: 'health',
    check: (body) => (body.includes('"ok"') ? undefined : 'the health check did not say ok'),
  },
  {
    // Reference: a server-rendered page with no database work (the sign-in form), at 16.
    name: 'Reference: sign-in page',
    method: 'GET',
    path: '/sign-in',
    signedIn: false,
    connections: 16,
    reference: 'sign-in',
    unloadedP95Ms: 50,
    check: (html) => (html.includes('Password') ? undefined : 'no sign-in form'),
  },
  {
    name: 'Today page',
    method: 'GET',
    path: '/today',
    signedIn: true,
    connections: 16,
    cpuTarget: { of: 'sign-in', max: 2 },
    unloadedP95Ms: 50,
    mix: 'page',
    check: (html) =>
      /You have \d+ network meetings? in/.test(visibleText(html)) ? undefined : 'no upcoming meetings shown',
  },
  {
    name: 'Caseload (next meeting first)',
    method: 'GET',
    path: (_, n) => (n % 4 === 3 ? '/people?q=a&sort=last' : n % 4 === 2 ? '/people?page=3' : '/people'),
    signedIn: true,
    connections: 16,
    cpuTarget: { of: 'sign-in', max: 2 },
    unloadedP95Ms: 50,
    mix: 'page',
    check: (html) => (/\d+ people/.test(visibleText(html)) ? undefined : 'no caseload count shown'),
  },
  {
    name: 'Person page',
    method: 'GET',
    path: (_, n) => `/people/${person(n).id}`,
    signedIn: true,
    connections: 16,
    cpuTarget: { of: 'sign-in', max: 2 },
    unloadedP95Ms: 50,
    mix: 'page',
    prepare: loadTeamPeople,
    check: (html) =>
      html.includes("'s network") || html.includes('No one is recorded yet') ? undefined : 'no network shown',
  },
  {
    name: 'Slot search: 3 required + 2 optional, 28 days',
    method: 'GET',
    path: (ctx, n) => {
      const staff = benchStaff;
      const pick = (i: number) => staff[(n + i) % staff.length]!;
      const required = [pick(0), pick(1), pick(2)].map((id) => `required=${id}`).join('&');
      const optional = [pick(3), pick(4)].map((id) => `optional=${id}`).join('&');
      return `/people/${person(n).id}/meetings/new?kind=network&duration=60&location=home&${required}&${optional}`;
    },
    signedIn: true,
    connections: 16,
    cpuTarget: { of: 'sign-in', max: 3 },
    unloadedP95Ms: 50,
    mix: 'slot-search',
    prepare: async (ctx) => {
      await loadTeamPeople(ctx);
      benchStaff = (
        await ctx.sql<
          { id: string }[]
        >`select user_id as id from team_members where team_id = ${ctx.practitioner.teamId} order by user_id`
      ).map((r) => r.id);
    },
    check: (html) =>
      html.includes('Free times, best first') || html.includes('No free time fits')
        ? undefined
        : 'no slots or reasons shown',
  },
  {
    // Every practitioner of the team (15), their meetings and absences; this week and the next.
    name: 'Team week calendar',
    method: 'GET',
    path: (_, n) =>
      n % 2 === 0
        ? '/calendar?view=team'
        : `/calendar?view=team&week=${new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)}`,
    signedIn: true,
    connections: 16,
    cpuTarget: { of: 'sign-in', max: 2 },
    unloadedP95Ms: 50,
    mix: 'page',
    check: (html, ctx) => {
      if (!visibleText(html).includes(`${ctx.practitioner.name} (you)`))
        return 'the practitioner is not on the team week';
      return html.includes('cal-entry cal-meeting') ? undefined : 'no meetings shown on the team week';
    },
  },
  {
    // A family member opening their personal link: public, no session, a different link each time.
    name: 'Invitation page',
    method: 'GET',
    path: (_, n) => invitationPath(n),
    signedIn: false,
    connections: 32,
    cpuTarget: { of: 'health', max: 1.5 },
    maxStatements: 2,
    unloadedP95Ms: 20,
    prepare: prepareInvitationLinks,
    // A network member is asked to the meeting with the person; the person is told of their own.
    check: (html) =>
      html.includes('Can you come to the meeting with') || html.includes('<h1>Your network meeting</h1>')
        ? undefined
        : 'the invitation is not shown',
  },
  {
    // A practitioner opening the signed record of a person's last meeting: every version, its
    // signatures, who came, the sharing choice. Compare its app CPU with the sign-in page's.
    name: 'Meeting record page',
    method: 'GET',
    path: (_, n) => {
      const r = teamRecords[n % teamRecords.length]!;
      return `/people/${r.personId}/meetings/${r.meetingId}/record`;
    },
    signedIn: true,
    connections: 16,
    cpuTarget: { of: 'sign-in', max: 2 },
    unloadedP95Ms: 50,
    mix: 'page',
    prepare: loadTeamRecords,
    check: (html) => {
      const text = visibleText(html);
      if (!text.includes('Record of the meeting with')) return 'no record page';
      return text.includes('Signed') ? undefined : 'the record is not shown as signed';
    },
  },
  {
    // A team's continuity review: every active person of the team with the flags that apply now,
    // from their latest four held meetings and who came (only that team's rows are read).
    name: 'Continuity review (the team)',
    method: 'GET',
    path: (ctx) => `/continuity/${ctx.practitioner.teamId}`,
    signedIn: true,
    connections: 8,
    cpuTarget: { of: 'sign-in', max: 2 },
    unloadedP95Ms: 50,
    mix: 'review',
    check: (html) => {
      const text = visibleText(html);
      if (!text.includes('Continuity review:')) return 'no continuity review';
      return /Everyone: \d+/.test(text) ? undefined : 'no people listed';
    },
  },
  {
    // The person opening their own link after the meeting: its signed notes, public, no session.
    // Like the invitation page, its app CPU should stay within 1.5× /api/health's.
    name: 'Shared record (invitation link after the meeting)',
    method: 'GET',
    path: (_, n) => `/invite/${sharedRecordTokens[n % sharedRecordTokens.length]}`,
    signedIn: false,
    connections: 32,
    cpuTarget: { of: 'health', max: 1.5 },
    maxStatements: 2,
    unloadedP95Ms: 50,
    prepare: prepareSharedRecordLinks,
    check: (html) =>
      html.includes('<h2>Notes from the meeting</h2>') && html.includes(sectionLabel.decisions)
        ? undefined
        : 'the notes of the meeting are not shown',
  },
];

let benchStaff: string[] = [];
