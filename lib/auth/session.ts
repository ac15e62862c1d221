import { notFound, redirect } from 'next/navigation';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/connection';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { can, type Action, type Resource } from './permissions';
import { sessionUserId } from './session-cookie';

/**
 * The signed-in user, loaded from the database on every request (once per request), so a
 * disabled user loses access at once. Undefined when signed out or disabled.
 */
export const currentUser = cache(async (): Promise<SessionUser | undefined> => {
  // Reading cookies makes every signed-in page per request, never prerendered at build time.
  const id = await sessionUserId(await cookies());
  if (!id) return undefined;
  const user = await findSessionUser(await getDb(), id);
  if (!user || user.disabledAt) return undefined;
  return user;
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
