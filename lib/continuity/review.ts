import { flags, isFlag, type Flag } from './flags';
import type { ReviewRow } from './team';

export const sorts = ['flags', 'name', 'last', 'referral'] as const;
export type Sort = (typeof sorts)[number];
export const sortLabel: Record<Sort, string> = {
  flags: 'Most flags first',
  name: 'Name',
  last: 'Longest since last meeting',
  referral: 'Most recently referred',
};

/** The review's choices from the address: a flag to filter by and an order (anything else is ignored). */
export function reviewChoice(params: { flag?: unknown; sort?: unknown }): { flag: Flag | null; sort: Sort } {
  return {
    flag: isFlag(params.flag) ? params.flag : null,
    sort: (sorts as readonly unknown[]).includes(params.sort) ? (params.sort as Sort) : 'flags',
  };
}

const nameKey = (r: ReviewRow) => `${r.familyName} ${r.givenName}`.toLowerCase();

/** The rows with the flag chosen, in the order chosen; ties by name. */
export function filterAndSort(rows: readonly ReviewRow[], choice: { flag: Flag | null; sort: Sort }): ReviewRow[] {
  const kept = choice.flag ? rows.filter((r) => r.flags.includes(choice.flag!)) : [...rows];
  const byName = (a: ReviewRow, b: ReviewRow) => nameKey(a).localeCompare(nameKey(b));
  const order: Record<Sort, (a: ReviewRow, b: ReviewRow) => number> = {
    flags: (a, b) => b.flags.length - a.flags.length || byName(a, b),
    name: byName,
    // Never met comes first: the longest wait of all.
    last: (a, b) => (a.lastHeldAt?.getTime() ?? -Infinity) - (b.lastHeldAt?.getTime() ?? -Infinity) || byName(a, b),
    referral: (a, b) => b.referralAt.getTime() - a.referralAt.getTime() || byName(a, b),
  };
  return kept.sort(order[choice.sort]);
}

/** How many people carry each flag. */
export function flagCounts(rows: readonly ReviewRow[]): Record<Flag, number> {
  const counts = Object.fromEntries(flags.map((f) => [f, 0])) as Record<Flag, number>;
  for (const r of rows) for (const f of r.flags) counts[f]++;
  return counts;
}
