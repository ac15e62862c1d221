'use server';

import { recordAudit } from '@/db/queries/audit';
import { redeemInvite } from '@/db/queries/invites';
import { validatedPublicAction } from '@/lib/actions/validated-action';
import { hashInviteToken, LINK_NO_LONGER_WORKS } from '@/lib/admin/invite-token';
import { setPasswordInput } from '@/lib/admin/set-password-input';
import { openWelcomeLink, TOO_MANY_DEAD_WELCOME_LINKS } from '@/lib/admin/welcome-link';
import { requestOrigin } from '@/lib/audit/origin';
import { hashPassword } from '@/lib/auth/password';
import { forgetSignInFailures } from '@/lib/auth/sign-in';
import { AppError } from '@/lib/errors/app-error';

/** Public: the one-time link is the only credential, and it is checked here. */
export const setPasswordAction = validatedPublicAction(
  'setPassword',
  setPasswordInput,
  async function setPasswordFromInvite({ token, password }, { db }) {
    const origin = await requestOrigin();
    // Check before the slow hash, so a dead link answers at once (and counts against the
    // address's limit); redeeming checks again.
    const link = await openWelcomeLink(db, token, origin);
    if (link.status === 'too-many') throw new AppError('rate_limited', TOO_MANY_DEAD_WELCOME_LINKS);
    if (link.status === 'dead') throw new AppError('not_found', LINK_NO_LONGER_WORKS);
    const tokenHash = hashInviteToken(token);
    const passwordHash = await hashPassword(password);
    const user = await db.transaction(async (tx) => {
      const redeemed = await redeemInvite(tx, tokenHash, passwordHash);
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
        origin,
        detail: { change: 'password set from a one-time link' },
      });
      return redeemed;
    });
    if (!user) throw new AppError('not_found', LINK_NO_LONGER_WORKS);
    return { message: 'Your password is saved.', data: { email: user.email } };
  },
);
