import { recordAudit } from '@/db/queries/audit';
import { redeemWelcomeLink } from '@/db/queries/welcome-links';
import type { VerbContext } from '@/lib/actions/context';
import { hashWelcomeToken, LINK_NO_LONGER_WORKS } from '@/lib/admin/welcome-token';
import { openWelcomeLink, TOO_MANY_DEAD_WELCOME_LINKS } from '@/lib/admin/welcome-link';
import { AppError } from '@/lib/errors/app-error';
import { hashPassword } from './password';
import { forgetSignInFailures } from './sign-in';

/**
 * Sets an account's password from its one-time set-password link, which is the only credential
 * (the account's owner is the audit's actor). Dead links from the same address are counted and
 * past the limit refused, as on the link's page. Returns the account's email, to sign in with.
 */
export async function setPasswordFromLink(
  ctx: { db: VerbContext['db']; origin: string },
  input: { token: string; password: string },
): Promise<{ email: string }> {
  // Check before the slow hash, so a dead link answers at once (and counts against the
  // address's limit); redeeming checks again.
  const link = await openWelcomeLink(ctx.db, input.token, ctx.origin);
  if (link.status === 'too-many') throw new AppError('rate_limited', TOO_MANY_DEAD_WELCOME_LINKS);
  if (link.status === 'dead') throw new AppError('not_found', LINK_NO_LONGER_WORKS);
  const tokenHash = hashWelcomeToken(input.token);
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.transaction(async (tx) => {
    const redeemed = await redeemWelcomeLink(tx, tokenHash, passwordHash);
    if (!redeemed) return undefined;
    // A new password ends the wait for failed sign-ins with the old one (the throttled message
    // tells people to ask their administrator for exactly this).
    await forgetSignInFailures(tx, redeemed.email);
    await recordAudit(tx, {
      actorId: redeemed.id,
      teamId: null,
      action: 'update',
      entity: 'user',
      entityId: redeemed.id,
      origin: ctx.origin,
      detail: { change: 'password set from a one-time link' },
    });
    return redeemed;
  });
  if (!user) throw new AppError('not_found', LINK_NO_LONGER_WORKS);
  return { email: user.email };
}
