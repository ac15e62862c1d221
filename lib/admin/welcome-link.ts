import type { Db } from '@/db/client';
import { findUsableInvite } from '@/db/queries/invites';
import { limits, openSecretLink } from '@/lib/security/rate-limits';
import { hashInviteToken } from './invite-token';

export const TOO_MANY_DEAD_WELCOME_LINKS =
  'Too many links that do not work from here. Please wait a few minutes, then open your link again.';

export type WelcomeLink =
  | { status: 'usable'; invite: NonNullable<Awaited<ReturnType<typeof findUsableInvite>>> }
  | { status: 'dead' }
  | { status: 'too-many' };

/**
 * The invite behind a set-password link, for its page and its form alike. Links that do not
 * work are counted per client address; past the limit every link from there is refused, the
 * same as the public invitation page.
 */
export async function openWelcomeLink(db: Db, token: string, address: string, now = new Date()): Promise<WelcomeLink> {
  const lookup = token.length <= 200 ? findUsableInvite(db, hashInviteToken(token), now) : Promise.resolve(undefined);
  const opened = await openSecretLink(db, limits.welcomeMisses(address), lookup, now);
  return opened.status === 'found' ? { status: 'usable', invite: opened.found } : opened;
}
