import { decode } from 'next-auth/jwt';
import { authSecret } from '@/lib/env';
import { claimsInTime, type SessionClaims } from './live-session';

/** next-auth's session cookie: the secure name on https, the plain one on http. */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

type CookieReader = { get(name: string): { value: string } | undefined; has(name: string): boolean };

/** The raw session token, joining the chunks next-auth writes when a cookie grows large. */
export function sessionToken(cookies: CookieReader): string | undefined {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name)?.value;
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!.value);
    if (chunks.length) return chunks.join('');
  }
  return undefined;
}

/**
 * The claims in a valid, unexpired session cookie. One decryption, and no new cookie is
 * written (a server component cannot set one anyway), so a request pays only for what it uses.
 * A cookie without a session id, version or sign-in time (made before sessions could be ended),
 * or signed in more than 12 hours ago, is no session.
 */
export async function sessionClaims(cookies: CookieReader): Promise<SessionClaims | undefined> {
  const token = sessionToken(cookies);
  if (!token) return undefined;
  try {
    const payload = await decode({ token, secret: authSecret() });
    if (!payload || (typeof payload.exp === 'number' && payload.exp * 1000 < Date.now())) return undefined;
    const claims = { userId: payload.sub, sessionId: payload.sid, version: payload.ver, signedInAt: payload.sin };
    return claimsInTime(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}
