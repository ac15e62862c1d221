import { notFound, redirect } from 'next/navigation';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/connection';
import type { SessionUser } from '@/db/queries/users';
import { liveSessionUser } from './live-session';
import { can, type Action, type Resource } from './permissions';
import { sessionClaims } from './session-cookie';

/**
 * The signed-in user, loaded from the database on every request (once per request), so a
 * disabled user loses access at once. Undefined when signed out, disabled, or when the session
 * was ended: signed out (a copy of the cookie dies with it), or made before the user's session
 * version went up (sign out everywhere, a new password, access turned off).
 */
export const currentUser = cache(async (): Promise<SessionUser | undefined> => {
  // Reading cookies makes every signed-in page per request, never prerendered at build time.
  const claims = await sessionClaims(await cookies());
  if (!claims) return undefined;
  return liveSessionUser(await getDb(), claims);
});

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  return user;
}

/** For pages: a 404 page unless allowed, revealing nothing about what exists. */
export async function requireAllowed(
  action: Action,
  resource: Resource | ((user: SessionUser) => Resource),
): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action, typeof resource === 'function' ? resource(user) : resource)) notFound();
  return user;
}
