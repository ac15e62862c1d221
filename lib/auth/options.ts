import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/connection';
import { endSession } from '@/db/queries/users';
import { clientAddressOf } from '@/lib/audit/origin';
import { authSecret } from '@/lib/env';
import { toAppError } from '@/lib/errors/app-error';
import { cookieValue, KNOWN_DEVICE_COOKIE, knowsAccount } from './known-device';
import { attemptSignIn } from './sign-in';
import { SIGN_IN_ERRORS } from './sign-in-errors';

const credentials = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
});

/** How long a session lasts without signing in again. */
export const SESSION_SECONDS = 12 * 60 * 60;

/** next-auth hands `authorize` the request's headers as a plain object. */
function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Email and password sign-in. The session is a signed, encrypted cookie carrying the user's id,
 * a random session id and the user's session version; every request loads the user again
 * (lib/auth/session.ts), so disabling a user, signing out (which records the session id as
 * ended) or raising the version ends access on the next request, copies of the cookie included.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        // A wrong email or password returns null (next-auth's "CredentialsSignin"); a throttled
        // attempt, or a failure on our side, throws a code the form turns into its own message.
        async authorize(input, request) {
          const parsed = credentials.safeParse(input);
          if (!parsed.success) return null;
          let attempt;
          try {
            attempt = await attemptSignIn(
              await getDb(),
              parsed.data.email,
              parsed.data.password,
              clientAddressOf({ get: (name) => headerValue(request?.headers, name) }),
              {
                knownDevice: knowsAccount(
                  cookieValue(headerValue(request?.headers, 'cookie'), KNOWN_DEVICE_COOKIE),
                  parsed.data.email,
                ),
              },
            );
          } catch (error) {
            toAppError(error, { route: 'sign-in' });
            throw new Error(SIGN_IN_ERRORS.unavailable);
          }
          if (attempt.status === 'throttled') throw new Error(`${SIGN_IN_ERRORS.throttled}:${attempt.waitSeconds}`);
          return attempt.status === 'signed-in' ? attempt.user : null;
        },
      }),
    ],
    events: {
      // Signing out ends this session for good, not only its cookie in this browser.
      async signOut({ token }) {
        if (!token.sub || typeof token.sid !== 'string') return;
        const expiresAt = new Date(
          typeof token.exp === 'number' ? token.exp * 1000 : Date.now() + SESSION_SECONDS * 1000,
        );
        await endSession(await getDb(), { sessionId: token.sid, userId: token.sub, expiresAt });
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = randomUUID();
          token.ver = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { id: token.sub ?? '', email: session.user?.email, name: session.user?.name } };
      },
    },
  };
}
