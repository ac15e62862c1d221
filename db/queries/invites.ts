import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { userInvites, users } from '../schema';

/**
 * One-time set-password links. Only the SHA-256 of each token is stored; a link works once,
 * until it expires, and never for a disabled account.
 */

/** Records a new link and retires any earlier unused ones for the same person. */
export async function insertInvite(
  db: Db,
  args: { userId: string; tokenHash: string; createdBy: string; expiresAt: Date; now?: Date },
) {
  const now = args.now ?? new Date();
  await db
    .update(userInvites)
    .set({ expiresAt: now })
    .where(and(eq(userInvites.userId, args.userId), isNull(userInvites.usedAt), gt(userInvites.expiresAt, now)));
  const [row] = await db
    .insert(userInvites)
    .values({ userId: args.userId, tokenHash: args.tokenHash, createdBy: args.createdBy, expiresAt: args.expiresAt })
    .returning({ id: userInvites.id, expiresAt: userInvites.expiresAt });
  return row!;
}

/** Who a link is for, if it can still be used now. */
export async function findUsableInvite(db: Db, tokenHash: string, now = new Date()) {
  const rows = await db
    .select({
      inviteId: userInvites.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      expiresAt: userInvites.expiresAt,
    })
    .from(userInvites)
    .innerJoin(users, eq(users.id, userInvites.userId))
    .where(
      and(
        eq(userInvites.tokenHash, tokenHash),
        isNull(userInvites.usedAt),
        gt(userInvites.expiresAt, now),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return rows[0];
}

/**
 * Uses the link and sets the password. Run it in a transaction, so both happen or neither.
 * Marking the link used is one conditional update, so two tabs submitting at once cannot both
 * succeed. Returns the user, or undefined when the link is unknown, used, expired, or the
 * account is disabled.
 */
export async function redeemInvite(tx: Db, tokenHash: string, passwordHash: string, now = new Date()) {
  const usable = await findUsableInvite(tx, tokenHash, now);
  if (!usable) return undefined;
  const [used] = await tx
    .update(userInvites)
    .set({ usedAt: now })
    .where(and(eq(userInvites.id, usable.inviteId), isNull(userInvites.usedAt)))
    .returning({ userId: userInvites.userId });
  if (!used) return undefined;
  // A new password ends every session made with the old one.
  await tx
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, used.userId));
  return { id: usable.userId, name: usable.name, email: usable.email };
}
