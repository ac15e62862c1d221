import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_DAYS, KNOWN_DEVICE_PATH, withAccount } from '@/lib/auth/known-device';
import { authOptions } from '@/lib/auth/options';
import { SESSION_COOKIES } from '@/lib/auth/session-cookie';
import { env } from '@/lib/env';
import { DAY_S } from '@/lib/time/units';

type Context = { params: Promise<{ nextauth: string[] }> };

/** Whether next-auth's answer starts a session (it sets a non-empty session cookie). */
function startsSession(response: Response): boolean {
  return response.headers
    .getSetCookie()
    .some((cookie) => SESSION_COOKIES.some((name) => cookie.startsWith(`${name}=`) && !cookie.startsWith(`${name}=;`)));
}

/**
 * next-auth's routes. A sign-in that starts a session also marks this device as known to the
 * account (lib/auth/known-device.ts), so others' failures for that email never slow it down.
 */
async function handler(request: NextRequest, context: Context) {
  const signingIn = request.method === 'POST' && request.nextUrl.pathname.endsWith('/callback/credentials');
  const form = signingIn ? request.clone().formData() : undefined;
  const response = (await NextAuth(authOptions())(request, context)) as Response;
  if (!form || !startsSession(response)) return response;
  const email = String((await form).get('email') ?? '');
  if (!email) return response;
  // As next-auth decides for its own cookies: Secure when the app's public address is https.
  const secure = env().NEXTAUTH_URL?.startsWith('https://') ?? false;
  const value = withAccount(request.cookies.get(KNOWN_DEVICE_COOKIE)?.value, email);
  response.headers.append(
    'Set-Cookie',
    `${KNOWN_DEVICE_COOKIE}=${value}; Path=${KNOWN_DEVICE_PATH}; Max-Age=${KNOWN_DEVICE_DAYS * DAY_S}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`,
  );
  return response;
}

export { handler as GET, handler as POST };
