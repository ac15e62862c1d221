import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { welcomeLinks, users } from '../schema';

/**
 * One-time set-password links. Only the SHA-256 of each token is stored; a link works once,
 * until it expires, and never for a disabled account.
 */

/** Records a new link and retires any earlier unused ones for the same person. */
export async function insertWelcomeLink(
  db: Db,
  args: { userId: string; tokenHash: string; createdBy: string; expiresAt: Date; now?: Date },
) {
  const now = args.now ?? new Date();
  await db
    .update(welcomeLinks)
    .set({ expiresAt: now })
    .where(and(eq(welcomeLinks.userId, args.userId), isNull(welcomeLinks.usedAt), gt(welcomeLinks.expiresAt, now)));
  const [row] = await db
    .insert(welcomeLinks)
    .values({ userId: args.userId, tokenHash: args.tokenHash, createdBy: args.createdBy, expiresAt: args.expiresAt })
    .returning({ id: welcomeLinks.id, expiresAt: welcomeLinks.expiresAt });
  return row!;
}

/** Who a link is for, if it can still be used now. */
export async function findUsableWelcomeLink(db: Db, tokenHash: string, now = new Date()) {
  const rows = await db
    .select({
      linkId: welcomeLinks.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      expiresAt: welcomeLinks.expiresAt,
    })
    .from(welcomeLinks)
    .innerJoin(users, eq(users.id, welcomeLinks.userId))
    .where(
      and(
        eq(welcomeLinks.tokenHash, tokenHash),
        isNull(welcomeLinks.usedAt),
        gt(welcomeLinks.expiresAt, now),
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
export async function redeemWelcomeLink(tx: Db, tokenHash: string, passwordHash: string, now = new Date()) {
  const usable = await findUsableWelcomeLink(tx, tokenHash, now);
  if (!usable) return undefined;
  const [used] = await tx
    .update(welcomeLinks)
    .set({ usedAt: now })
    .where(and(eq(welcomeLinks.id, usable.linkId), isNull(welcomeLinks.usedAt)))
    .returning({ userId: welcomeLinks.userId });
  if (!used) return undefined;
  // A new password ends every session made with the old one.
  await tx
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, used.userId));
  return { id: usable.userId, name: usable.name, email: usable.email };
}
