import { randomUUID } from 'node:crypto';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import postgres from 'postgres';
import { hashToken, tokenWithSecret } from '../lib/invitations/token';
import { e2eSecret, postgresPorts } from '../playwright.config';
import { demo, expect, test } from './fixtures';

/**
 * Races where they matter: two app instances on one PostgreSQL database (as behind a load
 * balancer), many conflicting requests sent over HTTP at once, alternating between them. The
 * forms are posted as a browser without JavaScript posts them (the server action's hidden
 * fields read from the page), so each request runs the whole path: session, validation, the
 * verb's transaction, the database's constraints. Afterwards nothing half-written may remain.
 */
const databaseUrl = process.env.E2E_DATABASE_URL;
const instances = postgresPorts.map((port) => `http://127.0.0.1:${port}`);

async function withSql<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(databaseUrl!, { max: 1 });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

/** A signed-in HTTP client; the session cookie is the same on both instances (one host name). */
async function signedIn(email: string): Promise<APIRequestContext> {
  const client = await playwrightRequest.newContext();
  const { csrfToken } = (await (await client.get(`${instances[0]}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await client.post(`${instances[0]}/api/auth/callback/credentials`, {
    form: { email, password: demo.password, csrfToken, json: 'true' },
  });
  expect(new URL(((await response.json()) as { url: string }).url).searchParams.get('error')).toBeNull();
  return client;
}

const unescape = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The hidden fields of the first form on the page whose markup contains `marker`. */
function hiddenFields(html: string, marker: string): Record<string, string> {
  const form = html.split('<form').find((part) => part.includes(marker));
  if (!form) throw new Error(`no form with ${marker} on the page`);
  const fields: Record<string, string> = {};
  for (const input of form.slice(0, form.indexOf('</form>')).match(/<input[^>]*>/g) ?? []) {
    if (!/type="hidden"/.test(input)) continue;
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields[unescape(name)] = unescape(/value="([^"]*)"/.exec(input)?.[1] ?? '');
  }
  return fields;
}

/** The start times the page offers to book (the slot picker's radio buttons). */
const offeredStarts = (html: string) => [...html.matchAll(/name="start"[^>]*value="([^"]+)"/g)].map((m) => m[1]!);

test.describe('races across two instances', () => {
  test.beforeAll(() => {
    if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests with `npm test`');
  });

  test('100 conflicting bookings at once over both instances: exactly one is made, the others hear it was just taken and see fresh times', async () => {
    test.setTimeout(120_000);
    // A person and a practitioner of their own, free around the clock: only the race decides.
    const { personId, practitionerId } = await withSql(async (sql) => {
      const [team] = await sql`select id from teams where name = 'Riverside Open Dialogue Team'`;
      const [hash] = await sql`select password_hash from users where email = ${demo.practitioner}`;
      const [user] = await sql`insert into users (email, name, password_hash, role, discipline)
        values (${`racer-${Date.now()}@example.org`}, 'Rae Racer', ${hash!.password_hash}, 'practitioner', 'nurse')
        returning id`;
      await sql`insert into team_members (team_id, user_id) values (${team!.id}, ${user!.id})`;
      for (let weekday = 1; weekday <= 7; weekday++)
        await sql`insert into working_patterns (user_id, weekday, start_minute, end_minute)
          values (${user!.id}, ${weekday}, 0, 1440)`;
      const [person] = await sql`insert into people (team_id, given_name, family_name, referral_at)
        values (${team!.id}, 'Quinn', ${`Race${Date.now().toString(36)}`}, now()) returning id`;
      return { personId: person!.id as string, practitionerId: user!.id as string };
    });

    const client = await signedIn(demo.practitioner);
    const from = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const page = `/people/${personId}/meetings/new?kind=network&duration=60&location=clinic&from=${from}&to=${from}&required=${practitionerId}`;
    const html = await (await client.get(`${instances[0]}${page}`)).text();
    const contested = offeredStarts(html)[0]!;
    expect(contested).toBeTruthy();
    const fields = {
      ...hiddenFields(html, 'class="form booking"'),
      start: contested,
      locationDetail: 'Room 3',
    };

    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        client
          .post(`${instances[i % 2]}${page}`, { multipart: fields, maxRedirects: 0 })
          .then(async (response) => ({ status: response.status(), body: await response.text() })),
      ),
    );
    const booked = answers.filter((a) => a.status === 303);
    const refused = answers.filter((a) => a.status !== 303);
    expect(booked).toHaveLength(1);
    expect(refused).toHaveLength(99);
    for (const answer of refused) {
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('just taken');
      // The times offered with the answer are fresh: the one just booked is no longer among them.
      const fresh = offeredStarts(answer.body);
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh).not.toContain(contested);
    }

    await withSql(async (sql) => {
      const made = await sql`select id from meetings where person_id = ${personId}`;
      expect(made).toHaveLength(1);
      const busy = await sql`select meeting_id from meeting_practitioners where user_id = ${practitionerId}`;
      expect(busy).toHaveLength(1);
      const [halfWritten] = await sql`select
          (select count(*)::int from meetings m where not exists
            (select 1 from meeting_practitioners p where p.meeting_id = m.id)) as meetings_without_practitioners,
          (select count(*)::int from invitations i where not exists
            (select 1 from meetings m where m.id = i.meeting_id)) as invitations_without_meetings,
          (select count(*)::int from outbox o where o.meeting_id is not null and not exists
            (select 1 from meetings m where m.id = o.meeting_id)) as mail_without_meetings`;
      expect(halfWritten).toEqual({
        meetings_without_practitioners: 0,
        invitations_without_meetings: 0,
        mail_without_meetings: 0,
      });
    });
    await client.dispose();
  });

  test('50 answers to one invitation at once over both instances: each is taken whole, and the last one stands', async () => {
    const { invitationId, token } = await withSql(async (sql) => {
      // A meeting of its own, 40 days ahead at 03:00 UTC with a practitioner of its own: nothing
      // the demo data holds (or lacks) on the day the test runs can get in the way.
      const [team] = await sql`select id from teams where name = 'Riverside Open Dialogue Team'`;
      const [hash] = await sql`select password_hash from users where email = ${demo.practitioner}`;
      const [user] = await sql`insert into users (email, name, password_hash, role, discipline)
        values (${`answers-${Date.now()}@example.org`}, 'Ari Answers', ${hash!.password_hash}, 'practitioner', 'nurse')
        returning id`;
      await sql`insert into team_members (team_id, user_id) values (${team!.id}, ${user!.id})`;
      const [person] = await sql`insert into people (team_id, given_name, family_name, referral_at)
        values (${team!.id}, 'Noor', ${`Answers${Date.now().toString(36)}`}, now()) returning id`;
      const [member] =
        await sql`insert into network_members (person_id, given_name, family_name, relationship, kind, closeness, may_be_invited)
        values (${person!.id}, 'Jay', 'Answers', 'sibling', 'family', 'inner', true) returning id`;
      const [meeting] = await sql`insert into meetings (person_id, team_id, kind, starts_at, ends_at, location_kind)
        values (${person!.id}, ${team!.id}, 'network', date_trunc('day', now()) + interval '40 days 3 hours',
          date_trunc('day', now()) + interval '40 days 4 hours', 'clinic') returning id, starts_at, ends_at`;
      await sql`insert into meeting_practitioners (meeting_id, user_id, busy_from, busy_to)
        values (${meeting!.id}, ${user!.id}, ${meeting!.starts_at}, ${meeting!.ends_at})`;
      const id = randomUUID();
      const link = tokenWithSecret(e2eSecret, id);
      await sql`insert into invitations (id, meeting_id, network_member_id, token_hash, expires_at)
        values (${id}, ${meeting!.id}, ${member!.id}, ${hashToken(link)}, now() + interval '60 days')`;
      return { invitationId: id, token: link };
    });
    const client = await playwrightRequest.newContext();
    const answersSent = ['accepted', 'tentative', 'declined'] as const;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client
          .post(`${instances[i % 2]}/invite/${token}`, {
            form: { response: answersSent[i % 3]!, message: `answer ${i}` },
            maxRedirects: 0,
          })
          .then((response) => response.status()),
      ),
    );
    expect(results.every((status) => status === 303)).toBe(true);
    await withSql(async (sql) => {
      const rows = await sql`select response, message from invitations where id = ${invitationId}`;
      expect(rows).toHaveLength(1);
      const [row] = rows;
      // Whichever came last, its answer and its message together: never one answer with another's words.
      const i = Number(/^answer (\d+)$/.exec(row!.message as string)?.[1]);
      expect(row!.response).toBe(answersSent[i % 3]);
    });
    await client.dispose();
  });

  test('the same record signed twice at once on both instances: one signature, one audit entry, the other told it is signed', async () => {
    const { personId, meetingId } = await withSql(async (sql) => {
      const [team] = await sql`select id from teams where name = 'Riverside Open Dialogue Team'`;
      const [alex] = await sql`select id from users where email = ${demo.practitioner}`;
      const [person] = await sql`insert into people (team_id, given_name, family_name, referral_at)
        values (${team!.id}, 'Sky', ${`Signed${Date.now().toString(36)}`}, now() - interval '5 days') returning id`;
      // Three days ago at 04:00 UTC, before anyone's working day (never on top of the demo's meetings).
      const [meeting] =
        await sql`insert into meetings (person_id, team_id, kind, starts_at, ends_at, location_kind, status)
        values (${person!.id}, ${team!.id}, 'network', date_trunc('day', now()) - interval '3 days' + interval '4 hours',
          date_trunc('day', now()) - interval '3 days' + interval '5 hours', 'clinic', 'held') returning id, starts_at, ends_at`;
      await sql`insert into meeting_practitioners (meeting_id, user_id, busy_from, busy_to)
        values (${meeting!.id}, ${alex!.id}, ${meeting!.starts_at}, ${meeting!.ends_at})`;
      await sql`insert into meeting_attendance (meeting_id, user_id, presence, recorded_by)
        values (${meeting!.id}, ${alex!.id}, 'came', ${alex!.id})`;
      await sql`insert into meeting_attendance (meeting_id, person_id, presence, recorded_by)
        values (${meeting!.id}, ${person!.id}, 'came', ${alex!.id})`;
      const content = {
        voices: [],
        reflections: { held: null, said: '', response: '' },
        decisions: [],
        openQuestions: [],
        actions: [],
        nextMeeting: { when: '', where: '', who: '' },
      };
      await sql`insert into meeting_records (meeting_id, version, content, author_id)
        values (${meeting!.id}, 1, ${sql.json(content)}, ${alex!.id})`;
      return { personId: person!.id as string, meetingId: meeting!.id as string };
    });

    const client = await signedIn(demo.practitioner);
    const path = `/people/${personId}/meetings/${meetingId}/record`;
    const html = await (await client.get(`${instances[0]}${path}`)).text();
    const fields = { ...hiddenFields(html, 'name="kind" value="signed"'), password: demo.password };
    const answers = await Promise.all(
      instances.map((instance) =>
        client
          .post(`${instance}${path}`, { multipart: fields, maxRedirects: 0 })
          .then(async (response) => ({ status: response.status(), body: await response.text() })),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 303]);
    const refused = answers.find((a) => a.status === 200)!;
    expect(refused.body).toMatch(/has just been signed|signed and never changes/);

    await withSql(async (sql) => {
      const signatures = await sql`select s.kind from record_signatures s join meeting_records r on r.id = s.record_id
        where r.meeting_id = ${meetingId}`;
      expect(signatures).toEqual([{ kind: 'signed' }]);
      const audits =
        await sql`select action from audit_events where entity = 'meeting_record' and entity_id = ${meetingId}
        and action = 'sign'`;
      expect(audits).toHaveLength(1);
    });
    await client.dispose();
  });
});
