import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/connection';
import { clientAddressOf } from '@/lib/audit/origin';
import { authSecret } from '@/lib/env';
import { toAppError } from '@/lib/errors/app-error';
import { attemptSignIn } from './sign-in';
import { SIGN_IN_ERRORS } from './sign-in-errors';

const credentials = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
});

/** next-auth hands `authorize` the request's headers as a plain object. */
function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Email and password sign-in. The session is a signed, encrypted cookie carrying only the
 * user's id; every request loads the user again (lib/auth/session.ts), so disabling a user
 * ends their access on their next request.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
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
            );
          } catch (error) {
            toAppError(error, { route: 'sign-in' });
            throw new Error(SIGN_IN_ERRORS.unavailable);
          }
          if (attempt.status === 'throttled') throw new Error(SIGN_IN_ERRORS.throttled);
          return attempt.status === 'signed-in' ? attempt.user : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { id: token.sub ?? '', email: session.user?.email, name: session.user?.name } };
      },
    },
  };
}
