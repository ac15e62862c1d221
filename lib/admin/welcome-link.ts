import type { Db } from '@/db/client';
import { findUsableWelcomeLink } from '@/db/queries/welcome-links';
import { limits, openSecretLink } from '@/lib/security/rate-limits';
import { hashWelcomeToken } from './welcome-token';

export const TOO_MANY_DEAD_WELCOME_LINKS =
  'Too many links that do not work from here. Please wait a few minutes, then open your link again.';

export type WelcomeLink =
  | { status: 'usable'; account: NonNullable<Awaited<ReturnType<typeof findUsableWelcomeLink>>> }
  | { status: 'dead' }
  | { status: 'too-many' };

/**
 * The account behind a set-password link, for its page and its form alike. Links that do not
 * work are counted per client address; past the limit every link from there is refused, the
 * same as the public invitation page.
 */
export async function openWelcomeLink(db: Db, token: string, address: string, now = new Date()): Promise<WelcomeLink> {
  const lookup =
    token.length <= 200 ? findUsableWelcomeLink(db, hashWelcomeToken(token), now) : Promise.resolve(undefined);
  const opened = await openSecretLink(db, limits.welcomeMisses(address), lookup, now);
  return opened.status === 'found' ? { status: 'usable', account: opened.found } : opened;
}
