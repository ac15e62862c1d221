'use server';

import { recordAudit } from '@/db/queries/audit';
import { findUsableInvite, redeemInvite } from '@/db/queries/invites';
import { validatedPublicAction } from '@/lib/actions/validated-action';
import { hashInviteToken, LINK_NO_LONGER_WORKS } from '@/lib/admin/invite-token';
import { setPasswordInput } from '@/lib/admin/set-password-input';
import { requestOrigin } from '@/lib/audit/origin';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors/app-error';

/** Public: the one-time link is the only credential, and it is checked here. */
export const setPasswordAction = validatedPublicAction(setPasswordInput, async function setPasswordFromInvite({ token, password }, { db }) {
  const tokenHash = hashInviteToken(token);
  // Check before the slow hash, so a dead link answers at once; redeeming checks again.
  if (!(await findUsableInvite(db, tokenHash))) throw new AppError('not_found', LINK_NO_LONGER_WORKS);
  const passwordHash = await hashPassword(password);
  const origin = await requestOrigin();
  const user = await db.transaction(async (tx) => {
    const redeemed = await redeemInvite(tx, tokenHash, passwordHash);
    if (!redeemed) return undefined;
    await recordAudit(tx, { actorId: redeemed.id, teamId: null, action: 'update', entity: 'user', entityId: redeemed.id, origin, detail: { change: 'password set from a one-time link' } });
    return redeemed;
  });
  if (!user) throw new AppError('not_found', LINK_NO_LONGER_WORKS);
  return { message: 'Your password is saved.', data: { email: user.email } };
});
