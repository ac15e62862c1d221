import { z } from 'zod';
import type { Db } from '@/db/client';
import { teamPractitioners } from '@/db/queries/core-team';

const ids = z.array(z.guid()).max(12);

/**
 * The names of the team's practitioners in a confirmation's `without` (those welcome to join who
 * were not free, so not added). Anything else in the address is ignored: it only names, never grants.
 */
export async function namesLeftOut(db: Db, teamId: string, without: string | string[] | undefined): Promise<string[]> {
  const parsed = ids.safeParse(typeof without === 'string' ? without.split(',') : []);
  if (!parsed.success || parsed.data.length === 0) return [];
  const staff = await teamPractitioners(db, teamId);
  return staff.filter((p) => parsed.data.includes(p.id)).map((p) => p.name);
}
