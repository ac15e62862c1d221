import type postgres from 'postgres';

/** Signs a practitioner in over HTTP, the way a browser does, and returns the session cookie. */

export type BenchPractitioner = { id: string; email: string; name: string; teamId: string; upcoming: number };

/** The practitioner with the most scheduled meetings in the next 14 days: the Today page's worst case. */
export async function pickPractitioner(sql: postgres.Sql): Promise<BenchPractitioner> {
  const [row] = await sql<BenchPractitioner[]>`
    select u.id, u.email, u.name, tm.team_id as "teamId", count(*)::int as upcoming
    from meeting_practitioners mp
      join meetings m on m.id = mp.meeting_id
      join users u on u.id = mp.user_id
      join team_members tm on tm.user_id = u.id and tm.team_id = m.team_id
    where mp.active and m.status = 'scheduled' and m.ends_at > now() and m.starts_at < now() + interval '14 days'
    group by u.id, u.email, u.name, tm.team_id
    order by upcoming desc, u.email
    limit 1`;
  if (!row) throw new Error('No practitioner has scheduled meetings in the next 14 days: the data set is wrong.');
  return row;
}

/** name=value of each Set-Cookie, merged into a jar. */
function collectCookies(response: Response, jar: Map<string, string>): void {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');

/** Returns the Cookie header value that carries the session (next-auth.session-token=…). */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrfResponse.ok) throw new Error(`GET /api/auth/csrf answered ${csrfResponse.status}`);
  collectCookies(csrfResponse, jar);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error('GET /api/auth/csrf gave no csrfToken');

  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/today`, json: 'true' }).toString(),
  });
  await response.arrayBuffer();
  collectCookies(response, jar);
  const token = jar.get('next-auth.session-token');
  if (!token) {
    throw new Error(
      `Sign-in as ${email} failed: HTTP ${response.status}, no next-auth.session-token cookie (location: ${response.headers.get('location') ?? 'none'})`,
    );
  }
  return `next-auth.session-token=${token}`;
}

/** React puts <!-- --> between adjacent text nodes; readable text for checks has none. */
export const visibleText = (html: string) => html.replaceAll('<!-- -->', '');

/** Fails loudly unless the Today page shows the practitioner's upcoming meetings. */
export async function verifyTodayPage(
  baseUrl: string,
  cookie: string,
  practitioner: BenchPractitioner,
): Promise<number> {
  const response = await fetch(`${baseUrl}/today`, { headers: { cookie }, redirect: 'manual' });
  const html = visibleText(await response.text());
  if (response.status !== 200) {
    throw new Error(
      `GET /today as ${practitioner.email} answered ${response.status} (location: ${response.headers.get('location') ?? 'none'})`,
    );
  }
  const shown = /You have (\d+) network meetings? in/.exec(html);
  if (!shown)
    throw new Error(
      `GET /today as ${practitioner.email} does not show their upcoming meetings ("You have N network meetings in")`,
    );
  if (!html.includes(practitioner.name))
    throw new Error(`GET /today does not show the signed-in name ${practitioner.name}`);
  return Number(shown[1]);
}
