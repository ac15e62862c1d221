import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/connection';
import { endSession } from '@/db/queries/users';
import { clientAddressOf } from '@/lib/audit/origin';
import { authSecret } from '@/lib/env';
import { toAppError } from '@/lib/errors/app-error';
import { log } from '@/lib/log/logger';
import { cookieValue, KNOWN_DEVICE_COOKIE, knowsAccount } from './known-device';
import { claimsInTime, liveSessionUser, SESSION_SECONDS } from './live-session';
import { attemptSignIn } from './sign-in';
import { SIGN_IN_ERRORS } from './sign-in-errors';

const credentials = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
});

/** Thrown for a session that has ended; next-auth then clears its cookie. Not an error of ours. */
class SessionEnded extends Error {
  constructor() {
    super('The session has ended');
    this.name = 'SessionEnded';
  }
}

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
    logger: {
      error(code, metadata) {
        const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        if (error instanceof SessionEnded) return;
        log.error('next-auth error', { code, error: error instanceof Error ? error.message : String(error) });
      },
      warn(code) {
        log.warn('next-auth warning', { code });
      },
      debug() {},
    },
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
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = randomUUID();
          token.ver = user.sessionVersion;
          token.sin = Math.floor(Date.now() / 1000);
          return token;
        }
        // next-auth's own /api/auth/session checks the session as every page does, and an ended
        // one gets its cookie cleared (next-auth clears it when this throws) instead of renewed.
        const claims = { userId: token.sub, sessionId: token.sid, version: token.ver, signedInAt: token.sin };
        if (!claimsInTime(claims) || !(await liveSessionUser(await getDb(), claims))) throw new SessionEnded();
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { id: token.sub ?? '', email: session.user?.email, name: session.user?.name } };
      },
    },
  };
}
