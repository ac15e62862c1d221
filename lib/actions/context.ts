import type { Db } from '@/db/client';

/** Who is acting, and from where, as the audit records it. */
export type Actor = { actorId: string; origin: string };

/**
 * What every write verb (`lib/<domain>/<verb>.ts`) is given: the database (or the transaction
 * of a verb that calls it, which it then joins) and the actor.
 */
export type VerbContext = { db: Db; actor: Actor };
