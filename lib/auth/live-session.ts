import type { Db } from '@/db/client';
import { findSessionUser, type SessionUser } from '@/db/queries/users';

/** How long a session lasts from signing in, however often it is used: it is never extended. */
export const SESSION_SECONDS = 12 * 60 * 60;

/** What a session cookie says: whose it is, which session, its version, and when it signed in. */
export type SessionClaims = { userId: string; sessionId: string; version: number; signedInAt: number };

/** Whether the claims are of a whole session still within its 12 hours from signing in. */
export function claimsInTime(claims: Partial<SessionClaims>, now = Date.now()): claims is SessionClaims {
  return (
    typeof claims.userId === 'string' &&
    typeof claims.sessionId === 'string' &&
    typeof claims.version === 'number' &&
    typeof claims.signedInAt === 'number' &&
    claims.signedInAt * 1000 + SESSION_SECONDS * 1000 > now
  );
}

/**
 * The user a session belongs to, or undefined when the session has ended: signed out (a copy
 * of the cookie dies with it), made before the user's session version went up (sign out
 * everywhere, a new password, access turned off), or the user is disabled. One statement.
 */
export async function liveSessionUser(db: Db, claims: SessionClaims): Promise<SessionUser | undefined> {
  const user = await findSessionUser(db, claims.userId, claims.sessionId);
  if (!user || user.disabledAt || user.sessionEnded || user.sessionVersion !== claims.version) return undefined;
  return user;
}
